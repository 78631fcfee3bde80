/**
 * A run's `quant:` naming a quantizer YAML (`kind: quant`, as configs/quant/*.yaml) instead of an
 * inline map: the file is loaded (extends:, its own `quant.`-prefixed overrides, strict schema,
 * errors located in it) and its composed content replaces the name as one more override, so the
 * run is validated, hashed and reported exactly as with the same map written inline.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigErrors } from '../config/errors.js';
import { composeConfig, loadConfig } from '../config/load.js';
import type { SourceMap } from '../config/yaml.js';
import { quantConfigSchema } from '../workloads/quant/config.js';

/** The quant file a run names, loaded: run overrides without `quant.…`, its content, its sources and files. */
export interface QuantFileTree {
  /** The run's overrides minus the `quant.…` ones (those went into the quant file). */
  readonly runOverrides: readonly string[];
  /** The quant file's composed content (extends and its overrides applied, not yet defaulted). */
  readonly raw: unknown;
  /** Where each quant value was written, keyed as in the run (`quant.bits`, …); --set as typed. */
  readonly sources: SourceMap;
  /** Absolute paths of the quant file and its extends. */
  readonly files: readonly string[];
}

const setSource = (f: string): string => (f.startsWith('--set ') ? `--set quant.${f.slice(6)}` : f);

/** Loads the quant file `file`'s `quant:` names, or undefined when `quant:` is inline. Throws located ConfigErrors. */
export function quantFileTree(file: string, overrides: readonly string[]): QuantFileTree | undefined {
  const own = overrides.filter((o) => !o.startsWith('quant.'));
  const probe = composeConfig(file, own.filter((o) => !o.startsWith('soc.')));
  const ref = (probe.data as { quant?: unknown } | undefined)?.quant;
  if (typeof ref !== 'string') return undefined;
  const at = probe.sources.get('quant')?.value;
  const fromSet = at?.file.startsWith('--set ') === true;
  const qFile = resolve(fromSet || at === undefined ? process.cwd() : dirname(resolve(at.file)), ref);
  if (!statSync(qFile, { throwIfNoEntry: false })?.isFile()) {
    throw new ConfigErrors([{ file: at?.file ?? file, line: at?.line ?? 0, col: at?.col ?? 0, path: 'quant',
      expected: 'a kind: quant file (e.g. configs/quant/qmc.yaml; relative to the file that sets quant:, a --set to the working directory) or an inline quant map',
      found: `'${ref}' (${qFile} is not a readable file)` }]);
  }
  const qOv = overrides.filter((o) => o.startsWith('quant.')).map((o) => o.slice(6));
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(qFile, quantConfigSchema, { overrides: qOv, kind: 'quant' });
  } catch (e) {
    // an override the quant file received is quoted as the user typed it (--set quant.bits=0)
    if (!(e instanceof ConfigErrors)) throw e;
    throw new ConfigErrors(e.problems.map((p) => (p.file.startsWith('--set ')
      ? { ...p, file: setSource(p.file), path: p.path === '' ? 'quant' : `quant.${p.path}` }
      : p)));
  }
  const sources: SourceMap = new Map();
  for (const [k, v] of loaded.sources) {
    if (k === 'kind' || k === 'extends') continue;
    const key = k === '' ? 'quant' : `quant.${k}`;
    sources.set(key, { value: { ...v.value, file: setSource(v.value.file) }, ...(v.key !== undefined ? { key: { ...v.key, file: setSource(v.key.file) } } : {}) });
  }
  return { runOverrides: own, raw: loaded.raw, sources, files: loaded.files };
}

/**
 * `overrides` with `quant.…` ones moved into the quant file the run names (when `quant:` is a
 * path), followed by `quant=<its content>`; unchanged when `quant:` is inline.
 */
export function quantFileOverrides(file: string, overrides: readonly string[]): readonly string[] {
  const q = quantFileTree(file, overrides);
  return q === undefined ? overrides : [...q.runOverrides, `quant=${JSON.stringify(q.raw)}`];
}
