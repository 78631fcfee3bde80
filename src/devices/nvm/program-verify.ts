/**
 * Program-and-verify iteration model for MLC resistive cells. A cell needs N pulse+verify rounds,
 * N = min + G where G ~ Geometric(p) (failures before the first verify pass), truncated at max
 * (the remaining mass sits at max: the write gives up and the cell keeps its last state).
 * Cells programmed in parallel finish when the slowest does: the group latency is the max of n
 * iid draws, sampled exactly by inverse CDF (F_max = F^n). Total cell pulses of n cells are
 * summed exactly for n <= 32 and by a normal (CLT) approximation above (Simplification).
 */
import type { Rng } from '../../engine/rng.js';

/** Iteration-count distribution parameters for one cell mode. */
export interface IterationDistribution {
  /** Fewest pulse+verify rounds any cell needs (>= 1). */
  readonly minIterations: number;
  /** Probability that one further round lands the cell in its level window (0 < p <= 1). */
  readonly successProbability: number;
  /** Round cap (>= minIterations). */
  readonly maxIterations: number;
}

/**
 * Largest round cap a sampler accepts: its CDF table has max − min + 1 entries, so a cap of 10⁹ hung
 * configuration checks allocating it. Program-and-verify schemes use tens of rounds.
 */
export const MAX_PROGRAM_ROUNDS = 1000;

/** Precomputed sampler for one distribution. Allocation-free per sample. */
export class IterationSampler {
  readonly min: number;
  readonly max: number;
  /** cdf[k - min] = P(N <= k). */
  private readonly cdf: Float64Array;
  readonly mean: number;
  readonly variance: number;

  constructor(d: IterationDistribution) {
    const { minIterations: lo, maxIterations: hi, successProbability: p } = d;
    if (!Number.isInteger(lo) || lo < 1) throw new Error(`minIterations must be an integer >= 1, got ${lo}`);
    if (!Number.isInteger(hi) || hi < lo) throw new Error(`maxIterations must be an integer >= minIterations, got ${hi}`);
    if (hi > MAX_PROGRAM_ROUNDS) throw new Error(`maxIterations must be at most ${MAX_PROGRAM_ROUNDS}, got ${hi}`);
    if (!(p > 0 && p <= 1)) throw new Error(`successProbability must be in (0, 1], got ${p}`);
    this.min = lo;
    this.max = hi;
    const pmf = iterationPmf(d);
    this.cdf = new Float64Array(pmf.length);
    let acc = 0, m = 0, m2 = 0;
    for (let j = 0; j < pmf.length; j++) {
      const pj = pmf[j] as number;
      acc += pj;
      this.cdf[j] = acc;
      m += (lo + j) * pj;
      m2 += (lo + j) * (lo + j) * pj;
    }
    this.cdf[pmf.length - 1] = 1;
    this.mean = m;
    this.variance = Math.max(0, m2 - m * m);
  }

  /** One cell's iteration count. */
  sample(rng: Rng): number {
    return this.inverse(rng.next());
  }

  /** Iterations of a group of n cells programmed in parallel: max of n iid draws. */
  sampleMax(n: number, rng: Rng): number {
    if (n <= 1) return this.sample(rng);
    return this.inverse(Math.pow(rng.next(), 1 / n));
  }

  /** Total rounds summed over n independent cells (exact for n <= 32, CLT-normal above). */
  sampleSum(n: number, rng: Rng): number {
    if (n <= 32) {
      let s = 0;
      for (let i = 0; i < n; i++) s += this.sample(rng);
      return s;
    }
    const v = Math.round(n * this.mean + Math.sqrt(n * this.variance) * rng.normal());
    return Math.min(n * this.max, Math.max(n * this.min, v));
  }

  private inverse(u: number): number {
    const c = this.cdf;
    for (let j = 0; j < c.length; j++) if (u < (c[j] as number)) return this.min + j;
    return this.max;
  }
}

/** P(N = min + j) for j = 0 .. max-min (truncated geometric, remainder at max). */
export function iterationPmf(d: IterationDistribution): number[] {
  const { minIterations: lo, maxIterations: hi, successProbability: p } = d;
  const out: number[] = [];
  let tail = 1;
  for (let k = lo; k < hi; k++) {
    const pk = tail * p;
    out.push(pk);
    tail -= pk;
  }
  out.push(tail);
  return out;
}

/** Analytic mean of the truncated distribution: min + sum_{j=1}^{max-min} (1-p)^j. */
export function iterationMean(d: IterationDistribution): number {
  let m = d.minIterations, q = 1;
  for (let k = d.minIterations; k < d.maxIterations; k++) {
    q *= 1 - d.successProbability;
    m += q;
  }
  return m;
}
