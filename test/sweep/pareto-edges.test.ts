// Mutation audit (Pareto front): a point with a non-finite objective (a failed point's NaN) neither
// joins the front nor knocks finite points out of it, and every objective counts, the last included.
import { describe, expect, it } from 'vitest';
import { dominates, paretoFront } from '../../src/sweep/pareto.js';

describe('paretoFront edges', () => {
  it('a NaN objective keeps a point out of the front and lets it dominate nothing', () => {
    const pts = [{ id: 'nan', values: [Number.NaN, 0] }, { id: 'b', values: [1, 1] }, { id: 'inf', values: [Infinity, -1] }];
    expect([...paretoFront(pts)]).toEqual(['b']);
  });

  it('the last objective decides between points equal in the others', () => {
    expect(dominates([1, 1], [1, 2])).toBe(true);
    expect(dominates([1, 2], [1, 1])).toBe(false);
    expect([...paretoFront([{ id: 'worse', values: [1, 2] }, { id: 'better', values: [1, 1] }])]).toEqual(['better']);
  });
});
