/**
 * QMC outlier selection (qmc-paper.md §2): per tensor the round(ρ·n) weights of largest magnitude,
 * ties at the threshold broken by lower flat index. The same rounding rule serves the value-level
 * quantizer and the inventory-level accounting, so counts agree exactly.
 */

/** Number of outliers of an n-element tensor: round-half-up of ρ·n (robust to 1e-9 float noise). */
export function outlierCount(numel: number, rho: number): number {
  const k = Math.floor(rho * numel + 0.5 + 1e-9);
  return Math.min(numel, Math.max(0, k));
}

/**
 * Flat indices (ascending) of the k largest |w|; among equal magnitudes at the threshold the lower
 * indices win. O(n log n) via a native typed-array sort of the magnitudes.
 */
export function selectOutliers(w: Float32Array, k: number): Uint32Array {
  const n = w.length;
  const out = new Uint32Array(k);
  if (k === 0) return out;
  const mags = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.abs(w[i]!);
    if (Number.isNaN(a)) throw new Error(`selectOutliers: NaN weight at index ${i}`);
    mags[i] = a;
  }
  const sorted = mags.slice().sort();
  const tau = sorted[n - k]!;
  let greater = 0;
  for (let i = n - k + 1; i < n; i++) if (sorted[i]! > tau) greater++;
  let equalQuota = k - greater;
  let j = 0;
  for (let i = 0; i < n && j < k; i++) {
    const a = mags[i]!;
    if (a > tau) out[j++] = i;
    else if (a === tau && equalQuota > 0) { out[j++] = i; equalQuota--; }
  }
  return out;
}
