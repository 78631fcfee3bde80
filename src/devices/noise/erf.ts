/**
 * Error function, complementary error function and the normal tail Q(x) = 1 − Φ(x), to ~1e-14
 * relative accuracy including deep tails (2-bit MLC fault rates are ~1e-9, drift tails ~1e-20).
 * Method: positive-term series erf(x) = 2x/√π·e^{−x²}·Σ (2x²)^n/(2n+1)!! for |x| < 2 (no cancellation),
 * and the Laplace continued fraction for erfc(x), x ≥ 2, evaluated by modified Lentz (Numerical
 * Recipes 3rd ed. §5.2, §6.2.2); e^{−x²} split as in Cody (1969) to keep x² rounding out of the tail.
 */

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const SQRT1_2 = Math.SQRT1_2;

/** e^{−x²} without the rounding error of forming x² directly (x ≥ 0). */
function expNegSquare(x: number): number {
  if (x > 38) return 0; // e^{−1444} underflows; also avoids 0·∞ from the split below
  const hi = Math.round(x * 16) / 16; // exact square in binary
  const lo = x - hi;
  return Math.exp(-hi * hi) * Math.exp(-lo * (x + hi));
}

/** erf(x) for |x| < 2 by the positive-term series (relative accuracy ~1e-16). */
function erfSeries(x: number): number {
  const x2 = 2 * x * x;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 200; n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * x * expNegSquare(Math.abs(x)) * sum;
}

/**
 * erfc(x) for x ≥ 2 by the continued fraction
 * erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))).
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    const a = n / 2;
    d = x + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * expNegSquare(x)) / f;
}

/** The error function erf(x). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2) return erfSeries(x);
  const r = 1 - erfcContinuedFraction(ax);
  return x < 0 ? -r : r;
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  if (x >= 2) return erfcContinuedFraction(x);
  if (x > -2) return 1 - erfSeries(x);
  return 2 - erfcContinuedFraction(-x);
}

/** Upper normal tail Q(z) = P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z * SQRT1_2);
}

/** Standard normal CDF Φ(z) = P(Z ≤ z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z * SQRT1_2);
}

/**
 * Inverse of the upper normal tail: z such that Q(z) = p, 0 < p < 1. Safeguarded Newton on ln Q(z)
 * (fast in deep tails), falling back to bisection; used outside hot paths (fits, intervals).
 */
export function normalSfInverse(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalSfInverse: p must be in (0, 1), found ${p}`);
  const target = Math.log(p);
  let lo = -40;
  let hi = 40;
  let z = 0;
  for (let i = 0; i < 200; i++) {
    const q = normalSf(z);
    if (q > p) lo = z;
    else hi = z;
    const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    // d ln Q / dz = −φ/Q
    let next = pdf > 0 && q > 0 ? z + ((Math.log(q) - target) * q) / pdf : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - z) <= 1e-15 * Math.max(1, Math.abs(z))) return next;
    z = next;
  }
  return z;
}
