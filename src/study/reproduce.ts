/**
 * `reproduce qmc`: replays every configuration of the study (FP16/INT4/MXINT4/AWQ-GPTQ on LPDDR5,
 * QMC 3-bit and 2-bit MLC, eMEMs on MRAM and on MLC ReRAM) through the event-driven SoC, computes
 * the paper's claims from the replays (claims-calc.ts), runs the ρ sweep of Fig. 3 and gathers the
 * design values the result rests on. Output assembly lives in reproduce-tables.ts / outputs.ts.
 */
import { dirname, resolve } from 'node:path';
import { loadConfigFile } from '../config/load.js';
import { getAt, parsePath } from '../config/paths.js';
import { isUserError, UserError } from '../config/errors.js';
import { displayName } from '../config/resolve.js';
import { formatQuantity } from '../units/format.js';
import type { RunConfig } from '../arch/run-config.js';
import { compareClaim, type ClaimResult, type ClaimSpec } from '../report/claims.js';
import { areaBreakdown, computeClaims, ememsEnergyToClose, type AreaBreakdown, type AreaModel, type ClaimRoles } from './claims-calc.js';
import { loadRunConfig } from '../arch/run-config.js';
import { loadModel } from '../workloads/index.js';
import { inlineExecutor, type RunTask, type RunTaskResult, type TaskExecutor } from './run-task.js';
import { bottleneck, fetchEnergy, weightCells, type RunSummary } from './run-summary.js';
import { expectedSchema, studySchema, type StudyConfig } from './study-config.js';

export interface ReproduceOptions {
  /** experiments/qmc/study.yaml (or a user's copy). */
  readonly studyFile: string;
  /** Model name (configs/models); default: the study's (the paper's) model. */
  readonly model?: string;
  readonly seed?: number;
  /** Replay identical layers once (default true; the SoC tests bound the error to 0.5 %). */
  readonly layerReuse?: boolean;
  /** Extra `--set` overrides applied to every configuration (physics checks, user what-ifs). */
  readonly overrides?: readonly string[];
  /** Run the ρ sweep (default true). */
  readonly rhoSweep?: boolean;
  /** Progress: runs done, runs total, label of the current run, fraction of the current run done. */
  readonly onProgress?: (done: number, total: number, label: string, fraction: number) => void;
  /** Yields to the event loop between runs (lets a progress bar redraw; in-process executor). */
  readonly yieldBetweenRuns?: () => Promise<void>;
  /** How the replays run (default: in-process, one after another). */
  readonly executor?: TaskExecutor;
}

export interface RhoPoint {
  readonly rho: number;
  readonly latencyPs: number;
  readonly mramTimePs: number;
  readonly reramTimePs: number;
  readonly bottleneck: string;
  readonly energyPj: number;
  readonly cells: number;
  readonly latencyVsFp16: number;
}

export interface DesignValueOut {
  readonly name: string;
  readonly value: string;
  readonly derivation: string;
  readonly estimate: boolean;
  readonly affects: readonly string[];
  /** Paper figures (claim ids, 'rho sweep') this value was solved from. */
  readonly fittedTo: readonly string[];
  /** What the paper's other reading would change, where this value takes one of two (study.yaml `alternative:`). */
  readonly alternative?: string | undefined;
}

export interface ReproduceResult {
  readonly study: string;
  readonly model: string;
  /** True when the paper's values apply (the paper's model, no what-if overrides). */
  readonly paperModel: boolean;
  /** The what-if `--set` overrides applied to every configuration (none: []). */
  readonly overrides: readonly string[];
  readonly seed: number;
  readonly layerReuse: boolean;
  readonly claims: readonly ClaimResult[];
  readonly runs: readonly RunSummary[];
  readonly configs: readonly { readonly id: string; readonly label: string; readonly file: string; readonly overrides: readonly string[]; readonly config: RunConfig }[];
  readonly rho: readonly RhoPoint[];
  readonly area: AreaBreakdown;
  readonly designValues: readonly DesignValueOut[];
  /** Estimates declared by the run configs and device presets (param → derivation). */
  readonly runEstimates: readonly { readonly config: string; readonly param: string; readonly value: string; readonly derivation: string }[];
}

/** Loads the study and its expected values (errors name file:line:col). */
export function loadStudy(file: string): { study: StudyConfig; expected: ClaimSpec[]; expectedModel: string } {
  const study = loadConfigFile(file, studySchema, { kind: 'qmc-study' });
  const expFile = resolve(dirname(resolve(file)), study.expected);
  const exp = loadConfigFile(expFile, expectedSchema, { kind: 'qmc-expected' });
  return { study, expected: exp.claims.map((c) => ({ ...c })), expectedModel: exp.model };
}

function valueAt(cfg: unknown, path: string): unknown {
  const p = parsePath(path);
  if (!p) throw new UserError(`design value path '${path}' is not a key path`);
  return getAt(cfg, p);
}

function areaModel(s: StudyConfig): AreaModel {
  const d = (x: { density: number; bitsPerCell: number }) => ({ bitsPerMm2: x.density, bitsPerCell: x.bitsPerCell });
  return {
    densities: { lpddr5: d(s.area.lpddr5), 'stt-mram': d(s.area['stt-mram']), reram: d(s.area.reram) },
    flashBitsPerMm2: s.area.flash.density, flashBitsPerCell: s.area.flash.bitsPerCell,
  };
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

/** The name design values use for the ρ sweep in `affects:` / `fittedTo:`. */
export const RHO_SWEEP = 'rho sweep';

/** Runs the whole reproduction. */
export async function reproduce(o: ReproduceOptions): Promise<ReproduceResult> {
  const { study, expected, expectedModel } = loadStudy(o.studyFile);
  checkFittedTo(study, expected, o.studyFile);
  const base = dirname(resolve(o.studyFile));
  const model = o.model ?? study.model;
  // Check the model name here, in the calling thread, so a typo is a one-line UserError with a
  // did-you-mean (exit 2) rather than a failure inside a replay worker.
  const chosen = o.model !== undefined ? loadModel(o.model) : undefined;
  const seed = o.seed ?? study.seed;
  const layerReuse = o.layerReuse ?? true;
  const extra = o.overrides ?? [];
  // The paper's model however it is named: 'hymba-1.5b', 'Hymba-1.5B' (the catalogue name) or its
  // Hugging Face id all load the same shape and get the paper's values and checks.
  const sameModel = model === expectedModel || (chosen !== undefined && chosen.name === loadModel(expectedModel).name);
  const paperModel = sameModel && extra.length === 0;
  const doRho = o.rhoSweep ?? true;
  const modelSet = [`${study.modelKey}=${model}`];
  const task = (id: string, label: string, file: string, overrides: string[]): RunTask =>
    ({ id, label, file: resolve(base, file), overrides, seed, layerReuse, weightTrafficOnly: study.weightTrafficOnly });

  // Every replay as a task: the configurations, then the rho points that differ from the base.
  const tasks: RunTask[] = study.configurations.map((c) => task(c.id, c.label, c.file, [...c.set, ...modelSet, ...extra]));
  const rhoIds = new Map<number, string>();
  if (doRho) {
    const rc = study.configurations.find((c) => c.id === study.rhoSweep.config);
    if (!rc) throw new UserError(`${o.studyFile}: rhoSweep.config '${study.rhoSweep.config}' is not a configuration`);
    const baseRho = valueAt(loadRunConfig(resolve(base, rc.file), [...rc.set, ...modelSet, ...extra]), study.rhoSweep.key);
    for (const v of study.rhoSweep.values) {
      if (baseRho === v) {
        rhoIds.set(v, rc.id); // the configuration itself is this sweep point: reuse its replay
        continue;
      }
      const id = `rho-${v}`;
      rhoIds.set(v, id);
      tasks.push(task(id, `${rc.label} ρ=${v}`, rc.file, [...rc.set, ...study.rhoSweep.set, ...modelSet, ...extra, `${study.rhoSweep.key}=${v}`]));
    }
  }
  // Load every configuration here first: bad input (a --set that does not apply to one of them, a
  // broken file) is reported at once, naming the configuration, before any replay starts. The
  // loaded configuration travels with its task, so the replay does not load it again.
  const loaded = tasks.map((t): RunTask => {
    try {
      return { ...t, config: loadRunConfig(t.file, t.overrides) };
    } catch (e) {
      if (!isUserError(e)) throw e;
      const where = `configuration '${t.id}' (${displayName(t.file)})`;
      throw new UserError(e.format().split('\n').map((l) => `reproduce: ${where}: ${l}`).join('\n'));
    }
  });
  const exec = o.executor ?? inlineExecutor(o.yieldBetweenRuns);
  const results = await exec(loaded, (done, label, f) => o.onProgress?.(done, loaded.length, label, f));

  const get = (id: string): RunTaskResult => {
    const r = results.get(id);
    if (!r) throw new UserError(`${o.studyFile}: roles name configuration '${id}', which the study does not list`);
    return r;
  };
  const configs = study.configurations.map((c) => ({ id: c.id, label: c.label, file: c.file, overrides: tasks.find((t) => t.id === c.id)?.overrides ?? [], config: get(c.id).config }));
  const runs = study.configurations.map((c) => get(c.id).summary);
  const runEstimates = study.configurations.flatMap((c) => get(c.id).estimates.map((e) => ({ config: c.id, ...e })));
  const need = (id: string): RunSummary => get(id).summary;
  const roles: ClaimRoles = {
    fp16: need(study.roles.fp16), int4: need(study.roles.int4), qmc3: need(study.roles.qmc3),
    qmc2: need(study.roles.qmc2), ememsMram: need(study.roles.ememsMram), ememsReram: need(study.roles.ememsReram),
  };
  const area = areaModel(study);
  const values = computeClaims(roles, area);

  const claims = expected.map((spec) => {
    const sim = values[spec.id];
    if (sim === undefined) throw new UserError(`expected claim '${spec.id}' has no simulated counterpart`);
    const s: ClaimSpec = paperModel ? spec : { ...spec, paper: null };
    let note: string | undefined = spec.note;
    if (spec.id === 'emems-energy' && paperModel && spec.paper !== null) {
      const e = ememsEnergyToClose(roles, spec.paper, study.ememsReadEnergy.memory);
      note = `paper ${spec.paper}x vs simulated ${sim.toFixed(3)}x (gap ${(((sim / spec.paper) - 1) * 100).toFixed(1)} %); ` +
        `${study.ememsReadEnergy.name} is ${e.currentPjPerBit.toFixed(3)} pJ/bit in the replay, ` +
        `${e.closingPjPerBit.toFixed(3)} pJ/bit would close the gap (eMEMs' Table 4 parameters are not published)`;
    }
    return compareClaim(s, sim, note);
  });

  const rho: RhoPoint[] = [...rhoIds].map(([v, id]) => {
    const s = need(id);
    return {
      rho: v, latencyPs: s.latencyPs,
      mramTimePs: s.metrics.mramTimePs ?? 0, reramTimePs: s.metrics.reramTimePs ?? 0,
      bottleneck: bottleneck(s), energyPj: fetchEnergy(s), cells: weightCells(s),
      latencyVsFp16: roles.fp16.latencyPs / s.latencyPs,
    };
  });

  const byId = new Map(configs.map((c) => [c.id, c.config]));
  const designValues: DesignValueOut[] = study.designValues.map((d) => {
    const tree: unknown = d.config === 'study' ? study : byId.get(d.config);
    if (tree === undefined) throw new UserError(`${o.studyFile}: design value '${d.name}' names configuration '${d.config}', which the study does not list`);
    const raw = valueAt(tree, d.path);
    const value = raw === undefined ? '(absent)'
      : typeof raw === 'number' && d.dimension ? formatQuantity(raw, d.dimension, 4) : String(raw);
    return { name: d.name, value, derivation: d.derivation, estimate: d.estimate, affects: d.affects, fittedTo: d.fittedTo, ...(d.alternative !== undefined ? { alternative: d.alternative } : {}) };
  });

  return {
    study: displayName(resolve(o.studyFile)), model, paperModel, overrides: extra, seed, layerReuse, claims, runs: [...runs.values()], configs, rho,
    area: areaBreakdown(roles, area), designValues, runEstimates,
  };
}
