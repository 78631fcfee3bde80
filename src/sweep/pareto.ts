/** Pareto front of sweep points over metrics that are all minimised (energy, latency, area...). */

/** A point with its objective values. */
export interface Objectives {
  readonly id: string;
  readonly values: readonly number[];
}

/** True when `a` is no worse than `b` in every objective and better in at least one. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x > y) return false;
    if (x < y) better = true;
  }
  return better;
}

/** Ids of the non-dominated points (O(n²); sweeps hold thousands of points at most). Keeps input order. */
export function paretoFront(points: readonly Objectives[]): Set<string> {
  const front = new Set<string>();
  for (const p of points) {
    if (!p.values.every(Number.isFinite)) continue;
    if (!points.some((q) => q !== p && q.values.every(Number.isFinite) && dominates(q.values, p.values))) front.add(p.id);
  }
  return front;
}
