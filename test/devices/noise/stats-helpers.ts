/**
 * Test helpers: 99.9% intervals for Binomial counts (exact pmf summation for small means, normal with
 * continuity correction otherwise) and for sums of i.i.d. compound variables (normal), plus an Rng
 * wrapper that counts draws.
 */
import type { Rng } from '../../../src/engine/rng.js';

/** z for a two-sided 99.9% interval. */
export const Z999 = 3.2905267314919255;

/** Two-sided 99.9% interval [lo, hi] of a Binomial(n, p) count. */
export function binomialInterval(n: number, p: number): [number, number] {
  const mean = n * p;
  if (p === 0) return [0, 0];
  if (mean < 200) {
    // Exact: sum the pmf from k = 0 with the recurrence (n large, p small is fine).
    let pk = Math.exp(n * Math.log1p(-p));
    let cdf = pk;
    let lo = -1;
    let k = 0;
    if (cdf >= 0.0005) lo = 0;
    while (cdf < 0.9995) {
      pk *= ((n - k) / (k + 1)) * (p / (1 - p));
      k++;
      cdf += pk;
      if (lo < 0 && cdf >= 0.0005) lo = k;
    }
    return [Math.max(0, lo), k];
  }
  const sd = Math.sqrt(n * p * (1 - p));
  return [Math.floor(mean - Z999 * sd - 0.5), Math.ceil(mean + Z999 * sd + 0.5)];
}

/** 99.9% normal interval of a sum of `n` i.i.d. variables with the given mean and variance. */
export function sumInterval(n: number, mean: number, variance: number): [number, number] {
  const sd = Math.sqrt(n * variance);
  return [n * mean - Z999 * sd - 0.5, n * mean + Z999 * sd + 0.5];
}

/** An Rng that counts its draws. */
export class CountingRng implements Rng {
  draws = 0;
  constructor(private readonly inner: Rng) {}
  get id(): string {
    return this.inner.id;
  }
  next(): number {
    this.draws++;
    return this.inner.next();
  }
  int(n: number): number {
    this.draws++;
    return this.inner.int(n);
  }
  normal(): number {
    this.draws++;
    return this.inner.normal();
  }
}

/** Pearson correlation of two equal-length 0/1 or numeric vectors. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i] ?? 0; mb += b[i] ?? 0; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = (a[i] ?? 0) - ma, y = (b[i] ?? 0) - mb;
    sab += x * y; saa += x * x; sbb += y * y;
  }
  return sab / Math.sqrt(saa * sbb);
}
