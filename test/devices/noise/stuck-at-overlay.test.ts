// Mutation audit (confusion matrices): stuck-at-1 cells read the highest level, stuck-at-0 the
// lowest, and an overlay with only SA1 faults is still applied.
import { describe, expect, it } from 'vitest';
import { levelStepConfusion, meanCellFaultProbability, normaliseOccupancy, withStuckAt } from '../../../src/devices/noise/confusion.js';

describe('withStuckAt', () => {
  it('SA1 only: every row moves 10 % to the top level', () => {
    const cm = withStuckAt(levelStepConfusion({ levels: 4, pDown: 0, pUp: 0 }), { sa0: 0, sa1: 0.1 });
    expect(Array.from(cm.p).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([
      0.9, 0, 0, 0.1,
      0, 0.9, 0, 0.1,
      0, 0, 0.9, 0.1,
      0, 0, 0, 1,
    ]);
  });

  it('SA0 and SA1 together land at the lowest and the highest level', () => {
    const cm = withStuckAt(levelStepConfusion({ levels: 2, pDown: 0, pUp: 0 }), { sa0: 0.2, sa1: 0.3 });
    expect(Array.from(cm.p).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0.7, 0.3, 0.2, 0.8]);
  });

});

describe('levelStepConfusion and occupancy', () => {
  it('refuses a level whose down + up rates exceed 1', () => {
    expect(() => levelStepConfusion({ levels: 3, pDown: 0.6, pUp: 0.6 })).toThrow(/exceeds 1/);
  });

  it('mean cell fault probability weighs levels by normalised occupancy', () => {
    const cm = levelStepConfusion({ levels: 2, pDown: 0.1, pUp: 0.2 });
    // level 0 can only move up (0.2), level 1 only down (0.1); occupancy 3:1 → 0.75·0.2 + 0.25·0.1
    expect(meanCellFaultProbability(cm, [3, 1])).toBeCloseTo(0.175, 12);
    expect(Array.from(normaliseOccupancy(2, [3, 1]))).toEqual([0.75, 0.25]);
  });
});

