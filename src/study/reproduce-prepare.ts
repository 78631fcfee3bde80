/**
 * Every load-time check `reproduce` makes before its first replay, and the replay tasks they yield:
 * the study file, its expected values, each configuration's run file (existence, located in the
 * study with a did-you-mean) loaded with its `set:` overrides, the ρ-sweep points, the design-value
 * key paths. `qmcsim validate` runs the same function on a `kind: qmc-study` file (no replay).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, posix, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { getAt, indexLike, isItemRef, itemIdOf, parsePath, parsePathRefs } from '../config/paths.js';
import { ConfigErrors, isUserError, UserError, type ConfigProblem } from '../config/errors.js';
import { suggest } from '../config/did-you-mean.js';
import { displayName } from '../config/resolve.js';
import type { SourceMap } from '../config/yaml.js';
import type { ClaimSpec } from '../report/claims.js';
import { loadRunConfig } from '../arch/run-config.js';
import { canonicalJson } from '../config/dump.js';
import { loadModel } from '../workloads/index.js';
import type { RunTask } from './run-task.js';
import { checkDesignValuePaths } from './design-value-paths.js';
import { expectedSchema, studySchema, type StudyConfig } from './study-config.js';

/** The name design values use for the ρ sweep in `affects:` / `fittedTo:`. */
export const RHO_SWEEP = 'rho sweep';

/** A loaded study: its value, expected claims, and (for validate) sources and files read. */
export interface LoadedStudy {
  readonly study: StudyConfig;
  readonly expected: ClaimSpec[];
  readonly expectedModel: string;
  readonly sources: SourceMap;
  /** Absolute paths of the study file (and its extends) and the expected file. */
  readonly files: readonly string[];
}

/** Loads the study (with `overrides` applied to the study file) and its expected values (errors name file:line:col). */
export function loadStudyFull(file: string, overrides: readonly string[] = []): LoadedStudy {
  const st = loadConfig(file, studySchema, { kind: 'qmc-study', overrides });
  const expFile = resolve(dirname(resolve(file)), st.value.expected);
  if (statSync(expFile, { throwIfNoEntry: false })?.isFile() !== true) {
    // located at the study's expected: key (or its --set), with a near name from that folder
    const pos = st.sources.get('expected')?.value;
    const hint = nearFileName(st.value.expected, expFile, file);
    throw new ConfigErrors([{ file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: 'expected',
      expected: `an existing expected-values file (relative to ${basename(file)})`, found: `'${st.value.expected}'`, ...(hint !== undefined ? { hint: `did you mean '${hint}'?` } : {}) }]);
  }
  const exp = loadConfig(expFile, expectedSchema, { kind: 'qmc-expected' });
  return { study: st.value, expected: exp.value.claims.map((c) => ({ ...c })), expectedModel: exp.value.model, sources: st.sources, files: [...st.files, ...exp.files] };
}

/** Loads the study and its expected values (errors name file:line:col). */
export function loadStudy(file: string): { study: StudyConfig; expected: ClaimSpec[]; expectedModel: string } {
  const { study, expected, expectedModel } = loadStudyFull(file);
  return { study, expected, expectedModel };
}

/**
 * The did-you-mean a configuration gives for the item `override` names, as '; did you mean …?', or ''
 * (a typo such as 'soc.memories[reramm]…' got no hint, while `run --set` gives one).
 */
function itemHint(loaded: readonly RunTask[], override: string): string {
  for (const t of loaded) {
    try {
      loadRunConfig(t.file, [...t.overrides, override], t.reference ?? []);
    } catch (e) {
      const m = isUserError(e) ? /; did you mean '[^']+'\?/.exec(e.format()) : null;
      if (m !== null) return m[0];
    }
  }
  return '';
}

/**
 * `--model NAME` loaded, a catalogue miss named as the option the user typed ("--model: unknown model
 * …", not "model: …", which reads as a key of the study file); file errors keep their file:line.
 */
function loadModelOption(name: string): ReturnType<typeof loadModel> {
  try {
    return loadModel(name);
  } catch (e) {
    if (e instanceof UserError && e.message.startsWith('model: ')) throw new UserError(`--model: ${e.message.slice('model: '.length)}`);
    throw e;
  }
}

/** The value at key path `path` of `cfg` (a UserError when `path` is not a key path). */
export function valueAt(cfg: unknown, path: string): unknown {
  const p = parsePath(path);
  if (!p) throw new UserError(`design value path '${path}' is not a key path`);
  return getAt(cfg, p);
}

/** A design value's `fittedTo:` names claims of expected.yaml or 'rho sweep' (a typo would hide a fit). */
function checkFittedTo(study: StudyConfig, expected: readonly ClaimSpec[], file: string): void {
  const known = [...expected.map((c) => c.id), RHO_SWEEP];
  for (const d of study.designValues) {
    for (const f of d.fittedTo) {
      if (!known.includes(f)) throw new UserError(`${file}: design value '${d.name}': fittedTo: expected a claim id of the expected values or '${RHO_SWEEP}', found '${f}'`);
    }
  }
}

/**
 * Each configuration's `file:` names an existing run file: one located problem per missing one
 * (`study.yaml:L:C: configurations[1].file: expected an existing run file (relative to study.yaml),
 * found 'rtn-int44.yaml'; did you mean 'rtn-int4.yaml'?`), all in one pass.
 */
function checkRunFiles(study: StudyConfig, file: string, sources: SourceMap): void {
  const base = dirname(resolve(file));
  const problems: ConfigProblem[] = [];
  study.configurations.forEach((c, i) => {
    const abs = resolve(base, c.file);
    if (statSync(abs, { throwIfNoEntry: false })?.isFile() === true) return;
    const path = `configurations[${i}].file`;
    const pos = sources.get(path)?.value ?? sources.get(`configurations[${i}]`)?.value;
    const hint = nearFileName(c.file, abs, file);
    const isDir = statSync(abs, { throwIfNoEntry: false })?.isDirectory() === true;
    problems.push({
      file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path,
      expected: `an existing run file (relative to ${basename(file)})`,
      found: `'${c.file}'${isDir ? ' (a directory)' : ''}`,
      ...(hint !== undefined ? { hint: `did you mean '${hint}'?` } : {}),
    });
  });
  if (problems.length > 0) throw new ConfigErrors(problems);
}

/**
 * A YAML file of the folder `written` (as the study wrote it, resolved to `abs`) points into whose
 * name is near it, written the same way ('rtn-int44.yaml' → 'rtn-int4.yaml'); never the study file.
 */
function nearFileName(written: string, abs: string, studyFile: string): string | undefined {
  let names: string[] = [];
  try {
    names = readdirSync(dirname(abs)).filter((n) => /\.ya?ml$/.test(n) && n !== basename(studyFile));
  } catch { /* the folder does not exist either: no suggestion */ }
  const dir = posix.dirname(written.replace(/\\/g, '/'));
  return suggest(written, names.map((n) => (dir === '.' ? n : posix.join(dir, n))));
}

export interface PrepareOptions {
  readonly studyFile: string;
  /** Overrides of the study file itself (validate --set); reproduce passes none. */
  readonly studyOverrides?: readonly string[];
  readonly model?: string;
  readonly seed?: number;
  readonly layerReuse?: boolean;
  /** `--set` overrides applied to every configuration. */
  readonly overrides?: readonly string[];
  readonly rhoSweep?: boolean;
}

/** What the checks yield: the study, and every replay as a task with its configuration loaded. */
export interface PreparedStudy extends LoadedStudy {
  readonly model: string;
  readonly seed: number;
  readonly layerReuse: boolean;
  readonly extra: readonly string[];
  readonly paperModel: boolean;
  /** Configurations first (study order), then the ρ points that differ from the base configuration. */
  readonly tasks: readonly RunTask[];
  /** ρ value → id of the task that replays it. */
  readonly rhoIds: ReadonlyMap<number, string>;
  /** `--set` overrides naming a list item by id, with the configurations that lack it (replayed without it). */
  readonly skippedSets: readonly { readonly override: string; readonly configurations: readonly string[] }[];
}

/** True when `override` ('a.list[id].b=v') names, by id, an item its list in `config` does not have. */
function namesAbsentItem(config: unknown, override: string): boolean {
  const eq = override.indexOf('=');
  const refs = eq < 0 ? undefined : parsePathRefs(override.slice(0, eq).trim());
  const plain = (refs ?? []).map((x) => (isItemRef(x) ? x.item : x));
  // the list before an id segment (getAt reads ids in lists) holds no item with that id
  return (refs ?? []).some((seg, i) => {
    if (!isItemRef(seg) || indexLike(seg)) return false;
    const list = getAt(config, plain.slice(0, i));
    return Array.isArray(list) && !list.some((x) => itemIdOf(x) === seg.item);
  });
}

/** The study shipped with qmcsim: the values its configurations' estimates and fitted design values were made for. */
export const SHIPPED_STUDY = resolve(import.meta.dirname, '..', '..', 'experiments', 'qmc', 'study.yaml');

/**
 * Per configuration of `study` (run files relative to `base`): the `set:` the shipped study gives the
 * same run file (same id first), the values its estimates and fitted design values were made for;
 * [] (the run file's own values) for a run file the shipped study does not replay or when it does not load.
 */
export function referenceSets(study: StudyConfig, base: string): (readonly string[])[] {
  let shipped: StudyConfig | undefined;
  try {
    shipped = loadConfig(SHIPPED_STUDY, studySchema, { kind: 'qmc-study' }).value;
  } catch {
    shipped = undefined;
  }
  const dir = dirname(SHIPPED_STUDY);
  return study.configurations.map((c) => {
    const file = resolve(base, c.file);
    const same = (shipped?.configurations ?? []).filter((s) => resolve(dir, s.file) === file);
    return (same.find((s) => s.id === c.id) ?? same[0])?.set ?? [];
  });
}

/** Runs every check reproduce makes before its first replay; throws ConfigErrors/UserError. */
export function prepareReproduction(o: PrepareOptions): PreparedStudy {
  const loadedStudy = loadStudyFull(o.studyFile, o.studyOverrides ?? []);
  const { study, expected, expectedModel, sources } = loadedStudy;
  checkFittedTo(study, expected, o.studyFile);
  for (const d of study.designValues) {
    if (!parsePath(d.path)) throw new UserError(`${o.studyFile}: design value '${d.name}': path: expected a key path such as 'soc.memories[1].device.channels', found '${d.path}'`);
  }
  checkRunFiles(study, o.studyFile, sources);
  const base = dirname(resolve(o.studyFile));
  const model = o.model ?? study.model;
  // Check the model name here, in the calling thread, so a typo is a one-line UserError with a
  // did-you-mean (exit 2) rather than a failure inside a replay worker.
  const chosen = o.model !== undefined ? loadModelOption(o.model) : undefined;
  const seed = o.seed ?? study.seed;
  const layerReuse = o.layerReuse ?? true;
  const extra = o.overrides ?? [];
  // The paper's model however it is named: 'hymba-1.5b', 'Hymba-1.5B' (the catalogue name) or its
  // Hugging Face id all load the same shape and get the paper's values and checks.
  const sameModel = model === expectedModel || (chosen !== undefined && chosen.name === loadModel(expectedModel).name);
  const modelSet = [`${study.modelKey}=${model}`];
  const refs = referenceSets(study, base);
  const task = (id: string, label: string, file: string, overrides: string[], reference: readonly string[]): RunTask =>
    ({ id, label, file: resolve(base, file), overrides, reference, seed, layerReuse, weightTrafficOnly: study.weightTrafficOnly });

  // Every replay as a task: the configurations, then the rho points that differ from the base.
  const tasks: RunTask[] = study.configurations.map((c, i) => task(c.id, c.label, c.file, [...c.set, ...modelSet, ...extra], refs[i] ?? []));
  const rhoIds = new Map<number, string>();
  // Load every configuration here first: bad input (a --set that does not apply to one of them, a
  // broken file) is reported at once, naming the configuration, before any replay starts. The
  // loaded configuration travels with its task, so the replay does not load it again.
  // A --set naming a list item by id ('soc.memories[reram]…') applies to the configurations that
  // have that item; the others (the LPDDR5-only baselines have no 'reram') replay without it.
  const skipped = new Map<string, string[]>();
  const load = (t: RunTask): RunTask => {
    try {
      try {
        return { ...t, config: loadRunConfig(t.file, t.overrides, t.reference ?? []) };
      } catch (e) {
        if (!isUserError(e) || extra.length === 0) throw e;
        const plain = loadRunConfig(t.file, t.overrides.filter((x) => !extra.includes(x)), t.reference ?? []);
        const absent = extra.filter((x) => namesAbsentItem(plain, x));
        if (absent.length === 0) throw e;
        for (const x of absent) skipped.set(x, [...(skipped.get(x) ?? []), t.id]);
        const overrides = t.overrides.filter((x) => !absent.includes(x));
        return { ...t, overrides, config: loadRunConfig(t.file, overrides, t.reference ?? []) };
      }
    } catch (e) {
      if (!isUserError(e)) throw e;
      const where = `configuration '${t.id}' (${displayName(t.file)})`;
      throw new UserError(e.format().split('\n').map((l) => `reproduce: ${where}: ${l}`).join('\n'));
    }
  };
  const loaded = tasks.map(load);
  if (o.rhoSweep ?? true) {
    const i = study.configurations.findIndex((c) => c.id === study.rhoSweep.config);
    const rc = study.configurations[i];
    if (!rc) throw new UserError(`${o.studyFile}: rhoSweep.config '${study.rhoSweep.config}' is not a configuration`);
    if (!parsePath(study.rhoSweep.key)) throw new UserError(`${o.studyFile}: rhoSweep.key: expected a key path such as 'quant.rho', found '${study.rhoSweep.key}'`);
    const baseRho = valueAt(loaded[i]?.config, study.rhoSweep.key);
    for (const v of study.rhoSweep.values) {
      if (baseRho === v) {
        rhoIds.set(v, rc.id); // the configuration itself is this sweep point: reuse its replay
        continue;
      }
      const id = `rho-${v}`;
      rhoIds.set(v, id);
      loaded.push(load(task(id, `${rc.label} ρ=${v}`, rc.file, [...rc.set, ...study.rhoSweep.set, ...modelSet, ...extra, `${study.rhoSweep.key}=${v}`], refs[i] ?? [])));
    }
  }
  const skippedSets = [...skipped].map(([override, configurations]) => ({ override, configurations }));
  for (const { override } of skippedSets) {
    if (!loaded.some((t) => t.overrides.includes(override))) {
      throw new UserError(`reproduce: --set ${override}: no configuration of the study has that item (it applies to those that do)${itemHint(loaded, override)}`);
    }
  }
  checkDesignValuePaths(study, loaded, o.studyFile, sources);
  // --set overrides that leave every replayed configuration as it was (a value set to what it
  // already is) change no result: the paper's values still apply.
  const paperModel = sameModel && (extra.length === 0 || loaded.every((t) => {
    const plain = loadRunConfig(t.file, t.overrides.filter((x) => !extra.includes(x)), t.reference ?? []);
    return canonicalJson(plain) === canonicalJson(t.config);
  }));
  const files = [...loadedStudy.files, ...new Set(loaded.map((t) => t.file))];
  return { ...loadedStudy, files, model, seed, layerReuse, extra, paperModel, tasks: loaded, rhoIds, skippedSets };
}
