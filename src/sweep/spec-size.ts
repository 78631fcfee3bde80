/**
 * Checks on the set of points a sweep file draws, made while it is parsed: no value (or zipped
 * combination) listed twice, no more points than can be resolved before the first one runs, and
 * no metric or constraint name listed twice.
 */
import { parseAnyQuantity } from '../units/parse.js';
import { canonicalJson } from './canonical.js';
import { axisLength } from './spec.js';
import { show } from './spec-errors.js';
import type { AxisGroup, Sampler } from './spec-types.js';

type Bad = (path: (string | number)[], expected: string, found: string, atKey?: boolean) => void;

/**
 * Most points a sweep may draw unless its file sets `maxPoints:`: every point is resolved and held
 * in memory before the first one runs (a run config resolves in ≈ 10–20 ms on a 2-core machine:
 * 1947 points in ≈ 21 s, measured 2026-11-28), so 10^4 points take minutes before any output and a
 * 10^10-point grid would never start. A choice, not a measured limit: raise it per file.
 */
export const MAX_POINTS = 10_000;

/**
 * The value an axis item stands for: a quantity string as its dimension and canonical value to 12
 * significant digits ('3.5 ns' and '3500 ps' are one value; '1 GiB/s' and '1024 MiB/s' too), any
 * other value as itself.
 */
function sameValueKey(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const q = parseAnyQuantity(v);
  if (q === undefined || q.dim === undefined) return v;
  return { dim: q.dim, value: Number(q.value.toPrecision(12)) };
}

/**
 * A value listed twice on one axis (0.2 and 0.20 are one number, '3.5 ns' and '3500 ps' one time),
 * or a zipped combination listed twice.
 */
export function checkRepeatedValues(group: AxisGroup, bad: Bad): void {
  const keys = group.keys;
  const lists = keys.map((k) => (k.domain.kind === 'values' ? k.domain.values : null));
  if (lists.some((l) => l === null) || lists.some((l) => l!.length !== lists[0]!.length)) return;
  const first = new Map<string, number>();
  for (let j = 0; j < lists[0]!.length; j++) {
    const c = canonicalJson(lists.map((l) => sameValueKey(l![j])));
    const at = first.get(c);
    if (at === undefined) { first.set(c, j); continue; }
    const k = keys[0]!;
    if (keys.length === 1) bad([...k.specPath, j], `each value of axis '${k.key}' once`, `${show(lists[0]![j])} again (as [${at}])`);
    else bad([...k.specPath, j], 'each combination of zipped values once', `item ${j} of every zipped key equal to item ${at}`);
  }
}

/**
 * Refuses a grid or a sampler count above `limit` (the spec's `maxPoints:`, default MAX_POINTS);
 * `set` says the limit came from the file, so the message points at it rather than at raising it.
 */
export function checkPointCount(axes: readonly AxisGroup[], sampler: Sampler, limit: number, set: boolean, bad: Bad): void {
  const raise = set ? `the file's maxPoints: ${limit}` : `maxPoints: (default ${MAX_POINTS}) raises it`;
  if (sampler.type !== 'grid') {
    if (sampler.count > limit) bad(['sampler', 'count'], `a point count of at most ${limit} (each point is resolved before the first runs; ${raise})`, String(sampler.count));
    return;
  }
  const lens = axes.map((g) => axisLength(g.keys[0]!) ?? 1);
  const total = lens.reduce((a, b) => a * b, 1);
  if (total <= limit) return;
  bad(['axes'], `a grid of at most ${limit} points (each point is resolved before the first runs: use fewer values or steps, or sampler: {type: random, count: N}; ${raise})`, `${total} points (${lens.join(' × ')})`);
}

/** A name listed twice under `metrics:`, `report.pareto` or as a constraint `name:` (a doubled column or an ambiguous verdict). */
export function checkRepeatedNames(names: readonly string[], pathOf: (i: number) => (string | number)[], what: string, bad: Bad): void {
  names.forEach((n, i) => {
    const at = names.indexOf(n);
    if (at < i) bad(pathOf(i), `each ${what} once`, `'${n}' again (as [${at}])`);
  });
}
