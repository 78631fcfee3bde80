// run(until / maxEvents), stop(), step(), and the guards on scheduled times.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine, SimError } from '../../src/engine/index.js';
import type { Ps } from '../../src/units/quantity.js';

describe('run limits', () => {
  it('run({until}) fires exactly the events at or before until and leaves now = until', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 100 }), fc.integer({ min: 0, max: 1200 }), (ts, until) => {
      const e = new Engine();
      const fired: number[] = [];
      for (const t of ts) e.at(t as Ps, () => fired.push(t));
      const end = e.run({ until: until as Ps });
      expect(end).toEqual({ kind: 'timeLimit', at: until });
      expect(e.now).toBe(until);
      expect(fired.length).toBe(ts.filter((t) => t <= until).length);
      expect(e.pending).toBe(ts.length - fired.length);
      e.run();
      expect(fired.length).toBe(ts.length);
    }), { numRuns: 200 });
  });

  it('run({maxEvents}) stops after that many events and resumes', () => {
    const e = new Engine();
    let n = 0;
    for (let i = 0; i < 10; i++) e.at(i as Ps, () => n++);
    expect(e.run({ maxEvents: 4 })).toEqual({ kind: 'eventLimit', events: 4 });
    expect(n).toBe(4);
    expect(e.now).toBe(3);
    expect(e.run()).toEqual({ kind: 'drained' });
    expect(n).toBe(10);
    expect(e.eventsProcessed).toBe(10);
  });

  it('stop() ends the run after the current event', () => {
    const e = new Engine();
    const log: number[] = [];
    e.at(1 as Ps, () => log.push(1));
    e.at(2 as Ps, () => { log.push(2); e.stop('enough'); });
    e.at(3 as Ps, () => log.push(3));
    expect(e.run()).toEqual({ kind: 'stopped', reason: 'enough' });
    expect(log).toEqual([1, 2]);
    expect(e.run()).toEqual({ kind: 'drained' });
    expect(log).toEqual([1, 2, 3]);
  });

  it('step() fires one event at a time and returns false when empty', () => {
    const e = new Engine();
    let n = 0;
    e.at(5 as Ps, () => n++);
    expect(e.step()).toBe(true);
    expect([n, e.now]).toEqual([1, 5]);
    expect(e.step()).toBe(false);
  });

  it('rejects unsafe-integer, fractional and past times', () => {
    const e = new Engine();
    expect(() => e.at(2 ** 53 as Ps, () => {})).toThrow(SimError);
    expect(() => e.at(1.5 as Ps, () => {})).toThrow(SimError);
    expect(() => e.schedule(Number.NaN, () => {})).toThrow(SimError);
    e.at(10 as Ps, () => {});
    e.run();
    expect(() => e.at(5 as Ps, () => {})).toThrow(/past/);
    expect(() => e.after(Number.MAX_SAFE_INTEGER as Ps, () => {})).toThrow(/safe integer/);
    expect(() => e.run({ until: 0.5 as Ps })).toThrow(SimError);
  });
});
