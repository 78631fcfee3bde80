import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalSf, normalSfInverse } from '../../../src/devices/noise/erf.js';

// Reference values from mpmath (40 digits), rounded to 20 significant digits.
const ERFC: ReadonlyArray<readonly [number, number]> = [
  [0, 1], [0.1, 0.8875370839817151016], [0.5, 0.47950012218695346232], [1, 0.15729920705028513066],
  [1.5, 0.033894853524689272933], [1.99, 0.0048885868003830029527], [2, 0.0046777349810472658379],
  [2.5, 0.00040695201744495893956], [3, 0.000022090496998585441373], [4, 1.5417257900280018852e-8],
  [5, 1.5374597944280348502e-12], [6, 2.1519736712498913117e-17], [8, 1.122429717298292708e-29],
  [10, 2.088487583762544757e-45], [20, 5.3958656116079009289e-176], [26, 5.6631924088561428465e-296],
  [-0.5, 1.5204998778130465377], [-1.5, 1.9661051464753107271], [-2.5, 1.9995930479825550411],
  [-5, 1.9999999999984625402],
];

describe('erf / erfc', () => {
  it('erfc matches high-precision references to 1e-12 relative, tails included', () => {
    for (const [x, ref] of ERFC) expect(Math.abs(erfc(x) - ref) / ref, `x=${x}`).toBeLessThan(1e-12);
  });
  it('erf is odd and erf + erfc = 1', () => {
    for (const x of [0.01, 0.3, 1.2, 1.99, 2.01, 3.7]) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(1e-15);
    }
  });
  it('normal tails: Q(z) = 1 − Φ(z), Q(5.6) ≈ 1.0718e-8, Φ(−Q) symmetric', () => {
    expect(Math.abs(normalSf(5.6) / 1.0717590258310852e-8 - 1)).toBeLessThan(1e-12);
    for (const z of [-3, -0.2, 0, 0.7, 2.5]) expect(Math.abs(normalSf(z) + normalCdf(z) - 1)).toBeLessThan(1e-15);
    expect(normalSf(-4)).toBe(normalCdf(4));
  });
  it('normalSfInverse inverts Q over 1e-300 .. 0.999', () => {
    for (const p of [1e-300, 1e-20, 1e-9, 3.8e-3, 0.5, 0.999]) {
      expect(Math.abs(normalSf(normalSfInverse(p)) / p - 1)).toBeLessThan(1e-10);
    }
    expect(() => normalSfInverse(0)).toThrow(/\(0, 1\)/);
  });
});

describe('erfc far tails', () => {
  it('underflows to exactly 0 (never NaN) for huge arguments', () => {
    for (const x of [27, 38, 39, 1e3, 1.0606e6, 1e300]) {
      expect(Number.isNaN(erfc(x))).toBe(false);
      expect(erfc(x)).toBeGreaterThanOrEqual(0);
      expect(erfc(-x)).toBe(2);
    }
    expect(erfc(1e6)).toBe(0);
    expect(normalSf(1.5e6)).toBe(0);
  });
});
