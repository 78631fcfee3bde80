/**
 * `reproduce qmc`: replays every configuration of the study (FP16/INT4/MXINT4/AWQ-GPTQ on LPDDR5,
 * QMC 3-bit and 2-bit MLC, eMEMs on MRAM and on MLC ReRAM) through the event-driven SoC, computes
 * the paper's claims from the replays (claims-calc.ts), runs the ρ sweep of Fig. 3 and gathers the
 * design values the result rests on. Output assembly lives in reproduce-tables.ts / outputs.ts.
 */
import { resolve } from 'node:path';
import { UserError } from '../config/errors.js';
import { displayName } from '../config/resolve.js';
import { formatQuantity } from '../units/format.js';
import type { RunConfig } from '../arch/run-config.js';
import { compareClaim, type ClaimResult, type ClaimSpec } from '../report/claims.js';
import { areaBreakdown, computeClaims, ememsEnergyToClose, type AreaBreakdown, type AreaModel, type ClaimRoles } from './claims-calc.js';
import { inlineExecutor, type RunTask, type RunTaskResult, type TaskExecutor } from './run-task.js';
import { loadRunConfig } from '../arch/run-config.js';
import { bottleneck, fetchEnergy, weightCells, type RunSummary } from './run-summary.js';
import type { StudyConfig } from './study-config.js';
import { prepareReproduction, valueAt } from './reproduce-prepare.js';

export { loadStudy, RHO_SWEEP } from './reproduce-prepare.js';

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
  /** A fitted value (`fittedTo:` not empty): the value it was fitted at, from the configuration's run file with the shipped study's `set:` (else the file's own). */
  readonly fittedValue?: string;
  /** What the paper's other reading would change, where this value takes one of two (study.yaml `alternative:`). */
  readonly alternative?: string | undefined;
  /** The value under the reading taken (study.yaml `reading:`), when the study states it. */
  readonly reading?: string | undefined;
}

export interface ReproduceResult {
  readonly study: string;
  readonly model: string;
  /** True when the paper's values apply (the paper's model, no what-if overrides). */
  readonly paperModel: boolean;
  /** The what-if `--set` overrides applied to every configuration (none: []). */
  readonly overrides: readonly string[];
  /** Overrides naming a list item by id, with the configurations that lack it and replayed without it. */
  readonly skippedSets?: readonly { readonly override: string; readonly configurations: readonly string[] }[];
  readonly seed: number;
  readonly layerReuse: boolean;
  readonly claims: readonly ClaimResult[];
  readonly runs: readonly RunSummary[];
  readonly configs: readonly { readonly id: string; readonly label: string; readonly file: string; readonly overrides: readonly string[]; readonly config: RunConfig }[];
  readonly rho: readonly RhoPoint[];
  readonly area: AreaBreakdown;
  readonly designValues: readonly DesignValueOut[];
  /** Estimates declared by the run configs and device presets (param → derivation). */
  readonly runEstimates: readonly {
    readonly config: string; readonly param: string; readonly value: string; readonly derivation: string;
    /** The value(s) in use at `param`; `overridden`: the study's `set:` or --set changed it or its block (`changes`), so `value` is not what ran. */
    readonly inUse?: string; readonly overridden?: boolean; readonly changes?: readonly string[];
  }[];
}

function areaModel(s: StudyConfig): AreaModel {
  const d = (x: { density: number; bitsPerCell: number }) => ({ bitsPerMm2: x.density, bitsPerCell: x.bitsPerCell });
  return {
    densities: { lpddr5: d(s.area.lpddr5), 'stt-mram': d(s.area['stt-mram']), reram: d(s.area.reram) },
    flashBitsPerMm2: s.area.flash.density, flashBitsPerCell: s.area.flash.bitsPerCell,
  };
}

/**
 * The configuration `id` as its fitted design values were fitted: its run file with the reference
 * overrides (the shipped study's `set:`) only, loaded once per configuration.
 */
function fittedConfigs(study: StudyConfig, tasks: readonly RunTask[]): (id: string) => RunConfig | undefined {
  const cache = new Map<string, RunConfig | undefined>();
  return (id) => {
    if (!cache.has(id)) {
      const t = tasks.find((x) => x.id === id);
      let cfg: RunConfig | undefined;
      try {
        cfg = t === undefined || !study.configurations.some((c) => c.id === id) ? undefined : loadRunConfig(t.file, t.reference ?? []);
      } catch {
        cfg = undefined; // the run file does not load without the study's overrides: no reference
      }
      cache.set(id, cfg);
    }
    return cache.get(id);
  };
}

/** Runs the whole reproduction. */
export async function reproduce(o: ReproduceOptions): Promise<ReproduceResult> {
  const { study, expected, model, seed, layerReuse, extra, paperModel, tasks, rhoIds, skippedSets } = prepareReproduction(o);
  const exec = o.executor ?? inlineExecutor(o.yieldBetweenRuns);
  const results = await exec(tasks, (done, label, f) => o.onProgress?.(done, tasks.length, label, f));

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
  const fitted = fittedConfigs(study, tasks);
  const designValues: DesignValueOut[] = study.designValues.map((d) => {
    const tree: unknown = d.config === 'study' ? study : byId.get(d.config);
    if (tree === undefined) throw new UserError(`${o.studyFile}: design value '${d.name}' names configuration '${d.config}', which the study does not list`);
    const show = (raw: unknown): string => (raw === undefined ? '(absent)'
      : typeof raw === 'number' && d.dimension ? formatQuantity(raw, d.dimension, 4) : String(raw));
    const value = show(valueAt(tree, d.path));
    // a fitted value: the value it was fitted at (the shipped study's, else the run file's own)
    const at = d.fittedTo.length > 0 && d.config !== 'study' ? fitted(d.config) : undefined;
    const fittedValue = at === undefined ? undefined : show(valueAt(at, d.path));
    return { name: d.name, value, derivation: d.derivation, estimate: d.estimate, affects: d.affects, fittedTo: d.fittedTo, ...(fittedValue !== undefined ? { fittedValue } : {}), ...(d.alternative !== undefined ? { alternative: d.alternative } : {}), ...(d.reading !== undefined ? { reading: d.reading } : {}) };
  });

  return {
    study: displayName(resolve(o.studyFile)), model, paperModel, overrides: extra, seed, layerReuse, claims, runs: [...runs.values()], configs, rho,
    area: areaBreakdown(roles, area), designValues, runEstimates, skippedSets,
  };
}
