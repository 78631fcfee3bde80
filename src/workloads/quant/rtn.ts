/**
 * Round-to-nearest integer quantization (RTN INT4, INT8) per output channel or per group of
 * `groupSize` consecutive input columns, symmetric (absmax) or asymmetric (min/max + zero point).
 */
import { encodeGroup, RTN_GRID, searchScale, type UniformCodes } from './uniform.js';

/** RTN codes of a [rows, cols] matrix. Group g of row r covers cols [g·groupSize, …). */
export interface RtnCodes extends UniformCodes {
  readonly rows: number;
  readonly cols: number;
  readonly groupSize: number;
}

export interface RtnOptions {
  readonly bits: number;
  /** Columns per group; `cols` (or more) = per channel. */
  readonly groupSize: number;
  readonly symmetric: boolean;
}

/** Quantize a row-major [rows, cols] matrix with round-to-nearest. */
export function quantizeRtn(w: Float32Array, rows: number, cols: number, o: RtnOptions): RtnCodes {
  const gs = Math.min(o.groupSize, cols);
  const gpr = Math.ceil(cols / gs);
  const levels = new Uint8Array(rows * cols);
  const scales = new Float32Array(rows * gpr);
  const zeros = new Int16Array(rows * gpr);
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < gpr; g++) {
      const start = r * cols + g * gs;
      const n = Math.min(gs, cols - g * gs);
      const view = w.subarray(start, start + n);
      const c = searchScale(view, n, o.bits, o.symmetric, RTN_GRID);
      scales[r * gpr + g] = c.scale;
      zeros[r * gpr + g] = c.zero;
      encodeGroup(view, n, scales[r * gpr + g]!, c.zero, o.bits, levels, start);
    }
  }
  return { bits: o.bits, levels, scales, zeros, rows, cols, groupSize: gs };
}

/** Dequantize RTN codes to float32. */
export function dequantizeRtn(q: RtnCodes): Float32Array {
  const out = new Float32Array(q.rows * q.cols);
  const gpr = Math.ceil(q.cols / q.groupSize);
  for (let r = 0; r < q.rows; r++) {
    for (let c = 0; c < q.cols; c++) {
      const g = r * gpr + Math.floor(c / q.groupSize);
      const i = r * q.cols + c;
      out[i] = (q.levels[i]! - q.zeros[g]!) * q.scales[g]!;
    }
  }
  return out;
}
