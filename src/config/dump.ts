/**
 * Frozen, hashed configuration records written beside every result: canonical JSON (sorted keys),
 * a sha256 content hash, `schemaVersion`, and atomic writes (temp file + rename) so a reader never
 * sees a half-written result file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Version of the resolved.json layout; bump when its shape changes. */
export const SCHEMA_VERSION = 2;

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Map) return canonical(Object.fromEntries(v));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined && typeof x !== 'function') out[k] = canonical(x);
    }
    return out;
  }
  return v;
}

/** JSON with object keys sorted at every level (non-finite numbers as strings, undefined dropped). */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(canonical(value), null, indent);
}

/** Stable sha256 (hex) of the canonical JSON of `value`: equal trees give equal hashes. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** Recursively freezes a plain tree and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let tmpCounter = 0;
/** Writes `data` to a temporary file in the same directory, then renames it over `path`. */
export function atomicWriteFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${tmpCounter++}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** What writeResolved records beside the configuration (kind, seed, source files, overrides, ...). */
export type ResolvedMeta = Readonly<Record<string, unknown>>;

/**
 * Writes `dir/resolved.json`: { schemaVersion, contentHash, meta, config } with sorted keys.
 * The hash covers `config` only, so the same configuration always has the same hash.
 * Returns the file path and the hash.
 */
export function writeResolved(dir: string, value: unknown, meta: ResolvedMeta = {}): { path: string; hash: string } {
  const hash = contentHash(value);
  const path = join(dir, 'resolved.json');
  atomicWriteFile(path, `${canonicalJson({ schemaVersion: SCHEMA_VERSION, contentHash: hash, meta, config: value }, 2)}\n`);
  return { path, hash };
}
