/**
 * Canonical JSON (object keys sorted, no whitespace) and content hashes for sweep points.
 * Canonical text is what the results database stores, so equal values are equal bytes.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys in code-point order; non-finite numbers become null (JSON has no NaN). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value instanceof Map) return sortDeep(Object.fromEntries(value));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined && typeof v !== 'function') out[k] = sortDeep(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** sha256 hex of the canonical JSON of `value`. */
export function sha256Of(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * Content-addressed id of a sweep point: hash of (resolved config, tool version, seed, evaluator,
 * evaluation settings: layer reuse, kept metrics, derived metrics, metric constraints).
 * Prefixed with 'p' so it is never taken for a number (BullMQ job ids must not be integers).
 */
export function pointId(resolved: unknown, toolVersion: string, seed: number, evaluator: string, evaluation: unknown = null): string {
  return 'p' + sha256Of({ config: resolved, evaluation, evaluator, seed, toolVersion }).slice(0, 32);
}
