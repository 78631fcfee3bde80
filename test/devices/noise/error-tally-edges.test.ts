// Mutation audit (ErrorTally): a tag equal to the table size (16, 32: growth by doubling) is kept,
// and total() sums every field, accesses with errors and expected errors included.
import { describe, expect, it } from 'vitest';
import { ErrorTally } from '../../../src/devices/noise/error-tally.js';
import { bitFlipAccessNoise } from '../../../src/devices/noise/access-noise.js';

describe('ErrorTally edges', () => {
  it('keeps tags 16 and 32 (the table sizes growth passes through)', () => {
    const t = new ErrorTally('x', bitFlipAccessNoise(1e-3));
    t.record(16, 64, 2);
    t.record(32, 64, 0);
    expect(t.byTag().map((s) => [s.tag, s.accesses, s.bitErrors])).toEqual([[16, 1, 2], [32, 1, 0]]);
  });

  it('total() sums accesses with errors and expected errors over tags', () => {
    const t = new ErrorTally('x', bitFlipAccessNoise(1e-3));
    t.record(1, 100, 2);
    t.record(2, 300, 1);
    t.record(2, 300, 0);
    const tot = t.total();
    expect({ ...tot, expectedBitErrors: 0 }).toEqual({ tag: -1, accesses: 3, bitsRead: 700, bitErrors: 3, accessesWithErrors: 2, expectedBitErrors: 0 });
    expect(tot.expectedBitErrors).toBeCloseTo(0.7, 12);
  });
});
