/**
 * Compares two result bundles (the JSON of `run --out`, `reproduce --out`, `replay --json`, ...)
 * value by value and says which ones moved: the "results changed" check behind `qmcsim diff`.
 * Numbers compare within a relative and an absolute tolerance; lists of records are matched by their
 * text fields (tensor, memory, part, ...) when those identify every record, else by position.
 */

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
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isRecord = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compares `a` with `b` (parsed JSON). Deterministic: changes come in document order of the keys, sorted. */
export function diffResults(a: unknown, b: unknown, o: DiffOptions): DiffResult {
  const changes: ValueChange[] = [];
  let compared = 0;
  const ignored = (path: string): boolean =>
    (o.ignore ?? []).some((p) => path === p || (path.startsWith(p) && (path[p.length] === '.' || path[p.length] === '[')));
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (ignored(path)) return;
    if (typeof x === 'number' && typeof y === 'number') {
      compared++;
      if (!sameNumber(x, y, o)) changes.push({ path, kind: 'changed', a: x, b: y, relChange: x === 0 ? (y > 0 ? Infinity : -Infinity) : (y - x) / Math.abs(x) });
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
  return { compared, changes };
}

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
