// Clock domains (cycles ↔ ps, JEDEC ceil rounding) and per-path random streams.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClockDomain, SimError, rngFor } from '../../src/engine/index.js';
import type { Hz, Ps } from '../../src/units/quantity.js';

describe('ClockDomain', () => {
  it('converts cycles and ps, rounding up to whole cycles', () => {
    const ck = new ClockDomain('ck', 625 as Ps); // LPDDR5-6400 CK = 1.6 GHz → 625 ps
    expect(ck.toPs(4)).toBe(2500);
    expect(ck.toCyclesCeil(18000 as Ps)).toBe(29); // tRCD 18 ns → ceil(28.8)
    expect(ck.toCyclesCeil(2500 as Ps)).toBe(4);
    expect(ck.nextEdge(626 as Ps)).toBe(1250);
    expect(ck.nextEdge(1250 as Ps)).toBe(1250);
    expect(ClockDomain.fromFrequency('f', 1.6e9 as Hz).periodPs).toBe(625);
    expect(() => new ClockDomain('bad', 0 as Ps)).toThrow(SimError);
    expect(() => new ClockDomain('bad', 1.5 as Ps)).toThrow(SimError);
  });

  it('nextEdge is the smallest edge ≥ t and toCyclesCeil covers t (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 1e9 }), (p, t) => {
      const ck = new ClockDomain('c', p as Ps);
      const edge = ck.nextEdge(t as Ps);
      expect(edge % p).toBe(0);
      expect(edge).toBeGreaterThanOrEqual(t);
      expect(edge - t).toBeLessThan(p);
      const n = ck.toCyclesCeil(t as Ps);
      expect(n * p).toBeGreaterThanOrEqual(t);
      expect((n - 1) * p).toBeLessThan(t);
    }));
  });
});

describe('rngFor', () => {
  const draw = (seed: number, path: string, n = 16): number[] => {
    const r = rngFor(seed, path);
    return Array.from({ length: n }, () => r.next());
  };

  it('is a pure function of (seed, path)', () => {
    fc.assert(fc.property(fc.integer(), fc.string(), (seed, path) => {
      expect(draw(seed, path)).toEqual(draw(seed, path));
    }), { numRuns: 100 });
  });

  it('different paths or seeds give different streams', () => {
    expect(draw(1, 'soc.dram')).not.toEqual(draw(1, 'soc.nvm'));
    expect(draw(1, 'soc.dram')).not.toEqual(draw(2, 'soc.dram'));
  });

  it('adding a component does not change the stream of another', () => {
    const before = draw(7, 'soc.dram.ch0', 100);
    const extra = rngFor(7, 'soc.newcomer');
    for (let i = 0; i < 1000; i++) extra.next();
    expect(draw(7, 'soc.dram.ch0', 100)).toEqual(before);
  });

  it('values are in range and roughly uniform / normal', () => {
    const r = rngFor(3, 'x');
    let sum = 0;
    let sq = 0;
    const n = 20_000;
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) bad++;
      const k = r.int(6);
      if (!(Number.isInteger(k) && k >= 0 && k < 6)) bad++;
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(bad).toBe(0);
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.05);
  });
});
