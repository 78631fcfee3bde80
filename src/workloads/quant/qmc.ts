/**
 * QMC value-level quantizer (qmc-paper.md §2): per tensor the top round(ρ·n) weights by magnitude
 * are outliers, quantized per output channel to `outlierBits` with the MSE-optimal scale (grid
 * search) → MRAM; the rest to `inlierBits` with the noise-aware scale search minimising
 * ||W_in − Q(W_in;s)||² + |W_in|·(p₋+p₊)·Δ(s)² → MLC ReRAM.
 */
import type { ScaleGrid, UniformCodes } from './uniform.js';
import { encodeGroup, searchScale } from './uniform.js';
import { outlierCount, selectOutliers } from './outliers.js';

export interface QmcOptions {
  readonly rho: number;
  readonly inlierBits: number;
  readonly outlierBits: number;
  readonly symmetric: boolean;
  readonly grid: ScaleGrid;
  readonly pMinus: number;
  readonly pPlus: number;
}

/** QMC codes of a [rows, cols] matrix. Scales and zeros are per row for both parts. */
export interface QmcCodes {
  readonly rows: number;
  readonly cols: number;
  /** Flat indices of the outliers, ascending. */
  readonly outlierIndex: Uint32Array;
  /** Outlier levels in outlierIndex order. */
  readonly outliers: UniformCodes;
  /** Inlier levels in flat order of the non-outlier positions. */
  readonly inliers: UniformCodes;
}

/** Quantize a row-major [rows, cols] matrix with QMC. */
export function quantizeQmc(w: Float32Array, rows: number, cols: number, o: QmcOptions): QmcCodes {
  const n = rows * cols;
  const k = outlierCount(n, o.rho);
  const outlierIndex = selectOutliers(w, k);
  const isOut = new Uint8Array(n);
  for (let j = 0; j < k; j++) isOut[outlierIndex[j]!] = 1;
  const inL = new Uint8Array(n - k);
  const outL = new Uint8Array(k);
  const inS = new Float32Array(rows);
  const outS = new Float32Array(rows);
  const inZ = new Int16Array(rows);
  const outZ = new Int16Array(rows);
  const bufIn = new Float32Array(cols);
  const bufOut = new Float32Array(cols);
  const pSum = o.pMinus + o.pPlus;
  let pi = 0;
  let po = 0;
  for (let r = 0; r < rows; r++) {
    let ni = 0;
    let no = 0;
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (isOut[i]) bufOut[no++] = w[i]!; else bufIn[ni++] = w[i]!;
    }
    const ci = searchScale(bufIn, ni, o.inlierBits, o.symmetric, o.grid, pSum);
    const co = searchScale(bufOut, no, o.outlierBits, o.symmetric, o.grid, 0);
    inS[r] = ci.scale; inZ[r] = ci.zero;
    outS[r] = co.scale; outZ[r] = co.zero;
    encodeGroup(bufIn, ni, inS[r]!, ci.zero, o.inlierBits, inL, pi);
    encodeGroup(bufOut, no, outS[r]!, co.zero, o.outlierBits, outL, po);
    pi += ni;
    po += no;
  }
  return {
    rows, cols, outlierIndex,
    outliers: { bits: o.outlierBits, levels: outL, scales: outS, zeros: outZ },
    inliers: { bits: o.inlierBits, levels: inL, scales: inS, zeros: inZ },
  };
}

/** Dequantize QMC codes. */
export function dequantizeQmc(q: QmcCodes): Float32Array {
  const n = q.rows * q.cols;
  const out = new Float32Array(n);
  let pi = 0;
  let po = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / q.cols);
    if (po < q.outlierIndex.length && q.outlierIndex[po] === i) {
      out[i] = (q.outliers.levels[po++]! - q.outliers.zeros[r]!) * q.outliers.scales[r]!;
    } else {
      out[i] = (q.inliers.levels[pi++]! - q.inliers.zeros[r]!) * q.inliers.scales[r]!;
    }
  }
  return out;
}
