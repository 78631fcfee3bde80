/**
 * The estimated parameters each exported point rests on, for points.csv / points.parquet: the same
 * list the report and `--json` give (sweepEstimates over the stored, non-failed points), turned
 * into one cell per point, so a table read without the report still says which rows rest on estimates.
 */
import { loadEvaluator } from './evaluator.js';
import { sweepEstimates, type SweepEstimateUse } from './estimates.js';
import type { StoredPoint } from './results-db.js';
import type { SweepSpec } from './spec-types.js';

/** Estimates of the stored points `points` (failed ones left out), as the sweep command lists them. */
export async function storedPointEstimates(spec: SweepSpec, points: readonly StoredPoint[]): Promise<SweepEstimateUse[]> {
  if (spec.evaluator === undefined) return [];
  const ev = await loadEvaluator(spec.evaluator.module);
  const evaluated = points.filter((p) => p.status !== 'failed').map((p) => ({ index: p.index, config: JSON.parse(p.configJson) as unknown }));
  // the base file without overrides: a point's estimate its overrides changed is the sweep's value
  const base = await Promise.resolve().then(() => ev.resolve(spec.base, [])).catch(() => undefined);
  return sweepEstimates(spec, ev, evaluated, base);
}

/** Point index → its estimated parameters joined by '; ' ('' for a point resting on none). */
export function estimatesByPoint(uses: readonly SweepEstimateUse[]): Map<number, string> {
  const byPoint = new Map<number, string[]>();
  for (const u of uses) for (const i of u.points) byPoint.set(i, [...(byPoint.get(i) ?? []), u.param]);
  return new Map([...byPoint].map(([i, params]) => [i, params.join('; ')]));
}
