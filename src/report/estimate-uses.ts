/**
 * Estimated parameters merged over the points whose results rest on them: one entry per parameter
 * (the first one added), with the points in the order they were added. Shared by the sweep and
 * study reports; deterministic (insertion order).
 */

/** An estimate (anything with a `param`) and the points (indices or names) that rest on it. */
export type EstimateUse<E extends { readonly param: string }, P> = E & { readonly points: readonly P[] };

/** Collects estimates per point, merging identical parameters. */
export class EstimateUses<E extends { readonly param: string }, P> {
  private readonly byParam = new Map<string, E & { points: P[] }>();

  /** Records that `point` rests on `e`; a parameter seen before keeps its first entry. */
  add(e: E, point: P): void {
    const u = this.byParam.get(e.param) ?? { ...e, points: [] };
    if (u.points[u.points.length - 1] !== point) u.points.push(point);
    this.byParam.set(e.param, u);
  }

  /** The merged estimates in the order their parameters were first added. */
  list(): EstimateUse<E, P>[] {
    return [...this.byParam.values()];
  }
}
