// Statistics registry: units and descriptions, sorted records, histogram percentiles, duplicates.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Histogram, StatScope } from '../../src/engine/index.js';

describe('StatScope', () => {
  it('records are sorted by path and carry unit and description', () => {
    const root = StatScope.root();
    const b = root.child('soc').child('b');
    const a = root.child('soc').child('a');
    b.counter('reads', 'count', 'reads served').inc(3);
    a.accumulator('lat', 'ps', 'latency').add(10);
    root.formula('z', 'ratio', 'a formula', () => 0.5);
    const recs = root.records();
    expect(recs.map((r) => r.path)).toEqual(['soc.a.lat', 'soc.b.reads', 'z']);
    expect(recs[1]).toEqual({ path: 'soc.b.reads', unit: 'count', description: 'reads served', value: 3 });
    expect(() => b.counter('reads', 'count', 'again')).toThrow(/twice/);
  });

  it('accumulator keeps exact count/sum/min/max/mean', () => {
    const acc = StatScope.root().accumulator('x', 'ps', 'x');
    for (const v of [5, 1, 9]) acc.add(v);
    expect(acc.record().value).toEqual({ count: 3, sum: 15, mean: 5, min: 1, max: 9 });
  });
});

describe('Histogram percentiles', () => {
  it('are within one bin width of the exact order statistic (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 500 }), fc.constantFrom(50, 90, 99), (vs, p) => {
      const h = new Histogram('h', 'ps', 'h', 10, 100);
      for (const v of vs) h.add(v);
      const sorted = [...vs].sort((x, y) => x - y);
      const exact = sorted[Math.max(0, Math.ceil((p / 100) * vs.length) - 1)] as number;
      expect(Math.abs(h.percentile(p) - exact)).toBeLessThanOrEqual(10);
      expect(h.percentile(p)).toBeGreaterThanOrEqual(h.min);
      expect(h.percentile(p)).toBeLessThanOrEqual(h.max);
    }));
  });

  it('overflow goes to the last bin and the max is exact', () => {
    const h = new Histogram('h', 'ps', 'h', 1, 10);
    h.add(1e6);
    h.add(2);
    expect(h.percentile(100)).toBe(1e6);
    expect(h.record().value).toMatchObject({ count: 2, max: 1e6, min: 2 });
  });
});
