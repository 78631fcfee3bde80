/**
 * Quantization quality per tensor and per model: MSE, SQNR (dB) and max |error| of the dequantized
 * weights against the originals, for any quantizer, clean and with device noise injected into the
 * stored codes of chosen parts (src/devices/noise injectNoise, seeded per tensor and part).
 */
import { injectNoise, type CellEncoding, type NoiseModelSpec, type ValueModel } from '../../devices/noise/index.js';
import type { TensorPart } from '../trace/types.js';
import { isQuantized } from '../quant/accounting.js';
import { quantLabel, type QuantConfig } from '../quant/config.js';
import { roundTrip16 } from '../quant/float16.js';
import { dequantizeValues, quantizeValues, storedParts, withLevels, type QuantizedValues } from '../quant/values.js';
import { matrixDims, type TensorSpec } from '../tensor.js';
import type { WeightSource } from '../weights/source.js';

/** Error statistics of a reconstruction. */
export interface ErrorStats {
  readonly n: number;
  /** Σ w² of the reference. */
  readonly signal: number;
  /** Σ (w − ŵ)². */
  readonly sse: number;
  readonly mse: number;
  /** 10·log10(signal / sse); Infinity when exact. */
  readonly sqnrDb: number;
  readonly maxAbsErr: number;
}

/** Device noise applied to stored codes. */
export interface DeviceNoise {
  readonly model: NoiseModelSpec;
  readonly encoding: CellEncoding;
  readonly valueModel?: ValueModel;
  readonly seed: number | string;
  /** Stored parts that live in the noisy memory. Default ['inlier'] (QMC: MLC ReRAM). */
  readonly parts?: readonly TensorPart[];
}

function finish(n: number, signal: number, sse: number, maxAbsErr: number): ErrorStats {
  return { n, signal, sse, mse: n === 0 ? 0 : sse / n, sqnrDb: sse === 0 ? Infinity : 10 * Math.log10(signal / sse), maxAbsErr };
}

/** Error statistics of `test` against `ref`. */
export function errorStats(ref: Float32Array, test: Float32Array): ErrorStats {
  if (ref.length !== test.length) throw new Error(`errorStats: lengths differ (${ref.length} vs ${test.length})`);
  let s = 0;
  let e = 0;
  let m = 0;
  for (let i = 0; i < ref.length; i++) {
    const d = ref[i]! - test[i]!;
    s += ref[i]! * ref[i]!;
    e += d * d;
    if (Math.abs(d) > m) m = Math.abs(d);
  }
  return finish(ref.length, s, e, m);
}

/** Combine statistics of disjoint sets (per-model aggregation). */
export function mergeStats(a: ErrorStats, b: ErrorStats): ErrorStats {
  return finish(a.n + b.n, a.signal + b.signal, a.sse + b.sse, Math.max(a.maxAbsErr, b.maxAbsErr));
}

/** The zero statistics (identity of mergeStats). */
export const EMPTY_STATS: ErrorStats = finish(0, 0, 0, 0);

/** Inject `noise` into the stored levels of the noisy parts of `q` (path: weights/<tensor>/<part>). */
export function applyNoise(q: QuantizedValues, noise: DeviceNoise, tensorId: string): { q: QuantizedValues; changed: number } {
  let out = q;
  let changed = 0;
  const parts = storedParts(q);
  for (const part of noise.parts ?? ['inlier']) {
    const u = parts[part];
    if (!u || u.levels.length === 0) continue;
    const r = injectNoise({
      codes: u.levels, bitsPerValue: u.bits, encoding: noise.encoding, model: noise.model, seed: noise.seed,
      path: `weights/${tensorId}/${part}`, ...(noise.valueModel ? { valueModel: noise.valueModel } : {}),
    });
    changed += r.errorMap.index.length;
    out = withLevels(out, part, r.codes);
  }
  return { q: out, changed };
}

/** Quality of one tensor under one quantizer. */
export interface TensorQuality {
  readonly tensor: string;
  readonly layer: number;
  readonly role: TensorSpec['role'];
  readonly numel: number;
  readonly quantizer: string;
  readonly scheme: QuantConfig['scheme'] | 'keep';
  readonly clean: ErrorStats;
  readonly noisy?: ErrorStats;
  /** Stored codes read wrong (a code of an all-zero, scale-0 group can change without changing its weight). */
  readonly changedValues?: number;
  /** Dequantized weights that differ from the clean dequantization (what the noise did to the model). */
  readonly changedWeights?: number;
}

/** Dequantized (clean and optionally noisy) values of one tensor, plus its quality row. */
export function evaluateTensor(spec: TensorSpec, w: Float32Array, cfg: QuantConfig, noise?: DeviceNoise):
  { quality: TensorQuality; clean: Float32Array; noisy?: Float32Array } {
  const { rows, cols } = matrixDims(spec);
  const base = { tensor: spec.id, layer: spec.layer, role: spec.role, numel: spec.numel, quantizer: quantLabel(cfg) };
  if (cfg.scheme !== 'fp16' && cfg.scheme !== 'bf16' && !isQuantized(spec, cfg)) {
    const clean = cfg.keepBits === 32 ? w.slice() : roundTrip16(w, 'fp16').values;
    return { quality: { ...base, scheme: 'keep', clean: errorStats(w, clean) }, clean };
  }
  const q = quantizeValues(w, rows, cols, cfg);
  const clean = dequantizeValues(q);
  const quality: TensorQuality = { ...base, scheme: cfg.scheme, clean: errorStats(w, clean) };
  if (!noise) return { quality, clean };
  const nq = applyNoise(q, noise, spec.id);
  const noisy = nq.changed === 0 ? clean : dequantizeValues(nq.q);
  return { quality: { ...quality, noisy: errorStats(w, noisy), changedValues: nq.changed, changedWeights: countDiffering(clean, noisy) }, clean, noisy };
}

/** Positions where `a` and `b` differ (same length). */
function countDiffering(a: Float32Array, b: Float32Array): number {
  if (a === b) return 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/** Per-tensor quality rows for every tensor × quantizer, one tensor in memory at a time. */
export function* evaluateModel(src: WeightSource, quantizers: readonly QuantConfig[], noise?: DeviceNoise): Generator<TensorQuality> {
  for (const spec of src.specs) {
    const w = src.read(spec);
    for (const cfg of quantizers) yield evaluateTensor(spec, w, cfg, noise).quality;
  }
}

/** Whole-model statistics per quantizer (sums over tensors; SQNR from total signal and error). */
export interface ModelQuality {
  readonly quantizer: string;
  readonly tensors: number;
  readonly clean: ErrorStats;
  readonly noisy?: ErrorStats;
  readonly changedValues: number;
  readonly changedWeights: number;
}

/** Aggregate per-tensor rows by quantizer (order of first appearance). */
export function summarizeQuality(rows: Iterable<TensorQuality>): ModelQuality[] {
  const m = new Map<string, { tensors: number; clean: ErrorStats; noisy: ErrorStats; anyNoisy: boolean; changed: number; changedW: number }>();
  for (const r of rows) {
    const a = m.get(r.quantizer) ?? { tensors: 0, clean: EMPTY_STATS, noisy: EMPTY_STATS, anyNoisy: false, changed: 0, changedW: 0 };
    a.tensors++;
    a.clean = mergeStats(a.clean, r.clean);
    a.noisy = mergeStats(a.noisy, r.noisy ?? r.clean); // tensors without noisy parts count as clean
    a.anyNoisy ||= r.noisy !== undefined;
    a.changed += r.changedValues ?? 0;
    a.changedW += r.changedWeights ?? 0;
    m.set(r.quantizer, a);
  }
  return [...m].map(([quantizer, a]) => ({ quantizer, tensors: a.tensors, clean: a.clean, ...(a.anyNoisy ? { noisy: a.noisy } : {}), changedValues: a.changed, changedWeights: a.changedW }));
}
