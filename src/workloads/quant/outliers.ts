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
 * indices win. O(n) on average via quickselect of the threshold.
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
  const tau = kthSmallest(mags.slice(), n - k);
  let greater = 0;
  for (let i = 0; i < n; i++) if (mags[i]! > tau) greater++;
  let equalQuota = k - greater;
  let j = 0;
  for (let i = 0; i < n && j < k; i++) {
    const a = mags[i]!;
    if (a > tau) out[j++] = i;
    else if (a === tau && equalQuota > 0) { out[j++] = i; equalQuota--; }
  }
  return out;
}

/** The element of rank `r` (0-based, ascending) of `a`; reorders `a` (iterative quickselect, median of 3). */
export function kthSmallest(a: Float32Array, r: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!, y = a[mid]!, z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!; a[i] = a[j]!; a[j] = t;
        i++; j--;
      }
    }
    if (r <= j) hi = j;
    else if (r >= i) lo = i;
    else return a[r]!;
  }
  return a[r]!;
}
