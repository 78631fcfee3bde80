/**
 * Finds the keys a zod 4 schema allows at a path of the validated data, so unknown-key errors from
 * any strict object (not only strictObject() ones) get the allowed list and a did-you-mean.
 * Walks wrappers (optional, default, pipe, lazy...) and picks the union member that fits the data;
 * names the other members a key belongs to when the member chosen by a literal lacks it.
 */
import type { z } from 'zod';
import { getAt, type PathSegment } from './paths.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
}

const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

function unwrap(s: z.ZodType | undefined, depth = 0): z.ZodType | undefined {
  const d = defOf(s);
  if (d === undefined || depth > 50) return s;
  if (d.innerType !== undefined && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success'].includes(d.type)) return unwrap(d.innerType, depth + 1);
  if (d.type === 'pipe') {
    const left = unwrap(d.in, depth + 1);
    return defOf(left)?.type === 'object' ? left : unwrap(d.out, depth + 1) ?? left;
  }
  if (d.type === 'lazy' && d.getter !== undefined) return unwrap(d.getter(), depth + 1);
  return s;
}

/** Candidate object schemas at `path` (several when a union cannot be narrowed). */
function objectsAt(schema: z.ZodType | undefined, data: unknown, path: readonly PathSegment[], i: number, depth: number): z.ZodType[] {
  const s = unwrap(schema);
  const d = defOf(s);
  if (s === undefined || d === undefined || depth > 100) return [];
  if (d.type === 'union' && d.options !== undefined) return d.options.flatMap((o) => objectsAt(o, data, path, i, depth + 1));
  if (d.type === 'intersection') return [...objectsAt(d.left, data, path, i, depth + 1), ...objectsAt(d.right, data, path, i, depth + 1)];
  if (i === path.length) return d.type === 'object' ? [s] : [];
  const seg = path[i] as PathSegment;
  if (d.type === 'object' && typeof seg === 'string') return objectsAt(d.shape?.[seg], data, path, i + 1, depth + 1);
  if (d.type === 'array' && typeof seg === 'number') return objectsAt(d.element, data, path, i + 1, depth + 1);
  if (d.type === 'tuple' && typeof seg === 'number') return objectsAt(d.items?.[seg], data, path, i + 1, depth + 1);
  if (d.type === 'record') return objectsAt(d.valueType, data, path, i + 1, depth + 1);
  return [];
}

/** The literal discriminator values of member `o` for the keys present in `rec` ({ scheme: ['fp16'] }). */
function literalsOf(o: z.ZodType, rec: Record<string, unknown>): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const [k, field] of Object.entries(defOf(o)?.shape ?? {})) {
    const lit = defOf(unwrap(field));
    if (lit?.type === 'literal' && k in rec) out.set(k, (lit as { values?: unknown[] }).values ?? []);
  }
  return out;
}

/** A key the union member chosen by a literal discriminator does not have, but other members do. */
export interface ForeignKey {
  /** The discriminating key and the value the data gave it: 'scheme', 'fp16'. */
  readonly discriminator: string;
  readonly chosen: string;
  /** Discriminator values of the members that have the key, in union order: ['int8', 'rtn', …]. */
  readonly owners: readonly string[];
}

/**
 * When the object at `path` chose a union member by a literal (scheme: fp16) and `key` is not one
 * of that member's keys but is one of other members' (keepBits of int8, rtn, …), who owns `key`.
 */
export function foreignKeyAt(schema: z.ZodType, data: unknown, path: readonly PathSegment[], key: string): ForeignKey | undefined {
  const actual = getAt(data, path);
  if (typeof actual !== 'object' || actual === null) return undefined;
  const rec = actual as Record<string, unknown>;
  const objs = objectsAt(schema, data, path, 0, 0);
  for (const chosen of objs) {
    for (const [disc, values] of literalsOf(chosen, rec)) {
      if (!values.includes(rec[disc]) || key in (defOf(chosen)?.shape ?? {})) continue;
      const owners: string[] = [];
      for (const o of objs) {
        const vs = literalsOf(o, rec).get(disc);
        if (o !== chosen && vs !== undefined && !vs.includes(rec[disc]) && key in (defOf(o)?.shape ?? {})) owners.push(...vs.map(String));
      }
      if (owners.length > 0) return { discriminator: disc, chosen: String(rec[disc]), owners };
    }
  }
  return undefined;
}

/**
 * Keys allowed by `schema` for the object at `path` of `data`, or undefined if not found. Among
 * union members, the one sharing the most keys with the actual object wins.
 */
export function allowedKeysAt(schema: z.ZodType, data: unknown, path: readonly PathSegment[]): string[] | undefined {
  const objs = objectsAt(schema, data, path, 0, 0);
  if (objs.length === 0) return undefined;
  const actual = getAt(data, path);
  const have = typeof actual === 'object' && actual !== null ? Object.keys(actual) : [];
  let best: string[] | undefined;
  let bestScore = -1;
  const rec = typeof actual === 'object' && actual !== null ? (actual as Record<string, unknown>) : {};
  for (const o of objs) {
    const shape = defOf(o)?.shape ?? {};
    const keys = Object.keys(shape);
    // A member whose literal discriminator (e.g. scheme: fp16) matches the data is the one the data
    // chose, whatever other keys it shares; a member whose literal differs is not a candidate.
    let literal = 0;
    for (const [k, field] of Object.entries(shape)) {
      const lit = defOf(unwrap(field));
      if (lit?.type !== 'literal' || !(k in rec)) continue;
      const values = (lit as { values?: unknown[] }).values ?? [];
      literal = values.includes(rec[k]) ? Math.max(literal, 1) : -1;
      if (literal < 0) break;
    }
    if (literal < 0) continue;
    const score = have.filter((k) => keys.includes(k)).length + literal * 1e6;
    if (score > bestScore) {
      best = keys;
      bestScore = score;
    }
  }
  return best;
}
