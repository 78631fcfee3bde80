/**
 * Design values and estimated parameters behind a noise study's results: the study's own values with
 * units and derivations (qmc-paper.md §2, §6, §7), the noise models' estimated defaults, and each
 * replay's estimates as `qmcsim run` lists them (run file `estimates:`, device-preset estimates).
 */
import type { DesignValue, EstimatedDependency } from '../report/html.js';
import { EstimateUses } from '../report/estimate-uses.js';
import { noiseDescriptors, noiseModelEstimates, noisePreset, type NoiseModelSpec } from '../devices/noise/index.js';
import { nvmAndSramPresets } from '../devices/presets/index.js';
import { quantConfigSchema } from '../workloads/quant/config.js';
import type { NoiseStudyConfig } from './noise-config.js';
import { stepEntryText } from './noise-steps.js';
import { estimateValueText } from '../arch/estimate-in-use.js';
import type { RunEstimate } from '../arch/report-parts.js';
import { isGgufPath } from '../workloads/weights/open-weights.js';

/** Which results of a sweep point rest on an estimate. */
export type NoiseAffects = 'replay' | 'weights' | 'replay and weights';

/** An estimated parameter and the sweep points (by name, sweep order) whose results rest on it. */
export interface NoiseEstimate {
  /** 'mram.writeErrorRate', 'replay ../qmc/qmc-3bit.yaml: soc.memories[reram].device.senseBase'. */
  readonly param: string;
  /** With unit ('1.5 ns', '0.000001, 0.001 per bit'). */
  readonly value: string;
  readonly source: string;
  readonly affects: NoiseAffects;
  readonly points: readonly string[];
  /** For a device-preset estimate: where it comes from (listed compactly per device). */
  readonly device?: { readonly run: string; readonly memory: string; readonly preset: string; readonly key: string };
}

/** What names a sweep point: its sweep, cell bits, x and (mlc-steps) its mlc.stepRates index. */
export interface NoisePointId {
  readonly sweep: 'mlc' | 'mlc-steps' | 'mram';
  readonly cellBits: number;
  readonly x: number;
  readonly steps?: { readonly index: number };
}

/** Name of a sweep point, as in --export file names ('mlc-3bit-spread1', 'mlc-3bit-steps0' for mlc.stepRates[0], 'mram-wer0.001'). */
export function noisePointName(p: NoisePointId): string {
  if (p.sweep === 'mlc-steps') return `mlc-${p.cellBits}bit-steps${p.steps?.index ?? NaN}`;
  return p.sweep === 'mlc' ? `mlc-${p.cellBits}bit-spread${p.x}` : `mram-wer${p.x}`;
}

const list = (xs: readonly (number | string)[]): string => xs.join(', ');
/** The QMC quantizer's defaults (src/workloads/quant/config.ts), to tell a default from a study setting. */
const QMC_DEFAULT = quantConfigSchema.parse({ scheme: 'qmc' }) as Extract<NoiseStudyConfig['quant'], { scheme: 'qmc' }>;

/** Source of a gaussian-levels preset as `qmcsim describe` lists it. */
function levelSetSource(name: string): string {
  const d = noiseDescriptors.find((x) => x.interface === 'NoiseModel' && x.type === 'gaussian-levels');
  return d?.presets?.[name]?.source ?? `noise preset '${name}'`;
}

/** How each synthetic distribution's tails compare with trained SLM weights (which are heavy-tailed). */
const TAILS: Record<NoiseStudyConfig['weights']['distribution'], string> = {
  'student-t': 'heavy tails as in trained SLMs',
  laplace: 'tails heavier than Gaussian, lighter than trained SLMs\' Student-t-like weights',
  gaussian: 'light Gaussian tails: fewer large weights than trained SLMs have',
};

/** `QMC: <what>` when the study keeps the paper's value (the quantizer default), else `study setting (QMC: <what>)`. */
const paperPoint = (isPaper: boolean, what: string): string => (isPaper ? `QMC: ${what}` : `study setting (QMC: ${what})`);

/**
 * Every design value of the study, with units; `estimate` when it does not come from a primary
 * source. `weights` is the --weights checkpoint (undefined: synthetic weights).
 */
export function noiseDesignValues(cfg: NoiseStudyConfig, weights: string | undefined): DesignValue[] {
  const q = cfg.quant;
  const out: DesignValue[] = [
    { name: 'seed', value: String(cfg.seed), derivation: 'study seed: synthetic weights and every noise draw (rngFor streams)', estimate: false },
    { name: 'model', value: cfg.model, derivation: 'tensor inventory of the model catalogue (configs/models)', estimate: false },
    { name: 'weights.tensors', value: `${list(cfg.weights.tensors)} (${cfg.weights.tensors.length} tensors)`, derivation: 'representative tensors of the model (study setting)', estimate: false },
    { name: 'weights.maxRows', value: cfg.weights.maxRows === undefined ? 'all rows' : `${cfg.weights.maxRows} rows per tensor`, derivation: 'first rows of each tensor only (study setting; statistics are per weight)', estimate: false },
    weights !== undefined
      ? { name: 'weights.source', value: weights, derivation: isGgufPath(weights) ? 'GGUF checkpoint (--weights), dequantized to float32' : 'safetensors checkpoint (--weights)', estimate: false }
      : { name: 'weights.distribution', value: `synthetic ${cfg.weights.distribution}${cfg.weights.distribution === 'student-t' ? `, ${cfg.weights.dof} degrees of freedom` : ''}, seed ${cfg.seed}`,
        derivation: `synthetic stand-in for trained weights (${TAILS[cfg.weights.distribution]}); not a checkpoint`, estimate: true },
  ];
  if (q.scheme === 'qmc') {
    out.push(
      { name: 'quant.rho', value: `${q.rho} (fraction of weights kept as outliers)`, derivation: paperPoint(q.rho === QMC_DEFAULT.rho, `operating point ρ = ${QMC_DEFAULT.rho} (qmc-paper.md §2)`), estimate: false },
      { name: 'quant.inlierBits', value: `${q.inlierBits} bit`, derivation: paperPoint(q.inlierBits === QMC_DEFAULT.inlierBits, `inliers are ${QMC_DEFAULT.inlierBits}-bit values (qmc-paper.md §2)`), estimate: false },
      { name: 'quant.outlierBits', value: `${q.outlierBits} bit`, derivation: paperPoint(q.outlierBits === QMC_DEFAULT.outlierBits, `outliers ${QMC_DEFAULT.outlierBits} bits (qmc-paper.md §2)`), estimate: false },
      { name: 'quant.symmetric', value: String(q.symmetric), derivation: 'symmetric vs asymmetric quantizers is unknown (qmc-paper.md §7)', estimate: true },
      { name: 'quant.grid', value: `scale factors ${q.grid.from} … ${q.grid.to} in ${q.grid.steps} steps`,
        derivation: q.grid.from === QMC_DEFAULT.grid.from && q.grid.to === QMC_DEFAULT.grid.to && q.grid.steps === QMC_DEFAULT.grid.steps ? 'default grid; the paper leaves the inlier scale grid unspecified (qmc-paper.md §2)' : 'study setting; the paper leaves the grid unspecified (qmc-paper.md §2)', estimate: true },
      { name: 'quant.pMinus, quant.pPlus', value: `${q.pMinus}, ${q.pPlus} (per cell read)`,
        derivation: q.pMinus === QMC_DEFAULT.pMinus && q.pPlus === QMC_DEFAULT.pPlus ? 'noise-aware inlier scale search: mean over levels of the nvmFI 3-bit proxy (qmc-paper.md §6); the paper\'s Fig. 2 rates are not recovered' : 'study setting; the paper\'s Fig. 2 rates are not recovered (qmc-paper.md §2)', estimate: true },
    );
  }
  // The level sets serve the spread sweep only (a stepRates-only study does not rest on them).
  const presets = cfg.mlc.levelSpreadScale.length > 0 ? cfg.mlc.presets : undefined;
  for (const bits of presets === undefined ? [] : [...cfg.mlc.cellModes].sort((a, b) => b - a)) {
    const name = presets![`${bits}`];
    const m = noisePreset(name);
    const levels = m.kind === 'gaussian-levels' ? `; means ${list(m.means)}; σ ${list(m.sigmas)} (normalised conductance)` : '';
    out.push({ name: `mlc.presets["${bits}"]`, value: `${name}${levels}`,
      derivation: `${levelSetSource(name)}; a proxy: the paper's measured 40 nm device rates are not recovered (qmc-paper.md §2, §6)`, estimate: true });
  }
  out.push({ name: 'mlc.cellModes', value: `${list(cfg.mlc.cellModes)} bits per cell`, derivation: 'qmc-paper.md §2: 3-bit inliers in 8-level (3-bit) or packed into 4-level (2-bit) cells', estimate: false });
  if (cfg.mlc.levelSpreadScale.length > 0) {
    out.push({ name: 'mlc.levelSpreadScale', value: `${list(cfg.mlc.levelSpreadScale)} (× every level σ)`, derivation: 'sweep knob (0 = noiseless cells, 1 = the level set as published)', estimate: false });
  }
  if (cfg.mlc.stepRates !== undefined) {
    out.push({ name: 'mlc.stepRates', value: `${cfg.mlc.stepRates.map((e, i) => `[${i}] ${stepEntryText(e)}`).join('; ')} (per cell read)`,
      derivation: 'sweep knob: QMC\'s direct noise form, a stored level read one level low (p₋) or high (p₊), treated as parameters (qmc-paper.md §2; level-step noise model); the paper\'s Fig. 2 device rates are not recovered', estimate: false });
  }
  out.push(
    { name: 'mlc.levelCoding', value: cfg.mlc.levelCoding, derivation: 'modelling choice: the paper does not say which bit pattern each level holds', estimate: true },
    { name: 'mlc.valueModel', value: cfg.mlc.valueModel, derivation: `modelling choice (${cfg.mlc.valueModel === 'cells' ? 'exact cell errors under the encoding' : 'the paper\'s ±1 step'}); whether 2-bit packing turns a cell error into ±2Δ/±4Δ is unknown (qmc-paper.md §7)`, estimate: true },
    { name: 'mram.writeErrorRate', value: `${list(cfg.mram.writeErrorRate)} per bit`,
      derivation: 'per-bit STT-MRAM write-error rates; 0 as QMC (MRAM error-free, qmc-paper.md §2); non-zero values are estimates for short-pulse writes', estimate: cfg.mram.writeErrorRate.some((w) => w > 0) },
    { name: 'replay.runs', value: `2-bit: ${cfg.replay.runs['2']}; 3-bit: ${cfg.replay.runs['3']}`, derivation: 'run configurations replayed with the noise attached (their estimates are listed below)', estimate: false },
    { name: 'replay.set', value: cfg.replay.set.length > 0 ? list(cfg.replay.set) : 'none', derivation: 'overrides of the replays (bits read and accesses are those of this configuration; per-bit rates depend on the device and data layout)', estimate: false },
    { name: 'replay memories', value: `MLC: ${cfg.replay.mlcMemory}; MRAM: ${cfg.replay.mramMemory}`, derivation: 'only the swept memory carries a noise model in each replay', estimate: false },
  );
  return out;
}

/**
 * An energy, power or area figure (E_net, per-bit/pulse energies, leakage, CDC power, density):
 * used only after the run (pricing, area), so it cannot change bits read, accesses or errors and
 * is not listed under them. Timing and organisation values stay listed: they set the service order
 * the noise draws follow.
 */
function pricedAfterRun(param: string): boolean {
  const key = param.replace(/\s*\(.*\)\s*$/, '').split('.').pop() ?? '';
  return /(Energy|energyPerBit|Power|^density)$/.test(key);
}

/** Collects estimates per sweep point, merging identical parameters. Deterministic: insertion order. */
export class NoiseEstimates {
  private readonly uses = new EstimateUses<Omit<NoiseEstimate, 'points'>, string>();

  add(e: Omit<NoiseEstimate, 'points'>, point: string): void {
    this.uses.add(e, point);
  }

  /**
   * The study's own estimates that rest on point `point` of an MLC (`bits`, spread `x`) or MRAM
   * (`x` = write-error rate) sweep, and the noise model's estimated defaults.
   */
  addStudy(cfg: NoiseStudyConfig, dv: readonly DesignValue[], point: string, sweep: NoisePointId['sweep'], bits: number, x: number, model: NoiseModelSpec, memory: string): void {
    const est = (name: string): DesignValue | undefined => dv.find((d) => d.name === name && d.estimate);
    const put = (d: DesignValue | undefined, affects: NoiseAffects, value?: string): void => {
      if (d !== undefined) this.add({ param: d.name, value: value ?? d.value, source: d.derivation, affects }, point);
    };
    // The clean SQNR rests on the weights and the quantizer whatever the noise.
    for (const n of ['weights.distribution', 'quant.symmetric', 'quant.grid', 'quant.pMinus, quant.pPlus']) put(est(n), 'weights');
    if (sweep === 'mlc' && x > 0) put(est(`mlc.presets["${bits}"]`), 'replay and weights', cfg.mlc.presets?.[bits === 3 ? '3' : '2']); // the name only: its levels are in designValues
    if (sweep !== 'mram' && x > 0) { // both MLC sweeps: the coding and value model of the noisy cells
      put(est('mlc.levelCoding'), 'replay and weights');
      put(est('mlc.valueModel'), 'weights');
    }
    if (sweep === 'mram' && x > 0) {
      const wer = cfg.mram.writeErrorRate.filter((w) => w > 0);
      this.add({ param: 'mram.writeErrorRate', value: `${list(wer)} per bit`, source: est('mram.writeErrorRate')?.derivation ?? 'estimate', affects: 'replay and weights' }, point);
    }
    for (const k of noiseModelEstimates(model)) {
      this.add({ param: `soc.memories[${memory}].${k} (${model.kind})`, value: 'model default', source: `estimated default of the ${model.kind} noise model (qmcsim describe)`, affects: 'replay and weights' }, point);
    }
  }

  /**
   * A replay's estimates as `qmcsim run` lists them: the run file's `estimates:` and the device-preset
   * estimates of the swept memory (the only one whose statistics the study reports; its noise model's
   * estimates come from addStudy). `device` is the memory's device spec (preset values shown). A run
   * file's entry an override changed shows the value in use, then the file's text.
   */
  addReplay(run: string, memory: string, device: Readonly<Record<string, unknown>>, estimates: readonly Pick<RunEstimate, 'param' | 'value' | 'derivation' | 'inUse' | 'changes'>[], point: string): void {
    const prefix = `soc.memories[${memory}].device.`;
    const preset = typeof device.preset === 'string' ? device.preset : 'device';
    const params = nvmAndSramPresets.find((p) => p.name === preset)?.params as Readonly<Record<string, { value: string | number } | undefined>> | undefined;
    for (const e of estimates) {
      if (pricedAfterRun(e.param)) continue;
      if (e.value !== 'preset') {
        // the value in use when the replay's overrides (replay.set) changed it or its block
        this.add({ param: `replay ${run}: ${e.param}`, value: estimateValueText(e), source: e.derivation, affects: 'replay' }, point);
      } else if (e.param.startsWith(prefix)) {
        const key = e.param.slice(prefix.length);
        const v = device[key] ?? params?.[key]?.value;
        this.add({ param: `replay ${run}: ${e.param}`, value: v === undefined ? 'preset' : String(v), source: e.derivation, affects: 'replay',
          device: { run, memory, preset, key } }, point);
      }
    }
  }

  list(): NoiseEstimate[] {
    return this.uses.list();
  }
}

const AFFECTS_TEXT: Record<NoiseAffects, string> = {
  replay: 'replay bit-error statistics (bits read, accesses, BER)',
  weights: 'weight SQNR',
  'replay and weights': 'replay bit-error statistics and weight SQNR',
};

const GROUPS = [['3-bit MLC', 'mlc', 3, 'spread'], ['2-bit MLC', 'mlc', 2, 'spread'],
  ['3-bit MLC (p₋, p₊)', 'mlc-steps', 3, 'mlc.stepRates entry'], ['2-bit MLC (p₋, p₊)', 'mlc-steps', 2, 'mlc.stepRates entry'],
  ['MRAM', 'mram', 1, 'write-error rate']] as const;

/** 'every point', 'all 6 3-bit MLC points', 'MRAM points at write-error rate 0.001'. */
function pointsText(points: readonly string[], all: readonly NoisePointId[]): string {
  if (points.length === all.length) return 'every point';
  const groups: string[] = [];
  for (const [label, sweep, bits, axis] of GROUPS) {
    const g = all.filter((p) => p.sweep === sweep && p.cellBits === bits);
    const hit = g.filter((p) => points.includes(noisePointName(p)));
    if (hit.length === 0) continue;
    groups.push(hit.length === g.length ? (g.length === 1 ? `the ${label} point` : `all ${g.length} ${label} points`) : `${label} points at ${axis} ${list(hit.map((p) => p.steps?.index ?? p.x))}`);
  }
  return groups.join(' and ');
}

/** One restsOn item per estimate; a device's preset estimates become one item naming its keys. */
function restsOn(es: readonly NoiseEstimate[]): string[] {
  const out: string[] = [];
  const devices = new Map<string, string[]>();
  for (const e of es) {
    if (e.device === undefined) out.push(`${e.param} = ${e.value}`);
    else {
      const k = `${e.device.memory} device ${e.device.preset} (replay ${e.device.run})`;
      if (!devices.has(k)) out.push(k);
      devices.set(k, [...(devices.get(k) ?? []), e.device.key]);
    }
  }
  return out.map((x) => (devices.has(x) ? `${x}: ${devices.get(x)!.join(', ')}` : x));
}

/** The report's "results resting on estimated parameters": one entry per (results, points) group. */
export function noiseEstimatedDependencies(estimates: readonly NoiseEstimate[], all: readonly NoisePointId[]): EstimatedDependency[] {
  const groups = new Map<string, NoiseEstimate[]>();
  for (const e of estimates) {
    const k = `${AFFECTS_TEXT[e.affects]} of ${pointsText(e.points, all)}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups.entries()].map(([result, es]) => ({ result, restsOn: restsOn(es) }));
}

/** Text lines for the CLI: the estimated study values, then which results rest on which estimates. */
export function noiseEstimateLines(designValues: readonly DesignValue[], deps: readonly EstimatedDependency[]): string[] {
  const est = designValues.filter((d) => d.estimate);
  const lines = [`estimated study design values (${est.length}):`];
  for (const d of est) lines.push(`  ${d.name} = ${d.value}: ${d.derivation}`);
  lines.push('results resting on estimated parameters (sources in result.json and report.html):');
  for (const d of deps) lines.push(`  ${d.result}: ${d.restsOn.join('; ')}`);
  return lines;
}
