// Engine.schedule() reuses fired entries: the reused entry must take a fresh insertion sequence
// (ties at equal time and priority fire in scheduling order) and the same time guards as a new one.
import { describe, expect, it } from 'vitest';
import { Engine, SimError } from '../../src/engine/index.js';

describe('schedule() with recycled entries', () => {
  it('equal time and priority fire in scheduling order, whether the entry is new or reused', () => {
    const e = new Engine();
    const log: string[] = [];
    // fire three handle-less events so three entries sit in the spare pool
    for (let i = 0; i < 3; i++) e.schedule(i, () => {});
    e.run();
    // a, b and c reuse spare entries (popped last-in first), d is new; all at one time and priority
    for (const name of ['a', 'b', 'c', 'd', 'e']) e.schedule(10, () => log.push(name), 5);
    e.run();
    expect(log).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a reused entry is refused for past or non-integer times like a new one', () => {
    const e = new Engine();
    e.schedule(5, () => {});
    e.run();
    expect(e.now).toBe(5);
    expect(() => e.schedule(4, () => {})).toThrow(/past/);
    expect(() => e.schedule(Number.NaN, () => {})).toThrow(SimError);
    expect(() => e.schedule(6.5, () => {})).toThrow(SimError);
    expect(e.pending).toBe(0);
  });
});
