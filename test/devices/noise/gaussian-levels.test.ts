import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  crossing, crossingThreshold, effectiveLevels, gaussianConfusion, NVMEXPLORER_2BIT, NVMEXPLORER_3BIT, readThresholds,
  type GaussianLevelParams,
} from '../../../src/devices/noise/gaussian-levels.js';
import { levelFaultRates, meanCellFaultProbability, rowSumError } from '../../../src/devices/noise/confusion.js';

const density = (x: number, m: number, s: number): number => Math.exp(-0.5 * ((x - m) / s) ** 2) / s;

// qmc-paper.md §6 per-level (down, up) table for the 3-bit nvmFI set (two significant digits).
const TABLE_3BIT: ReadonlyArray<readonly [number, number]> = [
  [0, 1.5e-4], [2.4e-4, 1.1e-3], [2.8e-3, 2.2e-3], [2.5e-3, 4.0e-3],
  [2.9e-3, 2.8e-4], [3.1e-4, 4.5e-3], [6.3e-3, 3.1e-3], [2.3e-4, 0],
];

describe('NVMExplorer presets, computed from the level parameters', () => {
  it('3-bit mean per-cell fault probability ≈ 3.8e-3 (within 15%)', () => {
    const p = meanCellFaultProbability(gaussianConfusion(NVMEXPLORER_3BIT));
    expect(p).toBeGreaterThan(3.8e-3 * 0.85);
    expect(p).toBeLessThan(3.8e-3 * 1.15);
    expect(p).toBeCloseTo(3.8106e-3, 6); // computed value (record)
  });
  it('2-bit mean per-cell fault probability ≈ 8e-9 (within a factor 2)', () => {
    const p = meanCellFaultProbability(gaussianConfusion(NVMEXPLORER_2BIT));
    expect(p).toBeGreaterThan(4e-9);
    expect(p).toBeLessThan(16e-9);
    expect(p / 7.8484e-9).toBeCloseTo(1, 4);
  });
  it('3-bit per-level (p₋, p₊) match the §6 table within 5%', () => {
    const { down, up } = levelFaultRates(gaussianConfusion(NVMEXPLORER_3BIT));
    TABLE_3BIT.forEach(([d, u], i) => {
      for (const [got, want] of [[down[i] ?? -1, d], [up[i] ?? -1, u]] as const) {
        if (want === 0) expect(got).toBe(0);
        else expect(Math.abs(got / want - 1), `level ${i}`).toBeLessThan(0.05);
      }
    });
  });
});

describe('read thresholds', () => {
  it('lie between the means where adjacent densities are equal', () => {
    for (const ls of [NVMEXPLORER_2BIT, NVMEXPLORER_3BIT]) {
      const t = readThresholds(ls);
      for (let i = 0; i < t.length; i++) {
        const [m1, m2, s1, s2] = [ls.means[i] ?? 0, ls.means[i + 1] ?? 0, ls.sigmas[i] ?? 0, ls.sigmas[i + 1] ?? 0];
        const x = t[i] ?? NaN;
        expect(x).toBeGreaterThan(m1);
        expect(x).toBeLessThan(m2);
        expect(Math.abs(density(x, m1, s1) / density(x, m2, s2) - 1)).toBeLessThan(1e-9);
      }
    }
  });
  it('crossing distances keep full precision for extreme σ ratios (log-density equality to 1e-12)', () => {
    for (const [m1, s1, m2, s2] of [[0, 0.1, 0.3, 1e-7], [0, 1e-7, 0.3, 0.1], [1.139, 0.0297, 1.149, 5.8e-9], [0, 0.03, 0.1, 0.01]]) {
      const c = crossing(m1 ?? 0, s1 ?? 0, m2 ?? 0, s2 ?? 0);
      const lhs = -0.5 * c.zBelow ** 2 - Math.log(s1 ?? 0);
      const rhs = -0.5 * c.zAbove ** 2 - Math.log(s2 ?? 0);
      expect(Math.abs(lhs - rhs) / Math.max(1, Math.abs(lhs))).toBeLessThan(1e-12);
      expect(c.t).toBeGreaterThan(m1 ?? 0);
      expect(c.t).toBeLessThan(m2 ?? 0);
    }
  });
  it('equal σ → midpoint; zero σ → midpoint', () => {
    expect(crossingThreshold(0, 0.1, 1, 0.1)).toBeCloseTo(0.5, 14);
    expect(crossingThreshold(0, 0, 1, 0.2)).toBe(0.5);
    expect(() => crossingThreshold(1, 0.1, 0, 0.1)).toThrow(/increase/);
  });
});

describe('confusion matrix', () => {
  const variants: GaussianLevelParams[] = [
    NVMEXPLORER_2BIT, NVMEXPLORER_3BIT,
    { ...NVMEXPLORER_3BIT, levelSpreadScale: 3, programSigma: 0.01, readSigma: 0.005 },
    { ...NVMEXPLORER_3BIT, drift: { nu: 0.02, nuSigma: 0.01, t0Seconds: 20, timeSeconds: 86400 * 365 } },
    { ...NVMEXPLORER_2BIT, stuckAt: { sa0: 1e-3, sa1: 2e-4 } },
  ];
  it('rows sum to 1 within 1e-12 and entries are probabilities', () => {
    for (const v of variants) {
      const cm = gaussianConfusion(v);
      expect(rowSumError(cm)).toBeLessThan(1e-12);
      for (const x of cm.p) expect(x >= 0 && x <= 1).toBe(true);
    }
  });
  it('zero σ → identity (zero errors)', () => {
    const cm = gaussianConfusion({ means: NVMEXPLORER_3BIT.means, sigmas: new Array(8).fill(0) });
    expect(meanCellFaultProbability(cm)).toBe(0);
    expect(gaussianConfusion({ ...NVMEXPLORER_2BIT, levelSpreadScale: 0 }).p.every((x, k) => x === (k % 5 === 0 ? 1 : 0))).toBe(true);
  });
  it('stuck-at faults put at least their rate on the stuck level', () => {
    const cm = gaussianConfusion({ ...NVMEXPLORER_2BIT, stuckAt: { sa0: 1e-3, sa1: 0 } });
    const { down } = levelFaultRates(cm);
    for (let i = 1; i < 4; i++) expect(down[i]).toBeGreaterThanOrEqual(1e-3 * (1 - 1e-12));
  });
  it('drift with fixed thresholds raises errors; tracking thresholds lowers them again', () => {
    const base = meanCellFaultProbability(gaussianConfusion(NVMEXPLORER_3BIT));
    const drift = { nu: 0.01, t0Seconds: 20, timeSeconds: 86400 * 30 };
    const fixed = meanCellFaultProbability(gaussianConfusion({ ...NVMEXPLORER_3BIT, drift }));
    const tracked = meanCellFaultProbability(gaussianConfusion({ ...NVMEXPLORER_3BIT, drift: { ...drift, thresholdsTrackDrift: true } }));
    expect(fixed).toBeGreaterThan(2 * base);
    expect(tracked).toBeLessThan(fixed);
    // means follow G0·(t/t0)^−ν
    const eff = effectiveLevels({ ...NVMEXPLORER_3BIT, drift });
    expect(eff.means[7]).toBeCloseTo((86400 * 30 / 20) ** -0.01, 12);
  });
  it('rejects bad level sets with one-line messages', () => {
    expect(() => gaussianConfusion({ means: [0, 0.5, 0.4, 1], sigmas: [0.1, 0.1, 0.1, 0.1] })).toThrow(/strictly increase/);
    expect(() => gaussianConfusion({ means: [0, 1], sigmas: [0.1] })).toThrow(/sigmas: expected 2/);
    expect(() => gaussianConfusion({ means: [0, 1], sigmas: [0.1, -1] })).toThrow(/σ ≥ 0/);
  });
});

// Random level sets: L levels, increasing means, σ from 1e-5 to 3 × the neighbouring spacing.
const levelSet = fc.integer({ min: 2, max: 8 }).chain((L) => fc.record({
  gaps: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: L - 1, maxLength: L - 1 }),
  sigmas: fc.array(fc.double({ min: 1e-5, max: 3, noNaN: true }), { minLength: L, maxLength: L }),
}).map(({ gaps, sigmas }) => {
  const means = [0];
  for (const g of gaps) means.push((means[means.length - 1] ?? 0) + g);
  return { means, sigmas: sigmas.map((s, i) => s * Math.min(gaps[i - 1] ?? 1, gaps[i] ?? 1)) };
}));

describe('property: a larger σ never gives a lower error rate', () => {
  it('levelSpreadScale k1 < k2 → fault(k1) ≤ fault(k2)', () => {
    fc.assert(fc.property(levelSet, fc.double({ min: 0.01, max: 4, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }),
      (ls, k1, ratio) => {
        const a = meanCellFaultProbability(gaussianConfusion({ ...ls, levelSpreadScale: k1 }));
        const b = meanCellFaultProbability(gaussianConfusion({ ...ls, levelSpreadScale: k1 * ratio }));
        return b >= a * (1 - 1e-12) - 1e-300;
      }), { numRuns: 800 });
  });
  it('programming and read noise only add error', () => {
    fc.assert(fc.property(levelSet, fc.double({ min: 0, max: 0.1, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }),
      (ls, sp, sr) => {
        const a = meanCellFaultProbability(gaussianConfusion(ls));
        const b = meanCellFaultProbability(gaussianConfusion({ ...ls, programSigma: sp, readSigma: sr }));
        return b >= a * (1 - 1e-12) - 1e-300;
      }), { numRuns: 800 });
  });
});
