/**
 * `kind: run` configuration: an SoC (inline, or a path to a `kind: soc` file), a model, a
 * quantizer, a placement, the decode phase, compute on/off, which initiator carries which traffic,
 * and the list of design values that are estimates (printed with every report). `loadRunConfig`
 * composes the run file and its SoC file; `--set soc.…` overrides are applied to the SoC file.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { checkKind, composeConfig, loadConfig, validateTree, type LoadedConfig } from '../config/load.js';
import { registerConfigKind } from '../config/kinds.js';
import { int, oneOf, positiveInt, strictObject } from '../config/schema.js';
import { quantConfigSchema } from '../workloads/quant/config.js';
import { quantFileOverrides } from './quant-file.js';
import { placementSchema } from './placement/policies.js';
import { socSchema, type SocConfig } from './soc-schema.js';
import { checkDevices, withDeviceBlockProblems } from './device-check.js';
import type { SourceMap } from '../config/yaml.js';
import { checkRunAgainstSoc } from './run-checks.js';
import { ConfigErrors } from '../config/errors.js';
import { ESTIMATE_USES, estimateUse, type EstimateUse } from './estimate-in-use.js';

const estimateSchema = strictObject({
  /** Parameter path, e.g. 'soc.memories[1].device.arraysPerBank'. */
  param: z.string().min(1),
  value: z.union([z.string(), z.number()]),
  /** How the value was derived. */
  derivation: z.string().min(1),
});

const runShape = {
  name: z.string().min(1),
  description: z.string().optional(),
  /** Model name from configs/models or a path. */
  model: z.string().min(1),
  quant: quantConfigSchema,
  placement: placementSchema,
  workload: strictObject({
    phase: z.literal('decode').default('decode'),
    /** Tokens already in the KV cache. */
    contextLength: int({ min: 0 }).default(1024),
    batch: positiveInt().default(1),
    /** 'paper': scale/zero/outlier-index metadata neither stored nor read (QMC's accounting); 'honest': both. */
    metadata: oneOf(['paper', 'honest']).default('paper'),
  }).prefault({}),
  compute: strictObject({ enabled: z.boolean().default(false) }).prefault({}),
  /** Which initiator issues which traffic (initiator ids of the SoC). */
  traffic: strictObject({
    weights: z.string().default('gpu'),
    kv: z.string().default('gpu'),
    activations: z.string().default('gpu'),
    compute: z.string().default('gpu'),
  }).prefault({}),
  /** Energy table name per memory id (default: the device's own table). */
  energyTables: z.record(z.string(), z.string()).default({}),
  estimates: z.array(estimateSchema).default([]),
};

/** Schema of a run file whose `soc` is inline (what `validate` checks; a path is also accepted). */
export const runSchema = strictObject({ ...runShape, soc: z.union([z.string().min(1), socSchema], { error: 'a kind: soc file (path relative to the file that sets soc:) or an inline SoC map' }) });

/** A fully resolved run configuration. */
export type RunConfig = Omit<z.output<typeof runSchema>, 'soc'> & {
  readonly soc: SocConfig;
  readonly socFile?: string;
  /** Per `estimates:` entry (same order): its value in use and what the overrides changed (estimate-in-use.ts). */
  readonly [ESTIMATE_USES]?: readonly EstimateUse[];
};

/**
 * Loads a run file: `extends:`, `--set` overrides, validation. When `soc:` is a path (relative to
 * the file that wrote it; a --set is relative to the run file) the SoC file is loaded too, receiving
 * the `soc.`-prefixed overrides. A `model:` YAML path is resolved the same way. A `quant:` path
 * (relative to the file that wrote it; a --set to the working directory) names a `kind: quant`
 * file, which receives the `quant.`-prefixed overrides. Each `estimates:` entry's value in use is
 * compared with the file composed with `reference` (default none: the run file's own values).
 */
export function loadRunConfig(file: string, given: readonly string[] = [], reference: readonly string[] = []): RunConfig {
  const cfg = loadRunConfigOnly(file, given);
  if (cfg.estimates.length === 0) return cfg;
  const run = composedRunTree(file, given);
  let before: unknown;
  try {
    before = sameList(given, reference) ? run : composedRunTree(file, reference);
  } catch {
    before = undefined; // the file does not compose without the overrides: nothing to compare with
  }
  return { ...cfg, [ESTIMATE_USES]: cfg.estimates.map((e) => estimateUse(e.param, run, before ?? run)) };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The run file composed with `given` (extends, overrides) and its SoC file inlined, unparsed (values as written). */
function composedRunTree(file: string, given: readonly string[]): unknown {
  const overrides = quantFileOverrides(file, given);
  const socOv = overrides.filter((o) => o.startsWith('soc.')).map((o) => o.slice(4));
  const probe = composeConfig(file, overrides.filter((o) => !o.startsWith('soc.')));
  const data = probe.data as Record<string, unknown> | undefined;
  if (typeof data?.soc !== 'string') return composeConfig(file, overrides).data;
  return { ...data, soc: composeConfig(resolve(refDir(probe.sources, 'soc', file), data.soc), socOv).data };
}

function loadRunConfigOnly(file: string, given: readonly string[]): RunConfig {
  // `quant: FILE`: the file's content replaces the name (its own errors located in it)
  const overrides = quantFileOverrides(file, given);
  const socOv = overrides.filter((o) => o.startsWith('soc.')).map((o) => o.slice(4));
  const rest = overrides.filter((o) => !o.startsWith('soc.'));
  const probe = composeConfig(file, rest);
  const socRef = (probe.data as { soc?: unknown } | undefined)?.soc;
  if (typeof socRef !== 'string') {
    const loaded = withDeviceBlockProblems(() => loadConfig(file, runSchema, { overrides, kind: 'run' }), () => composeConfig(file, overrides), file, ['soc']);
    const cfg = withModelPath(loaded.value as RunConfig, loaded.sources, file);
    const built = checkDevices(cfg.soc, file, loaded.sources, 'soc.');
    checkRunAgainstSoc(cfg, cfg.soc, file, loaded.sources, built);
    return cfg;
  }
  checkKind(probe, file, 'run');
  const run = withModelPath(validateTree(runSchema, probe, file), probe.sources, file);
  const socFile = resolve(refDir(probe.sources, 'soc', file), socRef);
  if (!statSync(socFile, { throwIfNoEntry: false })?.isFile()) {
    const pos = probe.sources.get('soc')?.value;
    throw new ConfigErrors([{ file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: 'soc', expected: 'a kind: soc file (path relative to the file that sets soc:) or an inline SoC', found: `'${socRef}' (${socFile} is not a readable file)` }]);
  }
  const { soc, built } = withSocPrefix(() => {
    const load = (): LoadedConfig<SocConfig> => loadConfig(socFile, socSchema, { overrides: socOv, kind: 'soc' });
    const loaded = socOfKind(() => withDeviceBlockProblems(load, () => composeConfig(socFile, socOv), socFile), socFile, socRef, probe.sources.get('soc')?.value, file);
    return { soc: loaded.value, built: checkDevices(loaded.value, socFile, loaded.sources) };
  });
  checkRunAgainstSoc(run, soc, file, probe.sources, built);
  return { ...run, soc, socFile };
}

/**
 * Runs `load` (the file `soc:` names); a file of another kind (a run file given as soc:) is
 * reported at the run file's `soc:` key, naming the file and the kind it has, instead of at a
 * `kind:` line of a file the user did not know was being read.
 */
function socOfKind<T>(load: () => T, socFile: string, socRef: string, at: { file: string; line: number; col: number } | undefined, file: string): T {
  try {
    return load();
  } catch (e) {
    const p = e instanceof ConfigErrors && e.problems.length === 1 ? e.problems[0]! : undefined;
    if (p === undefined || p.path !== 'kind' || p.file !== socFile) throw e;
    const kindAt = p.line > 0 ? ` at ${p.file}:${p.line}:${p.col}` : '';
    throw new ConfigErrors([{ file: at?.file ?? file, line: at?.line ?? 0, col: at?.col ?? 0, path: 'soc', expected: 'a kind: soc file (e.g. configs/soc/orin-agx-qmc.yaml) or an inline SoC', found: `'${socRef}', whose kind is ${p.found}${kindAt}` }]);
  }
}

/**
 * Folder a path value at `key` is relative to: that of the file that wrote it (a base file reached
 * through `extends:` keeps its own relative paths); a `--set` (and a sweep axis, which is one) is
 * relative to the run file, as experiments/sweeps documents.
 */
function refDir(sources: SourceMap, key: string, file: string): string {
  const from = sources.get(key)?.value.file;
  if (from === undefined || from === '' || from.startsWith('--set ')) return dirname(resolve(file));
  return dirname(resolve(from));
}

/**
 * A `model:` YAML path written in a file is relative to that file (like `soc:`); one given with
 * `--set model=…` (or reproduce --model) is relative to the working directory, as it always was.
 */
function withModelPath<T extends { readonly model: string }>(cfg: T, sources: SourceMap, file: string): T {
  if (!/\.ya?ml$/.test(cfg.model)) return cfg;
  const fromSet = sources.get('model')?.value.file.startsWith('--set ') === true;
  return { ...cfg, model: resolve(fromSet ? process.cwd() : refDir(sources, 'model', file), cfg.model) };
}

/**
 * Runs `load` (the SoC file with the `soc.`-stripped overrides) and puts the prefix back into
 * problems that came from an override, so the message quotes the `--set` the user typed.
 */
function withSocPrefix<T>(load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (!(e instanceof ConfigErrors) || !e.problems.some((p) => p.file.startsWith('--set '))) throw e;
    throw new ConfigErrors(e.problems.map((p) => (p.file.startsWith('--set ')
      ? { ...p, file: socSetSource(p.file), path: p.path === '' ? 'soc' : `soc.${p.path}`, expected: p.expected.replace(/^(a key allowed at )(?:'([^']*)'|the top level)/, (_m, at: string, key?: string) => `${at}'soc${key === undefined ? '' : `.${key}`}'`) }
      : p)));
  }
}

/**
 * The source name of a `soc.` override as the user typed it: the SoC file was given the override
 * with `soc.` stripped ('--set x=1' → '--set soc.x=1'); any other source name is returned as is.
 */
export function socSetSource(file: string): string {
  return file.startsWith('--set ') ? `--set soc.${file.slice(6)}` : file;
}

/** Registers `kind: run` and `kind: soc` with the config layer (idempotent). */
export function registerArchKinds(): void {
  registerConfigKind('run', runSchema, { description: 'a whole run: SoC + model + quantizer + placement + decode phase (qmcsim run)' });
  registerConfigKind('soc', socSchema, { description: 'an SoC: initiators, interconnect, memories with links, memory map (configs/soc)' });
}
