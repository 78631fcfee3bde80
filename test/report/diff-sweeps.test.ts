// diffSweeps (sweep points matched by axis values), sweepFromJson, duplicateJsonKey and the
// unused --ignore entries of diffResults.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffResults, diffSweeps, duplicateJsonKey, sweepFromJson, type SweepTable } from '../../src/report/result-diff.js';

const tol = { rel: 0, abs: 0 };

/** A `sweep --json` summary with the bookkeeping of one particular run (paths, counters, ids). */
const summary = (out: string, ran: number, points: { id: string; axes: Record<string, unknown>; e: number; status?: string }[]): unknown => ({
  sweep: 'toy', db: `${out}/results.duckdb`, report: `${out}/report.html`, csv: `${out}/points.csv`, parquet: `${out}/points.parquet`,
  drawn: points.length, stored: points.length, ran, reused: points.length - ran, skipped: 0, lost: [],
  points: points.map((p, index) => ({ id: p.id, index, status: p.status ?? 'ok', pareto: false, axes: p.axes, metrics: { energyPerTokenPj: p.e, latencyPerTokenPs: 100 } })),
  estimates: [],
});

describe('diffSweeps', () => {
  it('matches points by axis values, not ids or order, and leaves bookkeeping out', () => {
    const a = sweepFromJson(summary('/tmp/a', 3, [
      { id: 'p1', axes: { rho: 0.1, mode: 'mlc2' }, e: 10 }, { id: 'p2', axes: { rho: 0.3, mode: 'mlc2' }, e: 20 }, { id: 'p3', axes: { rho: 0.5, mode: 'mlc2' }, e: 30 },
    ]))!;
    // another build: other ids, another order, other paths and counters
    const b = sweepFromJson(summary('/tmp/b', 0, [
      { id: 'q3', axes: { mode: 'mlc2', rho: 0.3 }, e: 21 }, { id: 'q1', axes: { mode: 'mlc2', rho: 0.1 }, e: 10 }, { id: 'q9', axes: { mode: 'mlc2', rho: 0.7 }, e: 40 },
    ]))!;
    const r = diffSweeps(a, b, tol);
    expect([r.matched, r.onlyA, r.onlyB]).toEqual([2, 1, 1]);
    // axes list + 2 points × (status, pareto, 2 metrics)
    expect(r.compared).toBe(9);
    expect(r.changes.map((c) => [c.path, c.kind])).toEqual([
      ['points[mode=mlc2, rho=0.3].metrics.energyPerTokenPj', 'changed'],
      ['points[mode=mlc2, rho=0.5]', 'only-a'],
      ['points[mode=mlc2, rho=0.7]', 'only-b'],
    ]);
    expect(r.changes[0]!.relChange).toBeCloseTo(0.05, 12);
    expect(diffSweeps(a, b, { rel: 0.1, abs: 0 }).changes).toHaveLength(2);
  });

  it('compares status, metrics on one side only and the axis names', () => {
    const a: SweepTable = { axes: ['x'], points: [{ axes: { x: 1 }, status: 'ok', metrics: { m: 1, n: 2 } }] };
    const b: SweepTable = { axes: ['x', 'y'], points: [{ axes: { x: 1 }, status: 'infeasible', metrics: { m: 1 } }] };
    expect(diffSweeps(a, b, tol).changes.map((c) => [c.path, c.kind])).toEqual([
      ['axes', 'changed'], ['points[x=1].status', 'changed'], ['points[x=1].metrics.n', 'only-a'],
    ]);
  });

  it('ignores a metric in every point by its path in the point, and names ignores that match nothing', () => {
    const a: SweepTable = { axes: ['x'], points: [1, 2].map((x) => ({ axes: { x }, status: 'ok', metrics: { 'stall.mram': x, e: x } })) };
    const b: SweepTable = { axes: ['x'], points: [1, 2].map((x) => ({ axes: { x }, status: 'ok', metrics: { 'stall.mram': x + 1, e: x } })) };
    expect(diffSweeps(a, b, tol).changes).toHaveLength(2);
    const r = diffSweeps(a, b, { ...tol, ignore: ['metrics.stall', 'points[x=2].status', 'nosuch'] });
    expect(r.changes).toEqual([]);
    expect(r.unusedIgnores).toEqual(['nosuch']);
  });

  it('is not fooled by JSON that is not a sweep summary', () => {
    expect(sweepFromJson({ name: 'run', metrics: { x: 1 } })).toBeNull();
    expect(sweepFromJson({ sweep: 's', points: [{ axes: {}, status: 'ok' }] })).toBeNull();
  });
});

describe('diffResults: --ignore entries that match nothing', () => {
  it('lists them; a path that names a value or a subtree is used', () => {
    const r = diffResults({ q: { x: 1 }, n: 1 }, { q: { x: 2 }, n: 1 }, { ...tol, ignore: ['q.x', 'n', 'nosuchpath', 'q.xx'] });
    expect(r.unusedIgnores).toEqual(['nosuchpath', 'q.xx']);
    expect(r.changes).toEqual([]);
  });
});

describe('duplicateJsonKey', () => {
  it('finds a key named twice in one object, with line and column', () => {
    expect(duplicateJsonKey('{"x": 1,\n  "y": {"a": 2, "a": 3}}')).toEqual({ key: 'a', line: 2, col: 17 });
    expect(duplicateJsonKey('[{"a": "\\"a\\"", "b": {"a": 1}}, {"a": 2, "\\u0061": 3}]')).toEqual({ key: 'a', line: 1, col: 42 });
  });

  it('accepts the same key in sibling and nested objects, and keys that look alike inside strings', () => {
    expect(duplicateJsonKey('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "\\"a\\": 1, \\"a\\""}')).toBeNull();
  });

  it('finds nothing in any JSON.stringify output (keys unique by construction)', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => duplicateJsonKey(JSON.stringify(v, null, 1)) === null));
  });
});
