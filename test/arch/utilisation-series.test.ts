/**
 * Utilisation over time: a span is spread over the buckets it overlaps (value conserved, merges
 * included), and a port that receives its completions in bursts still reports at most its peak.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BucketSeries } from '../../src/arch/time-series.js';

describe('BucketSeries.addSpan', () => {
  it('splits a span across a bucket boundary in proportion to the overlap', () => {
    const s = new BucketSeries(4, 1000);
    s.addSpan(750, 1250, 100);
    expect(s.values()).toEqual([50, 50, 0, 0]);
  });
  it('merges buckets when a span ends past the last one, and conserves the value', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 5e4 }), fc.integer({ min: 1, max: 4096 })), { maxLength: 50 }), (spans) => {
      const s = new BucketSeries(8, 1000);
      let total = 0;
      for (const [a, d, v] of spans) {
        s.addSpan(a, a + d, v);
        total += v;
      }
      expect(s.values().reduce((x, y) => x + y, 0)).toBeCloseTo(total, 6);
      const last = Math.max(0, ...spans.map(([a, d]) => a + d));
      expect(s.widthPs * 8).toBeGreaterThanOrEqual(last);
    }));
  });
  it('a point sample at exactly the end of the last bucket merges first and is kept (mutation audit)', () => {
    const s = new BucketSeries(4, 1000);
    s.add(4000, 5);
    expect(s.values().reduce((x, y) => x + y, 0)).toBe(5);
    expect(s.widthPs).toBe(2000);
    expect(s.values()).toEqual([0, 0, 5, 0]);
  });
  it('back-to-back spans at a constant rate fill each bucket exactly once (no bucket above its share)', () => {
    const s = new BucketSeries(64, 1000);
    // 64-B transfers at 1 B/ps ending at 64, 128, …: completion-time points would give a bucket of
    // 1000 ps 16 transfers (1024 B, 2.4 % over); spans give exactly 1000 B per full bucket.
    for (let k = 1; k <= 1000; k++) s.addSpan(64 * (k - 1), 64 * k, 64);
    const v = s.values();
    for (let i = 0; i < 63; i++) expect(v[i]).toBeCloseTo(s.widthPs, 6);
  });
});
