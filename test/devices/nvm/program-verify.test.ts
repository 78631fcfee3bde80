import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IterationSampler, iterationMean, iterationPmf } from '../../../src/devices/nvm/program-verify.js';
import { rngFor } from '../../../src/engine/rng.js';

describe('program-and-verify iteration distribution', () => {
  it('pmf sums to 1 and the analytic mean matches the pmf', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.integer({ min: 0, max: 30 }), (lo, p, span) => {
      const d = { minIterations: lo, successProbability: p, maxIterations: lo + span };
      const pmf = iterationPmf(d);
      expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const m = pmf.reduce((a, pk, j) => a + (lo + j) * pk, 0);
      expect(iterationMean(d)).toBeCloseTo(m, 9);
      expect(new IterationSampler(d).mean).toBeCloseTo(m, 9);
    }));
  });

  it('sampled mean matches its parameters (3-bit preset distribution, 200k draws, 5 sigma)', () => {
    const d = { minIterations: 2, successProbability: 0.3, maxIterations: 20 };
    const s = new IterationSampler(d);
    const rng = rngFor(42, 'pv');
    const n = 200000;
    let sum = 0, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const k = s.sample(rng);
      sum += k; lo = Math.min(lo, k); hi = Math.max(hi, k);
    }
    expect(Math.abs(sum / n - iterationMean(d))).toBeLessThan(5 * Math.sqrt(s.variance / n));
    expect(lo).toBe(2);
    expect(hi).toBeLessThanOrEqual(20);
  });

  it('max of n draws has the distribution F^n (mean check against the exact value)', () => {
    const d = { minIterations: 1, successProbability: 0.5, maxIterations: 12 };
    const s = new IterationSampler(d);
    const pmf = iterationPmf(d);
    const cdf: number[] = [];
    pmf.reduce((a, p) => (cdf.push(a + p), a + p), 0);
    const nCells = 64;
    let exact = 0, prev = 0;
    cdf.forEach((F, j) => { const Fn = Math.pow(F, nCells); exact += (1 + j) * (Fn - prev); prev = Fn; });
    const rng = rngFor(1, 'max');
    let sum = 0;
    const n = 50000;
    for (let i = 0; i < n; i++) sum += s.sampleMax(nCells, rng);
    expect(Math.abs(sum / n - exact)).toBeLessThan(0.02);
  });

  it('sum over many cells has mean n·μ (CLT path) and stays within [n·min, n·max]', () => {
    const d = { minIterations: 2, successProbability: 0.3, maxIterations: 20 };
    const s = new IterationSampler(d);
    const rng = rngFor(3, 'sum');
    let tot = 0;
    const reps = 2000, cells = 171;
    for (let i = 0; i < reps; i++) {
      const v = s.sampleSum(cells, rng);
      expect(v).toBeGreaterThanOrEqual(cells * 2);
      expect(v).toBeLessThanOrEqual(cells * 20);
      tot += v;
    }
    expect(Math.abs(tot / reps / cells - s.mean)).toBeLessThan(0.05);
  });
});
