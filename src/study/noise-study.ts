/**
 * `study noise`: sweeps MLC level spread × cell mode (2-bit vs 3-bit cells holding QMC's 3-bit
 * inliers), optionally QMC's (p₋, p₊) step rates × cell mode, and the MRAM write-error rate. For each point: per-access bit-error statistics from the
 * event-driven replay with the noise model attached to the device (sampled per access from the
 * device's seeded stream, plus the analytic expectation), and per-tensor weight error (SQNR) of the
 * noisy dequantized weights (synthetic, seeded, or a safetensors or GGUF checkpoint). Optional export of the
 * noisy weights as safetensors.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { checkNoiseStudy, replayOverrides, studyModel } from './noise-checks.js';
import { UserError } from '../config/errors.js';
import { displayName } from '../config/resolve.js';
import { loadRunConfig } from '../arch/run-config.js';
import { cellEncoding, noisePreset, type NoiseModelSpec } from '../devices/noise/index.js';
import { loadModel } from '../workloads/catalog.js';
import { inventory } from '../workloads/inventory.js';
import { evaluateTensor, mergeStats, EMPTY_STATS, type DeviceNoise, type ErrorStats } from '../workloads/metrics/quality.js';
import { exportDequantized } from '../workloads/metrics/export.js';
import { syntheticSource, type WeightSource } from '../workloads/weights/source.js';
import { openWeightSource } from '../workloads/weights/open-weights.js';
import type { TensorSpec } from '../workloads/tensor.js';
import { noiseStudySchema, type NoiseStudyConfig } from './noise-config.js';
import { NoiseEstimates, noiseDesignValues, noisePointName, type NoiseEstimate } from './noise-estimates.js';
import type { DesignValue } from '../report/html.js';
import { replayConfig } from './run-one.js';
import { meanStepRate, stepEntriesFor, stepModel, type StepRatesEntry } from './noise-steps.js';

export interface NoiseStudyOptions {
  readonly file: string;
  /** Checkpoint instead of synthetic weights: safetensors (file, index or directory) or a GGUF file. */
  readonly weights?: string;
  /** Write the noisy dequantized weights of every sweep point here (safetensors). */
  readonly exportDir?: string;
  /** Called once the study file and the weights are loaded and checked, before any point (e.g. to create output folders). */
  readonly onChecked?: () => void;
  readonly onProgress?: (done: number, total: number, label: string) => void;
  readonly yieldBetween?: () => Promise<void>;
}

/** Replay statistics of one noisy memory. */
export interface ReplayErrors {
  readonly memory: string;
  readonly bitsRead: number;
  readonly bitErrors: number;
  readonly expectedBitErrors: number;
  readonly accesses: number;
  readonly accessesWithErrors: number;
  /** Sampled bit-error rate. */
  readonly ber: number;
  readonly expectedBer: number;
  /** The model the replay ran (the run file's, or `replay.set`'s model=…): the bits read are its. */
  readonly model: string;
}

export interface TensorError {
  readonly tensor: string;
  readonly numel: number;
  readonly cleanSqnrDb: number;
  readonly noisySqnrDb: number;
  /** Dequantized weights that differ from the clean ones. */
  readonly changedWeights: number;
  /** Stored codes read wrong; more than changedWeights when codes of all-zero (scale-0) groups flip. */
  readonly changedCodes: number;
}

export interface NoisePoint {
  /** 'mlc': level spread; 'mlc-steps': an mlc.stepRates entry (QMC's p₋, p₊); 'mram': write-error rate. */
  readonly sweep: 'mlc' | 'mlc-steps' | 'mram';
  /** Bits per MLC cell (mlc, mlc-steps) or 1 (mram). */
  readonly cellBits: number;
  /**
   * Level-spread scale (mlc), per-bit write-error rate (mram), or (mlc-steps) the mean over levels of
   * p₋ + p₊ as applied: the probability a cell reads a wrong level at uniform level occupancy.
   */
  readonly x: number;
  /** mlc-steps only: the entry's index in mlc.stepRates and its rates as written. */
  readonly steps?: { readonly index: number } & StepRatesEntry;
  readonly replay: ReplayErrors;
  readonly tensors: readonly TensorError[];
  /** All tensors together: SQNR from total signal and error. */
  readonly cleanSqnrDb: number;
  readonly noisySqnrDb: number;
  /** Dequantized weights that differ from the clean ones (all tensors). */
  readonly changedWeights: number;
  /** Stored codes read wrong (all tensors); a flip in an all-zero, scale-0 group changes a code but no weight. */
  readonly changedCodes: number;
  readonly exported?: string;
}

export interface NoiseStudyResult {
  readonly file: string;
  readonly model: string;
  readonly weights: string;
  readonly seed: number;
  readonly points: readonly NoisePoint[];
  /** Every design value of the study, with units and derivation (estimates flagged). */
  readonly designValues: readonly DesignValue[];
  /** The estimated parameters the points' results rest on (study values, noise models, replays). */
  readonly estimates: readonly NoiseEstimate[];
}

function pickSpecs(cfg: NoiseStudyConfig, base: string): TensorSpec[] {
  const inv = inventory(loadModel(studyModel(cfg.model, base)));
  return cfg.weights.tensors.map((id) => {
    const s = inv.find((t) => t.id === id);
    if (!s) throw new UserError(`noise study: model '${cfg.model}' has no tensor '${id}' (e.g. ${inv.slice(0, 3).map((t) => t.id).join(', ')})`);
    return s;
  });
}

/** The MLC model of a sweep point: the mode's level-set preset with its σ scaled. */
export function mlcModel(cfg: NoiseStudyConfig, bits: 2 | 3, spread: number): NoiseModelSpec {
  const preset = cfg.mlc.presets?.[bits === 3 ? '3' : '2'];
  if (preset === undefined) throw new UserError('noise study: the level-spread sweep needs mlc.presets');
  const base = noisePreset(preset);
  if (base.kind !== 'gaussian-levels') throw new UserError(`noise study: MLC preset for ${bits}-bit cells must be a gaussian-levels model, found '${base.kind}'`);
  return { ...base, levelSpreadScale: spread, levelCoding: cfg.mlc.levelCoding };
}

function weightErrors(src: WeightSource, cache: Map<string, Float32Array>, cfg: NoiseStudyConfig, noise: DeviceNoise): { tensors: TensorError[]; clean: ErrorStats; noisy: ErrorStats; changedWeights: number; changedCodes: number } {
  let clean = EMPTY_STATS;
  let noisy = EMPTY_STATS;
  let changedWeights = 0;
  let changedCodes = 0;
  const tensors: TensorError[] = [];
  for (const spec of src.specs) {
    let w = cache.get(spec.id);
    if (!w) {
      w = src.read(spec);
      cache.set(spec.id, w);
    }
    const q = evaluateTensor(spec, w, cfg.quant, noise).quality;
    const n = q.noisy ?? q.clean;
    clean = mergeStats(clean, q.clean);
    noisy = mergeStats(noisy, n);
    changedWeights += q.changedWeights ?? 0;
    changedCodes += q.changedValues ?? 0;
    tensors.push({ tensor: spec.id, numel: spec.numel, cleanSqnrDb: q.clean.sqnrDb, noisySqnrDb: n.sqnrDb, changedWeights: q.changedWeights ?? 0, changedCodes: q.changedValues ?? 0 });
  }
  return { tensors, clean, noisy, changedWeights, changedCodes };
}

/**
 * A replay's error statistics; its estimates go into `est` for point `point`. `quantRaw`: the study's
 * `quant:` as written, which replaces the run file's (the replay reads what the weights part quantizes).
 */
function replayErrors(cfg: NoiseStudyConfig, quantRaw: unknown, base: string, bits: 2 | 3, memory: string, noise: NoiseModelSpec, seed: number, est: NoiseEstimates, point: string): ReplayErrors {
  const written = bits === 3 ? cfg.replay.runs['3'] : cfg.replay.runs['2'];
  const file = resolve(base, written);
  const set = replayOverrides(quantRaw, cfg.replay.set);
  const probe = loadRunConfig(file, set);
  const idx = probe.soc.memories.findIndex((m) => m.id === memory);
  if (idx < 0) throw new UserError(`noise study: ${file} has no memory '${memory}' (have ${probe.soc.memories.map((m) => m.id).join(', ')})`);
  const others = [cfg.replay.mlcMemory, cfg.replay.mramMemory].filter((m) => m !== memory)
    .map((m) => probe.soc.memories.findIndex((x) => x.id === m)).filter((i) => i >= 0);
  const ov = [
    ...set,
    `soc.memories[${idx}].noise=${JSON.stringify(noiseYaml(noise))}`,
    // Only the swept memory is noisy, so its statistics are not mixed with the other's.
    ...others.map((i) => `soc.memories[${i}].noise={"type":"none"}`),
  ];
  const run = loadRunConfig(file, ov);
  const rep = replayConfig(run, { seed, layerReuse: false, weightTrafficOnly: true, label: `noise study: replay of ${written} at point ${point}` });
  est.addReplay(written, memory, run.soc.memories[idx]?.device ?? {}, rep.estimates, point);
  const e = rep.bitErrors.byMemory[memory] ?? { bitsRead: 0, bitErrors: 0, expectedBitErrors: 0 };
  let accesses = 0;
  let withErr = 0;
  for (const t of rep.bitErrors.byTag) if (t.memory === memory) withErr += t.accessesWithErrors;
  for (const t of rep.tensors) if (t.memory === memory) accesses += t.accesses;
  return {
    memory, bitsRead: e.bitsRead, bitErrors: e.bitErrors, expectedBitErrors: e.expectedBitErrors, accesses, accessesWithErrors: withErr,
    ber: e.bitsRead > 0 ? e.bitErrors / e.bitsRead : 0, expectedBer: e.bitsRead > 0 ? e.expectedBitErrors / e.bitsRead : 0,
    model: run.model,
  };
}

/** A noise model as the YAML block the SoC's `noise:` key takes. */
function noiseYaml(m: NoiseModelSpec): Record<string, unknown> {
  if (m.kind === 'gaussian-levels') {
    return { type: 'gaussian-levels', means: [...m.means], sigmas: [...m.sigmas], levelSpreadScale: m.levelSpreadScale ?? 1, levelCoding: m.levelCoding ?? 'gray' };
  }
  if (m.kind === 'level-step') {
    const list = (v: number | readonly number[]): number[] => (typeof v === 'number' ? [v] : [...v]);
    return { type: 'level-step', levels: m.levels, pDown: list(m.pDown), pUp: list(m.pUp), levelCoding: m.levelCoding ?? 'gray' };
  }
  if (m.kind === 'bit-flip') return { type: 'bit-flip', pBit: m.pBit };
  throw new Error(`noise study: cannot attach a '${m.kind}' model to the replay`);
}

/** Runs the noise study described by `o.file`. */
export async function noiseStudy(o: NoiseStudyOptions): Promise<NoiseStudyResult> {
  const loaded = loadConfig(o.file, noiseStudySchema, { kind: 'noise-study' });
  const cfg = loaded.value;
  const quantRaw = (loaded.raw as { quant?: unknown }).quant;
  const base = dirname(resolve(o.file));
  checkNoiseStudy(cfg, o.file, loaded.sources, base, quantRaw);
  const specs = pickSpecs(cfg, base);
  const src = o.weights !== undefined
    ? await openWeightSource(o.weights, specs, cfg.weights.maxRows)
    : syntheticSource(specs, { seed: cfg.seed, distribution: cfg.weights.distribution, dof: cfg.weights.dof }, cfg.weights.maxRows);
  const cache = new Map<string, Float32Array>();
  try {
    // Read (and check: dtype, finite values) every tensor before onChecked creates output folders.
    for (const spec of src.specs) cache.set(spec.id, src.read(spec));
  } catch (e) {
    src.close?.();
    throw e;
  }
  const designValues = noiseDesignValues(cfg, o.weights);
  const est = new NoiseEstimates();
  const steps = (bits: number) => stepEntriesFor(cfg.mlc.stepRates ?? [], bits);
  const total = cfg.mlc.cellModes.reduce((n, b) => n + cfg.mlc.levelSpreadScale.length + steps(b).length, 0) + cfg.mram.writeErrorRate.length;
  let done = 0;
  const points: NoisePoint[] = [];
  const finish = async (p: Omit<NoisePoint, 'exported'>, noise: DeviceNoise, name: string): Promise<void> => {
    let exported: string | undefined;
    if (o.exportDir !== undefined) {
      mkdirSync(o.exportDir, { recursive: true });
      exported = join(o.exportDir, `${name}.safetensors`);
      exportDequantized(exported, src, cfg.quant, { noise, dtype: 'F32', metadata: { study: displayName(resolve(o.file)), point: name } });
    }
    points.push(exported === undefined ? p : { ...p, exported });
    done++;
    o.onProgress?.(done, total, name);
    await o.yieldBetween?.();
  };
  /** One MLC point: `model` on the inliers in `bits`-bit cells, weights and replay. */
  const mlcPoint = async (bits: 2 | 3, model: NoiseModelSpec, at: Pick<NoisePoint, 'sweep' | 'x' | 'steps'>): Promise<void> => {
    const name = noisePointName({ ...at, cellBits: bits });
    est.addStudy(cfg, designValues, name, at.sweep, bits, at.x, model, cfg.replay.mlcMemory);
    const noise: DeviceNoise = { model, encoding: cellEncoding(bits, cfg.mlc.levelCoding), valueModel: cfg.mlc.valueModel, seed: cfg.seed, parts: ['inlier'] };
    const w = weightErrors(src, cache, cfg, noise);
    const replay = replayErrors(cfg, quantRaw, base, bits, cfg.replay.mlcMemory, model, cfg.seed, est, name);
    await finish({ sweep: at.sweep, cellBits: bits, x: at.x, ...(at.steps !== undefined ? { steps: at.steps } : {}), replay, tensors: w.tensors, cleanSqnrDb: w.clean.sqnrDb, noisySqnrDb: w.noisy.sqnrDb, changedWeights: w.changedWeights, changedCodes: w.changedCodes },
      noise, name);
  };
  try {
    o.onChecked?.();
    for (const bits of cfg.mlc.cellModes) {
      for (const spread of cfg.mlc.levelSpreadScale) await mlcPoint(bits, mlcModel(cfg, bits, spread), { sweep: 'mlc', x: spread });
    }
    for (const bits of cfg.mlc.cellModes) {
      for (const { index, entry } of steps(bits)) {
        const model = stepModel(bits, entry, cfg.mlc.levelCoding);
        await mlcPoint(bits, model, { sweep: 'mlc-steps', x: meanStepRate(model), steps: { index, pDown: entry.pDown, pUp: entry.pUp } });
      }
    }
    for (const wer of cfg.mram.writeErrorRate) {
      const model: NoiseModelSpec = { kind: 'bit-flip', pBit: wer };
      const name = noisePointName({ sweep: 'mram', cellBits: 1, x: wer });
      est.addStudy(cfg, designValues, name, 'mram', 1, wer, model, cfg.replay.mramMemory);
      const noise: DeviceNoise = { model, encoding: cellEncoding(1, 'binary'), seed: cfg.seed, parts: ['outlier'] };
      const w = weightErrors(src, cache, cfg, noise);
      const replay = replayErrors(cfg, quantRaw, base, 3, cfg.replay.mramMemory, model, cfg.seed, est, name);
      await finish({ sweep: 'mram', cellBits: 1, x: wer, replay, tensors: w.tensors, cleanSqnrDb: w.clean.sqnrDb, noisySqnrDb: w.noisy.sqnrDb, changedWeights: w.changedWeights, changedCodes: w.changedCodes },
        noise, name);
    }
  } finally {
    src.close?.();
  }
  return { file: displayName(resolve(o.file)), model: cfg.model, weights: o.weights ?? `synthetic (${cfg.weights.distribution}, seed ${cfg.seed})`, seed: cfg.seed, points,
    designValues, estimates: est.list() };
}
