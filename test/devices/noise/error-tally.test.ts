import { describe, expect, it } from 'vitest';
import { rngFor } from '../../../src/engine/rng.js';
import { ErrorTally } from '../../../src/devices/noise/error-tally.js';
import { bitFlipAccessNoise } from '../../../src/devices/noise/access-noise.js';
import { binomialInterval } from './stats-helpers.js';

describe('ErrorTally', () => {
  it('counts per tag, grows for large tags, reports sampled and expected errors', () => {
    const t = new ErrorTally('soc.memory.mram', bitFlipAccessNoise(1e-3));
    const rng = rngFor(4, 'soc.memory.mram.noise');
    for (let i = 0; i < 3000; i++) t.read(i % 3 === 0 ? 2 : 70, 512, rng);
    t.record(5, 64, 0);
    const s = t.stats();
    expect(s.path).toBe('soc.memory.mram');
    expect(s.byTag.map((x) => x.tag)).toEqual([2, 5, 70]);
    const t2 = s.byTag[0];
    const t70 = s.byTag[2];
    expect(t2?.accesses).toBe(1000);
    expect(t70?.accesses).toBe(2000);
    expect(t70?.bitsRead).toBe(2000 * 512);
    expect(t70?.expectedBitErrors).toBeCloseTo(2000 * 512 * 1e-3, 9);
    const [lo, hi] = binomialInterval(2000 * 512, 1e-3);
    expect(t70?.bitErrors).toBeGreaterThanOrEqual(lo);
    expect(t70?.bitErrors).toBeLessThanOrEqual(hi);
    expect(t70?.accessesWithErrors).toBeLessThanOrEqual(t70?.bitErrors ?? 0);
    expect(t70?.accessesWithErrors).toBeGreaterThan(0);
    expect(s.byTag[1]).toEqual({ tag: 5, accesses: 1, bitsRead: 64, bitErrors: 0, accessesWithErrors: 0, expectedBitErrors: 64e-3 });
    const tot = t.total();
    expect(tot.accesses).toBe(3001);
    expect(tot.bitErrors).toBe((t2?.bitErrors ?? 0) + (t70?.bitErrors ?? 0));
  });
  it('rejects negative or fractional tags', () => {
    const t = new ErrorTally('x', bitFlipAccessNoise(0));
    expect(() => t.record(-1, 8, 0)).toThrow(/tag/);
    expect(() => t.record(1.5, 8, 0)).toThrow(/tag/);
  });
});
