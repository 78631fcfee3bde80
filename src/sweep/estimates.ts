/**
 * The estimated parameters behind a sweep's results: the evaluator's per-point list (for run-config:
 * the run file's `estimates:` and each device's / noise model's estimated parameters), merged over
 * the evaluated points. A run-file estimate whose key the sweep itself sets (axis or `set:`) is left
 * out: there the value is the sweep's, not the estimate.
 */
import { EstimateUses, type EstimatedDependency } from '../report/index.js';
import type { SweepEstimate, SweepEvaluator } from './evaluator.js';
import type { SweepSpec } from './spec-types.js';

/** One estimated parameter and the indices of the points whose results rest on it. */
export interface SweepEstimateUse extends SweepEstimate {
  readonly points: readonly number[];
}

/** 'soc.memories[reram].x' → 'soc.memories[1].x' when memory 'reram' is the second in the config. */
function byIndex(param: string, config: unknown): string {
  const mems = (config as { soc?: { memories?: readonly { id?: unknown }[] } } | null)?.soc?.memories;
  if (!Array.isArray(mems)) return param;
  return param.replace(/^soc\.memories\[([^\]]+)\]/, (whole, id: string) => {
    const i = mems.findIndex((m) => m.id === id);
    return i < 0 ? whole : `soc.memories[${i}]`;
  });
}

/**
 * Merges `evaluator.estimates` over `points` (index + resolved config; failed points left out by
 * the caller; `base`: the base file resolved without overrides, passed on to the evaluator). Sorted
 * by parameter; empty when the evaluator lists none.
 */
export function sweepEstimates(spec: SweepSpec, evaluator: SweepEvaluator, points: readonly { index: number; config: unknown }[], base?: unknown): SweepEstimateUse[] {
  if (evaluator.estimates === undefined) return [];
  const swept = new Set([...spec.axes.flatMap((g) => g.keys.map((k) => k.key)), ...spec.set.map(([k]) => k)]);
  const uses = new EstimateUses<SweepEstimate, number>();
  for (const p of points) {
    for (const e of evaluator.estimates(p.config, base)) {
      if (!swept.has(e.param) && !swept.has(byIndex(e.param, p.config))) uses.add(e, p.index);
    }
  }
  return uses.list().sort((a, b) => (a.param < b.param ? -1 : a.param > b.param ? 1 : 0));
}

/** The report's "results resting on estimated parameters": one entry per distinct set of points. */
export function estimatedDependencies(uses: readonly SweepEstimateUse[], total: number): EstimatedDependency[] {
  const groups = new Map<string, { points: readonly number[]; params: string[] }>();
  for (const u of uses) {
    const key = u.points.join(',');
    const g = groups.get(key) ?? { points: u.points, params: [] };
    g.params.push(u.param);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    result: g.points.length === total ? `every metric of all ${total} evaluated points` : `every metric of points ${g.points.map((i) => `#${i}`).join(', ')}`,
    restsOn: g.params,
  }));
}
