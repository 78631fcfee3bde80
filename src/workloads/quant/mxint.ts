/**
 * MXINT4 (qmc-paper.md §2 baseline; OCP MX-style block format): blocks of `blockSize` (32)
 * consecutive elements along a row share an 8-bit power-of-two scale 2^e (E8M0, e ∈ [−127, 127]);
 * elements are signed INT4 codes in [−8, 7]. e = ceil(log2(max|w| / 7)), so no element clips.
 */
import type { UniformCodes } from './uniform.js';

export interface MxintCodes extends UniformCodes {
  readonly rows: number;
  readonly cols: number;
  readonly blockSize: number;
  /** Shared exponent per block (scale = 2^e). */
  readonly exponents: Int16Array;
}

/** Quantize a row-major [rows, cols] matrix to MXINT with `elementBits`-bit elements. */
export function quantizeMxint(w: Float32Array, rows: number, cols: number, blockSize = 32, elementBits = 4): MxintCodes {
  const bs = Math.min(blockSize, cols);
  const bpr = Math.ceil(cols / bs);
  const zero = 1 << (elementBits - 1);
  const qpos = zero - 1;
  const qmax = (1 << elementBits) - 1;
  const levels = new Uint8Array(rows * cols);
  const scales = new Float32Array(rows * bpr);
  const zeros = new Int16Array(rows * bpr).fill(zero);
  const exponents = new Int16Array(rows * bpr);
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < bpr; b++) {
      const start = r * cols + b * bs;
      const n = Math.min(bs, cols - b * bs);
      let amax = 0;
      for (let i = 0; i < n; i++) amax = Math.max(amax, Math.abs(w[start + i]!));
      let e = amax > 0 ? Math.ceil(Math.log2(amax / qpos)) : -127;
      while (e < 127 && amax / 2 ** e > qpos) e++;
      e = Math.max(-127, Math.min(127, e));
      const s = 2 ** e;
      exponents[r * bpr + b] = e;
      scales[r * bpr + b] = s;
      for (let i = 0; i < n; i++) {
        let u = Math.round(w[start + i]! / s) + zero;
        if (u < 0) u = 0; else if (u > qmax) u = qmax;
        levels[start + i] = u;
      }
    }
  }
  return { bits: elementBits, levels, scales, zeros, exponents, rows, cols, blockSize: bs };
}

/** Dequantize MXINT codes. */
export function dequantizeMxint(q: MxintCodes): Float32Array {
  const out = new Float32Array(q.rows * q.cols);
  const bpr = Math.ceil(q.cols / q.blockSize);
  for (let r = 0; r < q.rows; r++) {
    for (let c = 0; c < q.cols; c++) {
      const b = r * bpr + Math.floor(c / q.blockSize);
      const i = r * q.cols + c;
      out[i] = (q.levels[i]! - q.zeros[b]!) * q.scales[b]!;
    }
  }
  return out;
}
