/**
 * Value-level quantization dispatch: Float32Array weights in → codes + scales out, dequantize back,
 * and access to the stored code arrays (per part) so device noise can be injected into them.
 */
import type { TensorPart } from '../trace/types.js';
import type { QuantConfig } from './config.js';
import { roundTrip16 } from './float16.js';
import { dequantizeMxint, quantizeMxint, type MxintCodes } from './mxint.js';
import { dequantizeQmc, quantizeQmc, type QmcCodes } from './qmc.js';
import { dequantizeRtn, quantizeRtn, type RtnCodes } from './rtn.js';
import type { UniformCodes } from './uniform.js';

/** Result of quantizing one [rows, cols] matrix. */
export type QuantizedValues =
  | { readonly scheme: 'fp16' | 'bf16'; readonly rows: number; readonly cols: number; readonly bits: Uint16Array; readonly values: Float32Array }
  | { readonly scheme: 'int8' | 'rtn'; readonly codes: RtnCodes }
  | { readonly scheme: 'mxint4'; readonly codes: MxintCodes }
  | { readonly scheme: 'qmc'; readonly codes: QmcCodes };

/** Quantize a row-major [rows, cols] matrix with `cfg`. Throws on non-finite weights. */
export function quantizeValues(w: Float32Array, rows: number, cols: number, cfg: QuantConfig): QuantizedValues {
  if (w.length !== rows * cols) throw new Error(`quantizeValues: ${w.length} values for shape [${rows}, ${cols}]`);
  for (let i = 0; i < w.length; i++) {
    if (!Number.isFinite(w[i]!)) throw new Error(`quantizeValues: non-finite weight ${w[i]} at index ${i}`);
  }
  switch (cfg.scheme) {
    case 'fp16': case 'bf16': {
      const { bits, values } = roundTrip16(w, cfg.scheme);
      return { scheme: cfg.scheme, rows, cols, bits, values };
    }
    case 'int8': case 'rtn': {
      const bits = cfg.scheme === 'int8' ? 8 : cfg.bits;
      const gs = cfg.granularity === 'channel' ? cols : cfg.groupSize;
      return { scheme: cfg.scheme, codes: quantizeRtn(w, rows, cols, { bits, groupSize: gs, symmetric: cfg.symmetric }) };
    }
    case 'mxint4':
      return { scheme: 'mxint4', codes: quantizeMxint(w, rows, cols, cfg.blockSize, cfg.elementBits) };
    case 'qmc':
      return { scheme: 'qmc', codes: quantizeQmc(w, rows, cols, cfg) };
  }
}

/** Dequantize to float32 (row-major). */
export function dequantizeValues(q: QuantizedValues): Float32Array {
  switch (q.scheme) {
    case 'fp16': case 'bf16': return q.values.slice();
    case 'int8': case 'rtn': return dequantizeRtn(q.codes);
    case 'mxint4': return dequantizeMxint(q.codes);
    case 'qmc': return dequantizeQmc(q.codes);
  }
}

/** The stored level arrays of each part (what a memory device holds), by part name. */
export function storedParts(q: QuantizedValues): Partial<Record<TensorPart, UniformCodes>> {
  switch (q.scheme) {
    case 'fp16': case 'bf16': return {};
    case 'int8': case 'rtn': case 'mxint4': return { dense: q.codes };
    case 'qmc': return { inlier: q.codes.inliers, outlier: q.codes.outliers };
  }
}

/** A copy of `q` whose `part` levels are replaced (e.g. by a noisy read). Lengths must match. */
export function withLevels(q: QuantizedValues, part: TensorPart, levels: Uint8Array): QuantizedValues {
  const swap = (u: UniformCodes): UniformCodes => {
    if (levels.length !== u.levels.length) throw new Error(`withLevels: ${levels.length} levels for a part of ${u.levels.length}`);
    return { ...u, levels };
  };
  switch (q.scheme) {
    case 'fp16': case 'bf16': throw new Error(`withLevels: ${q.scheme} has no integer levels`);
    case 'int8': case 'rtn':
      if (part !== 'dense') throw new Error(`withLevels: ${q.scheme} has only a 'dense' part`);
      return { scheme: q.scheme, codes: { ...q.codes, ...swap(q.codes) } };
    case 'mxint4':
      if (part !== 'dense') throw new Error(`withLevels: mxint4 has only a 'dense' part`);
      return { scheme: 'mxint4', codes: { ...q.codes, ...swap(q.codes) } };
    case 'qmc':
      if (part === 'inlier') return { scheme: 'qmc', codes: { ...q.codes, inliers: swap(q.codes.inliers) } };
      if (part === 'outlier') return { scheme: 'qmc', codes: { ...q.codes, outliers: swap(q.codes.outliers) } };
      throw new Error(`withLevels: qmc parts are 'inlier' and 'outlier', not '${part}'`);
  }
}
