/**
 * Registry of configuration kinds: a top-level `kind: run` selects the schema `qmcsim validate`
 * (and any loader) applies. Owners of run/sweep/study/device configs register theirs here.
 */
import type { z } from 'zod';

export interface ConfigKind {
  readonly kind: string;
  readonly description: string;
  /** The schema, or a function building it at validation time (after all plug-ins registered). */
  readonly schema: z.ZodType | (() => z.ZodType);
  /** Recognises files of this kind that carry no `kind:` key (e.g. by path). */
  readonly matches?: (file: string) => boolean;
}

const kinds = new Map<string, ConfigKind>();

/**
 * Registers a configuration kind. The schema validates the whole document except the loader's
 * reserved top-level keys (`kind`, `extends`).
 */
export function registerConfigKind(
  kind: string,
  schema: z.ZodType | (() => z.ZodType),
  opts: { description?: string; matches?: (file: string) => boolean } = {},
): void {
  const old = kinds.get(kind);
  if (old !== undefined && old.schema !== schema) throw new Error(`configuration kind '${kind}' registered twice`);
  const entry: ConfigKind = { kind, schema, description: opts.description ?? '', ...(opts.matches ? { matches: opts.matches } : {}) };
  kinds.set(kind, entry);
}

/** The registered kind, if any. */
export function findConfigKind(kind: string): ConfigKind | undefined {
  return kinds.get(kind);
}
/** All kinds, sorted by name. */
export function allConfigKinds(): ConfigKind[] {
  return [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}
/** The kind whose `matches` recognises `file`, if exactly one does. */
export function kindForFile(file: string): ConfigKind | undefined {
  const hits = allConfigKinds().filter((k) => k.matches?.(file) === true);
  return hits.length === 1 ? hits[0] : undefined;
}
/** The schema of a kind (building it if registered as a function). */
export function schemaOf(k: ConfigKind): z.ZodType {
  return typeof k.schema === 'function' ? k.schema() : k.schema;
}
