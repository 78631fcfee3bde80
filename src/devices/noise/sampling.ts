/**
 * Exact, allocation-free samplers for rare events: Binomial(n, p) by inversion from the zero term
 * (one uniform when nothing happens), or by geometric skip-ahead (one uniform per event + 1) when the
 * zero term would underflow or the mean is large. Devroye, Non-Uniform Random Variate Generation
 * (1986) §X.4 (inversion) and §X.2 (waiting times).
 */
import type { Rng } from '../../engine/rng.js';

/** Cache for the inversion sampler: the zero term (1 − p)^n depends on n and p only. */
export class BinomialSampler {
  private lastN = -1;
  private lastP = -1;
  private p0 = 1;
  private logQ = 0;

  /** Number of successes in `n` Bernoulli(p) trials. p ≤ 0 or n ≤ 0 → 0 with no draws. */
  sample(n: number, p: number, rng: Rng): number {
    if (!(p > 0) || n <= 0) return 0;
    if (p >= 1) return n;
    if (n !== this.lastN || p !== this.lastP) {
      this.lastN = n;
      this.lastP = p;
      this.logQ = Math.log1p(-p);
      this.p0 = Math.exp(n * this.logQ);
    }
    if (this.p0 > 1e-250 && n * p < 64) return this.invert(n, p, rng);
    return geometricCount(n, this.logQ, rng);
  }

  private invert(n: number, p: number, rng: Rng): number {
    const u = rng.next();
    let pk = this.p0;
    let cdf = pk;
    if (u < cdf) return 0;
    const r = p / (1 - p);
    let k = 0;
    while (k < n) {
      pk *= (r * (n - k)) / (k + 1);
      k++;
      cdf += pk;
      if (u < cdf) return k;
      // Rounding can leave the summed pmf a hair below 1; stop once terms are negligible past the mean.
      if (k > n * p && pk < cdf * 1e-17) return k;
    }
    return n;
  }
}

/** Count of events among `n` trials by geometric skip-ahead; `logQ` = ln(1 − p) < 0. */
export function geometricCount(n: number, logQ: number, rng: Rng): number {
  let pos = -1;
  let count = 0;
  for (;;) {
    pos += 1 + geometricGap(logQ, rng);
    if (pos >= n) return count;
    count++;
  }
}

/** Failures before the next success of a Bernoulli(p) process, `logQ` = ln(1 − p) < 0. */
export function geometricGap(logQ: number, rng: Rng): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  const g = Math.floor(Math.log(u) / logQ);
  return g < 9e15 ? g : 9e15;
}

/** Index from a cumulative table (last entry ≈ 1) for a uniform draw. */
export function pickFromCdf(cdf: Float64Array, u: number): number {
  const n = cdf.length;
  for (let i = 0; i < n - 1; i++) if (u < (cdf[i] ?? 1)) return i;
  return n - 1;
}
