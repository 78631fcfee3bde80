/**
 * Load-time checks of a noise study against the model catalogue, the noise presets and the run
 * configurations it replays, so a misspelt tensor, preset, memory id or run file is one located
 * line (file:line:col, did-you-mean, exit 2) before any sweep point is computed.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigErrors, isUserError, UserError, type ConfigProblem } from '../config/errors.js';
import { didYouMean } from '../config/did-you-mean.js';
import { formatPath, parsePath, type PathSegment } from '../config/paths.js';
import type { SourceMap } from '../config/yaml.js';
import { loadRunConfig } from '../arch/run-config.js';
import { noisePresets } from '../devices/noise/index.js';
import { loadModel } from '../workloads/catalog.js';
import { inventory } from '../workloads/inventory.js';
import type { NoiseStudyConfig } from './noise-config.js';

/**
 * The study's `model:` as loadModel takes it: a catalogue name as written, a file path (.yaml, .yml,
 * .json or containing '/') relative to the study file's folder `base`, as paths in run files are.
 */
export function studyModel(model: string, base: string): string {
  return /\.(ya?ml|json)$/.test(model) || model.includes('/') ? resolve(base, model) : model;
}

/**
 * The overrides a replay of the study runs with: the study's `quant:` block as written (`quantRaw`,
 * defaults not yet filled in) replaces the run file's whole `quant:`, so the replayed traffic and the
 * SQNR of the weights come from one quantizer; then `replay.set`.
 */
export function replayOverrides(quantRaw: unknown, set: readonly string[]): string[] {
  return [`quant=${JSON.stringify(quantRaw)}`, ...set];
}

/** True for a `--set` that would change the replay's quantizer (`quant=…`, `quant.rho=…`, `quant[…]`). */
const setsQuant = (o: string): boolean => /^quant(?:[.[=]|\s*=)/.test(o.trim());

/**
 * Checks `cfg` (loaded from `file`, positions in `sources`); `base` is the study file's folder;
 * `quantRaw` is the study's `quant:` as written (the replays run with it, replayOverrides).
 */
export function checkNoiseStudy(cfg: NoiseStudyConfig, file: string, sources: SourceMap, base: string, quantRaw: unknown): void {
  const problems: ConfigProblem[] = [];
  const problem = (path: readonly PathSegment[], expected: string, found: string): void => {
    let pos;
    for (let n = path.length; n >= 0 && pos === undefined; n--) pos = sources.get(formatPath(path.slice(0, n)))?.value;
    problems.push({ file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: formatPath(path), expected, found });
  };
  const named = (v: string, names: readonly string[]): string => {
    const h = didYouMean(v, names);
    return `'${v}'${h ? `; ${h}` : ''}`;
  };

  if (cfg.quant.scheme !== 'qmc') problem(['quant', 'scheme'], "'qmc' (inliers in MLC ReRAM, outliers in MRAM)", `'${cfg.quant.scheme}'`);
  let ids: string[] | undefined;
  try {
    ids = inventory(loadModel(studyModel(cfg.model, base))).map((t) => t.id);
  } catch (e) {
    if (e instanceof ConfigErrors) {
      problems.push(...e.problems); // a model file's own located problems
    } else if (!isUserError(e)) throw e;
    else problem(['model'], 'a model of configs/models or a model YAML path', e.message.replace(/^model: /, ''));
  }
  if (ids !== undefined) {
    cfg.weights.tensors.forEach((t, i) => {
      if (!ids.includes(t)) problem(['weights', 'tensors', i], `a tensor of model '${cfg.model}' (e.g. ${ids.slice(0, 3).join(', ')})`, named(t, ids));
    });
  }
  const presetNames = Object.keys(noisePresets);
  const presets = cfg.mlc.presets; // optional without levelSpreadScale (a stepRates-only study); checked when given
  for (const bits of presets === undefined ? [] : [...new Set(cfg.mlc.cellModes)]) {
    const name = presets![bits === 3 ? '3' : '2'];
    const p = noisePresets[name];
    if (p === undefined) problem(['mlc', 'presets', String(bits)], `a noise preset (${presetNames.join(', ')})`, named(name, presetNames));
    else if (p.kind !== 'gaussian-levels') problem(['mlc', 'presets', String(bits)], `a gaussian-levels level-set preset for ${bits}-bit cells`, `'${name}' (a ${p.kind} model)`);
    else if (p.means.length !== 2 ** bits) {
      problem(['mlc', 'presets', String(bits)], `a level set of ${2 ** bits} levels for ${bits}-bit cells`, `'${name}' (${p.means.length} levels)`);
    }
  }
  // The replays take the study's quant: block; a replay.set entry changing it would replay another quantizer.
  cfg.replay.set.forEach((o, i) => {
    if (setsQuant(o)) problem(['replay', 'set', i], "no quant override (the replays use this study's quant: block; change quant: instead)", `'${o}'`);
  });
  const overrides = replayOverrides(quantRaw, cfg.replay.set.filter((o) => !setsQuant(o)));
  // Replays: the cell modes swept, plus the 3-bit configuration that carries the MRAM sweep.
  for (const bits of [...new Set([...cfg.mlc.cellModes, 3])]) {
    const key = bits === 3 ? '3' : '2';
    const runFile = resolve(base, cfg.replay.runs[key]);
    const st = statSync(runFile, { throwIfNoEntry: false });
    if (st === undefined || !st.isFile()) {
      problem(['replay', 'runs', key], 'a run configuration file (path relative to the study file)', `'${cfg.replay.runs[key]}' (${runFile} ${st === undefined ? 'does not exist' : st.isDirectory() ? 'is a directory' : 'is not a regular file'})`);
      continue;
    }
    let mems: string[];
    try {
      mems = loadRunConfig(runFile, overrides).soc.memories.map((m) => m.id);
    } catch (e) {
      if (!isUserError(e)) throw e;
      if (e instanceof ConfigErrors && e.problems.every((p) => p.file.startsWith('--set quant='))) {
        // the study's quant: does not fit this run file: located at the study's own quant key
        for (const p of e.problems) problem(parsePath(p.path) ?? ['quant'], `${p.expected} (replaying ${cfg.replay.runs[key]} with this study's quant:)`, p.found);
        continue;
      }
      // blamed on replay.set only when there are overrides; else on the run file's own key
      const at = cfg.replay.set.length > 0 ? 'replay.set' : formatPath(['replay', 'runs', key]);
      const pos = sources.get(at)?.value ?? sources.get(formatPath(['replay', 'runs', key]))?.value;
      const where = pos === undefined ? file : `${pos.file}:${pos.line}:${pos.col}`;
      throw new UserError(e.format().split('\n').map((l) => `${where}: ${at}, replaying ${cfg.replay.runs[key]}: ${l}`).join('\n'));
    }
    for (const k of ['mlcMemory', 'mramMemory'] as const) {
      const m = cfg.replay[k];
      if (!mems.includes(m)) problem(['replay', k], `a memory of ${cfg.replay.runs[key]} (${mems.join(', ')})`, named(m, mems));
    }
  }
  if (problems.length > 0) {
    const seen = new Set<string>();
    throw new ConfigErrors(problems.filter((p) => {
      const k = `${p.line}:${p.col}:${p.path}:${p.found}`;
      return seen.has(k) ? false : (seen.add(k), true);
    }));
  }
}
