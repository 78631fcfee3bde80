/**
 * The configuration pipeline: read YAML with positions → `extends:` → `--set` overrides → strict
 * schema validation (incl. cross-field refinements) → a typed value. Every problem found is thrown
 * together as one ConfigErrors, each located at file:line:col.
 */
import type { z } from 'zod';
import { ConfigErrors } from './errors.js';
import { issuesToProblems } from './issues.js';
import { kindForFile } from './kinds.js';
import { applyOverrides, composeFile, type ComposedTree } from './resolve.js';
import type { SourceMap } from './yaml.js';
import { showFound } from '../units/parse.js';

/** Keys the loader consumes at the top level of every configuration file. */
export const RESERVED_KEYS = ['extends', 'kind'] as const;

export interface LoadOptions {
  /** `--set path=value` overrides, applied in order after `extends:`. */
  readonly overrides?: readonly string[];
  /** If set, the file's top-level `kind:` (or, without one, its folder's kind) must equal this. */
  readonly kind?: string;
}

export interface LoadedConfig<T> {
  /** The validated value (defaults applied, quantities canonical). */
  readonly value: T;
  /** The composed tree before validation (after extends and overrides), without `kind`. */
  readonly raw: unknown;
  /** The top-level `kind:` of the file, if any. */
  readonly kind: string | undefined;
  readonly sources: SourceMap;
  /** Absolute paths of every file read (extends first). */
  readonly files: readonly string[];
}

/** Reads, composes and overrides `file` without schema validation (used to find its `kind`). */
export function composeConfig(file: string, overrides: readonly string[] = []): ComposedTree & { kind: string | undefined } {
  const tree = applyOverrides(composeFile(file, file), overrides);
  const data = tree.data;
  let kind: string | undefined;
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'kind' in data) {
    const k = (data as Record<string, unknown>).kind;
    if (typeof k !== 'string') {
      const pos = tree.sources.get('kind')?.value;
      throw new ConfigErrors([{ file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: 'kind', expected: 'a configuration kind name', found: showFound(k) }]);
    }
    kind = k;
    const rest = { ...(data as Record<string, unknown>) };
    delete rest.kind;
    return { ...tree, data: rest, kind };
  }
  return { ...tree, kind };
}

/** Validates an already composed tree against `schema`; throws ConfigErrors with positions. */
export function validateTree<S extends z.ZodType>(schema: S, tree: { data: unknown; sources: SourceMap }, file: string): z.output<S> {
  const r = schema.safeParse(tree.data);
  if (r.success) return r.data;
  throw new ConfigErrors(issuesToProblems(r.error.issues, tree.data, tree.sources, file, schema));
}

/**
 * Throws one located line when a composed file is of another kind than `kind`: its `kind:` says so,
 * or, without one, its folder does (a configs/models file given to `qmcsim run`), instead of one
 * line per key the expected schema does not know.
 */
export function checkKind(tree: { kind: string | undefined; sources: SourceMap }, file: string, kind: string): void {
  if (tree.kind !== undefined && tree.kind !== kind) {
    const pos = tree.sources.get('kind')?.value;
    throw new ConfigErrors([{ file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: 'kind', expected: `'${kind}'`, found: `'${tree.kind}'` }]);
  }
  const byFolder = tree.kind === undefined ? kindForFile(file)?.kind : undefined;
  if (byFolder !== undefined && byFolder !== kind) {
    throw new ConfigErrors([{ file, line: 1, col: 1, path: 'kind', expected: `a kind: ${kind} file`, found: `a ${byFolder} file (no kind:, recognised by its folder)` }]);
  }
}

/** Full pipeline with everything a result bundle needs (files read, raw tree, sources). */
export function loadConfig<S extends z.ZodType>(file: string, schema: S, opts: LoadOptions = {}): LoadedConfig<z.output<S>> {
  const tree = composeConfig(file, opts.overrides ?? []);
  if (opts.kind !== undefined) checkKind(tree, file, opts.kind);
  const value = validateTree(schema, tree, file);
  return { value, raw: tree.data, kind: tree.kind, sources: tree.sources, files: tree.files };
}

/**
 * Loads a YAML configuration file: `extends:`, `--set` overrides, strict validation by `schema`.
 * Throws ConfigErrors (every problem, located) or UserError (unreadable file).
 */
export function loadConfigFile<S extends z.ZodType>(file: string, schema: S, opts: LoadOptions = {}): z.output<S> {
  return loadConfig(file, schema, opts).value;
}
