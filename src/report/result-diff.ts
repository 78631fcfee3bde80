/**
 * Compares two result bundles (the JSON of `run --out`, `reproduce --out`, `replay --json`, ...)
 * value by value and says which ones moved: the "results changed" check behind `qmcsim diff`.
 * Numbers compare within a relative and an absolute tolerance; lists of records are matched by their
 * text fields (tensor, memory, part, ...) when those identify every record, else by position.
 * Sweep results (diffSweeps) are matched point by point by their axis values, metric by metric.
 */
import { canonicalJson } from '../config/dump.js';

/** Tolerances: two numbers are equal when |a − b| ≤ abs or |a − b| ≤ rel · max(|a|, |b|). */
export interface DiffOptions {
  readonly rel: number;
  readonly abs: number;
  /** Paths (or path prefixes, up to a '.' or '[') left out of the comparison. */
  readonly ignore?: readonly string[];
}

/** One difference: a value that moved, changed type, or is present on one side only. */
export interface ValueChange {
  readonly path: string;
  readonly kind: 'changed' | 'only-a' | 'only-b' | 'type';
  readonly a?: unknown;
  readonly b?: unknown;
  /** (b − a) / |a| for numbers (±Infinity when a is 0). */
  readonly relChange?: number;
}

export interface DiffResult {
  /** Leaf values compared (numbers, strings, booleans, nulls found on both sides). */
  readonly compared: number;
  readonly changes: readonly ValueChange[];
  /** The `ignore` entries that matched no value on either side (a misspelt path). */
  readonly unusedIgnores: readonly string[];
}

/** Whether `path` is `p` or lies under it (`p` followed by '.' or '['). */
const under = (path: string, p: string): boolean =>
  path === p || (path.startsWith(p) && (path[p.length] === '.' || path[p.length] === '['));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isRecord = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compares `a` with `b` (parsed JSON). Deterministic: changes come in document order of the keys, sorted. */
export function diffResults(a: unknown, b: unknown, o: DiffOptions): DiffResult {
  const changes: ValueChange[] = [];
  let compared = 0;
  const used = new Set<string>();
  const ignored = (path: string): boolean => {
    const hit = (o.ignore ?? []).filter((p) => under(path, p));
    for (const p of hit) used.add(p);
    return hit.length > 0;
  };
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (ignored(path)) return;
    if (typeof x === 'number' && typeof y === 'number') {
      compared++;
      if (!sameNumber(x, y, o)) changes.push(numberChange(path, x, y));
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) return walkList(x, y, path);
    if (isRecord(x) && isRecord(y)) {
      for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
        const p = path === '' ? k : `${path}.${k}`;
        if (!(k in y)) { if (!ignored(p)) changes.push({ path: p, kind: 'only-a', a: x[k] }); }
        else if (!(k in x)) { if (!ignored(p)) changes.push({ path: p, kind: 'only-b', b: y[k] }); }
        else walk(x[k], y[k], p);
      }
      return;
    }
    if (kindOf(x) !== kindOf(y)) {
      changes.push({ path, kind: 'type', a: x, b: y });
      return;
    }
    compared++;
    if (x !== y) changes.push({ path, kind: 'changed', a: x, b: y });
  };
  const walkList = (x: readonly unknown[], y: readonly unknown[], path: string): void => {
    const kx = recordKeys(x), ky = recordKeys(y);
    if (kx !== null && ky !== null) {
      const inY = new Map(ky.map((k, i) => [k, y[i]]));
      const inX = new Set(kx);
      kx.forEach((k, i) => {
        const p = `${path}[${k}]`;
        if (inY.has(k)) walk(x[i], inY.get(k), p);
        else if (!ignored(p)) changes.push({ path: p, kind: 'only-a', a: x[i] });
      });
      ky.forEach((k, i) => {
        const p = `${path}[${k}]`;
        if (!inX.has(k) && !ignored(p)) changes.push({ path: p, kind: 'only-b', b: y[i] });
      });
      return;
    }
    const n = Math.max(x.length, y.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= y.length) { if (!ignored(p)) changes.push({ path: p, kind: 'only-a', a: x[i] }); }
      else if (i >= x.length) { if (!ignored(p)) changes.push({ path: p, kind: 'only-b', b: y[i] }); }
      else walk(x[i], y[i], p);
    }
  };
  walk(a, b, '');
  return { compared, changes, unusedIgnores: (o.ignore ?? []).filter((p) => !used.has(p)) };
}

const numberChange = (path: string, x: number, y: number): ValueChange =>
  ({ path, kind: 'changed', a: x, b: y, relChange: x === 0 ? (y > 0 ? Infinity : -Infinity) : (y - x) / Math.abs(x) });

function sameNumber(x: number, y: number, o: DiffOptions): boolean {
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return Number.isNaN(x) && Number.isNaN(y);
  const d = Math.abs(x - y);
  return d <= o.abs || d <= o.rel * Math.max(Math.abs(x), Math.abs(y));
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v;
}

/**
 * Keys of a list of records: each record's text fields as 'name=value' pairs joined by ', ', when
 * every element is a record with at least one text field and the keys are unique; else null.
 */
function recordKeys(list: readonly unknown[]): string[] | null {
  if (list.length === 0) return null;
  const keys: string[] = [];
  for (const e of list) {
    if (!isRecord(e)) return null;
    const parts = Object.keys(e).sort().filter((k) => typeof e[k] === 'string').map((k) => `${k}=${e[k] as string}`);
    if (parts.length === 0) return null;
    keys.push(parts.join(', '));
  }
  return new Set(keys).size === keys.length ? keys : null;
}

/** One design point of a sweep result: its coordinates, status and metrics (ids, indices left out). */
export interface SweepPoint {
  readonly axes: Readonly<Record<string, unknown>>;
  readonly status: string;
  /** Present in `sweep --json` output only (points.csv does not carry it). */
  readonly pareto?: boolean;
  readonly metrics: Readonly<Record<string, number>>;
}

/** A sweep result as diff reads it: the axis names (in the sweep's order) and the points. */
export interface SweepTable {
  readonly axes: readonly string[];
  readonly points: readonly SweepPoint[];
}

/** diffResults' answer for sweeps, with how the points matched. */
export interface SweepDiffResult extends DiffResult {
  /** Points found on both sides (same axis values). */
  readonly matched: number;
  readonly onlyA: number;
  readonly onlyB: number;
}

/**
 * The points of `sweep --json` output (`{ sweep, points: [{ axes, status, metrics, ... }] }`), or
 * null when `v` is not one. Bookkeeping (paths, ran / reused counts, ids, indices) is dropped.
 */
export function sweepFromJson(v: unknown): SweepTable | null {
  if (!isRecord(v) || typeof v['sweep'] !== 'string' || !Array.isArray(v['points'])) return null;
  const points: SweepPoint[] = [];
  const axes = new Set<string>();
  for (const p of v['points']) {
    if (!isRecord(p) || !isRecord(p['axes']) || !isRecord(p['metrics']) || typeof p['status'] !== 'string') return null;
    const metrics: Record<string, number> = {};
    for (const [k, x] of Object.entries(p['metrics'])) if (typeof x === 'number') metrics[k] = x;
    for (const k of Object.keys(p['axes'])) axes.add(k);
    const pareto = p['pareto'];
    points.push({ axes: p['axes'], status: p['status'], metrics, ...(typeof pareto === 'boolean' ? { pareto } : {}) });
  }
  return { axes: [...axes], points };
}

/** 'k=v, k=v' (axis names sorted): the name of a point in change paths. */
function pointName(p: SweepPoint): string {
  return Object.keys(p.axes).sort().map((k) => {
    const v = p.axes[k];
    return `${k}=${typeof v === 'string' ? v : canonicalJson(v)}`;
  }).join(', ');
}

/**
 * Compares two sweep results point by point: points match by their axis values (not their ids, which
 * hash the build), and every metric, the status and (when both sides carry it) the Pareto flag of a
 * matched point are compared within the tolerances. A point on one side only is one change, named by
 * its axis values. Change paths read `points[k=v, ...].metrics.NAME`; an `ignore` entry matches such a
 * path, or the part after the point (`metrics.NAME`, `status`), for every point.
 */
export function diffSweeps(a: SweepTable, b: SweepTable, o: DiffOptions): SweepDiffResult {
  const changes: ValueChange[] = [];
  let compared = 0;
  const used = new Set<string>();
  const ignored = (path: string, inPoint: string): boolean => {
    const hit = (o.ignore ?? []).filter((p) => under(path, p) || (inPoint !== '' && under(inPoint, p)));
    for (const p of hit) used.add(p);
    return hit.length > 0;
  };
  const sortedA = [...a.axes].sort(), sortedB = [...b.axes].sort();
  if (!ignored('axes', '')) {
    compared++;
    if (canonicalJson(sortedA) !== canonicalJson(sortedB)) changes.push({ path: 'axes', kind: 'changed', a: sortedA, b: sortedB });
  }
  const keyed = (t: SweepTable): Map<string, SweepPoint> => {
    const m = new Map<string, SweepPoint>();
    for (const p of t.points) {
      const base = pointName(p);
      let k = base;
      for (let n = 2; m.has(k); n++) k = `${base} #${n}`; // the same coordinates twice: kept apart in order
      m.set(k, p);
    }
    return m;
  };
  const pa = keyed(a), pb = keyed(b);
  let matched = 0, onlyA = 0, onlyB = 0;
  const shown = (p: SweepPoint): Record<string, unknown> => ({ status: p.status, metrics: p.metrics });
  for (const [k, x] of pa) {
    const base = `points[${k}]`;
    const y = pb.get(k);
    if (y === undefined) {
      onlyA++;
      if (!ignored(base, '')) changes.push({ path: base, kind: 'only-a', a: shown(x) });
      continue;
    }
    matched++;
    const field = (name: string, u: unknown, w: unknown): void => {
      const path = `${base}.${name}`;
      if (ignored(path, name)) return;
      if (u === undefined) { changes.push({ path, kind: 'only-b', b: w }); return; }
      if (w === undefined) { changes.push({ path, kind: 'only-a', a: u }); return; }
      compared++;
      if (typeof u === 'number' && typeof w === 'number') { if (!sameNumber(u, w, o)) changes.push(numberChange(path, u, w)); }
      else if (u !== w) changes.push({ path, kind: 'changed', a: u, b: w });
    };
    field('status', x.status, y.status);
    if (x.pareto !== undefined && y.pareto !== undefined) field('pareto', x.pareto, y.pareto);
    for (const m of [...new Set([...Object.keys(x.metrics), ...Object.keys(y.metrics)])].sort()) field(`metrics.${m}`, x.metrics[m], y.metrics[m]);
  }
  for (const [k, y] of pb) {
    if (pa.has(k)) continue;
    onlyB++;
    const path = `points[${k}]`;
    if (!ignored(path, '')) changes.push({ path, kind: 'only-b', b: shown(y) });
  }
  return { compared, changes, matched, onlyA, onlyB, unusedIgnores: (o.ignore ?? []).filter((p) => !used.has(p)) };
}

/**
 * The first key that an object of JSON `text` names twice (JSON.parse keeps the last silently), with
 * its 1-based line and column; null when every object names each key once. `text` must be valid JSON.
 */
export function duplicateJsonKey(text: string): { key: string; line: number; col: number } | null {
  const stack: (Set<string> | null)[] = []; // a set per open object, null per open list
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') { stack.push(new Set()); expectKey = true; }
    else if (c === '[') { stack.push(null); expectKey = false; }
    else if (c === '}' || c === ']') { stack.pop(); expectKey = false; }
    else if (c === ',') expectKey = stack[stack.length - 1] instanceof Set;
    else if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) {
          const before = text.slice(0, i).split('\n');
          return { key, line: before.length, col: before[before.length - 1]!.length + 1 };
        }
        keys.add(key);
        expectKey = false;
      }
      i = j;
    }
  }
  return null;
}
