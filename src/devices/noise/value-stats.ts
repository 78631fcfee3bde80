/**
 * Analytic value-error statistics of stored quantized codes under a cell noise model and encoding:
 * exact distribution of the code error Δ (read − stored) for i.i.d. values (uniform or a given
 * histogram), by per-cell contributions convolved over the cells holding a value's bits. Also QMC's
 * ±1-step value model (qmc-paper.md §2) and its per-value step probabilities.
 */
import { levelFaultRates, normaliseOccupancy, type ConfusionMatrix } from './confusion.js';
import {
  bitWeight, codeRange, levelToPattern, patternToLevel, popcount, valueLayout,
  type CellEncoding, type ValueCoding, type ValueLayout,
} from './cell-encoding.js';
import { modelConfusion, type NoiseModelSpec } from './models.js';

/** 'cells': exact cell-level errors through the encoding; 'qmc-step': each value moves −1/0/+1 code. */
export type ValueModel = 'cells' | 'qmc-step';

/**
 * Per-value step probabilities of QMC's model, indexed by rank r = code − min. When a value fills
 * exactly one cell, rank r is stored as level r and moves down/up with that level's p₋/p₊; otherwise
 * every value moves with cellsPerValue × the level-averaged p₋/p₊. No move beyond the code range.
 */
export function stepProbabilities(cm: ConfusionMatrix, bitsPerValue: number, lay: ValueLayout):
  { down: Float64Array; up: Float64Array } {
  const n = 2 ** bitsPerValue;
  const { down: ld, up: lu } = levelFaultRates(cm);
  const down = new Float64Array(n);
  const up = new Float64Array(n);
  const same = lay.bitsPerCell === bitsPerValue;
  let md = 0;
  let mu = 0;
  for (let i = 0; i < cm.levels; i++) {
    md += (ld[i] ?? 0) / cm.levels;
    mu += (lu[i] ?? 0) / cm.levels;
  }
  for (let r = 0; r < n; r++) {
    const d = r === 0 ? 0 : same ? (ld[r] ?? 0) : Math.min(1, lay.cellsPerValue * md);
    const u = r === n - 1 ? 0 : same ? (lu[r] ?? 0) : Math.min(1, lay.cellsPerValue * mu);
    const s = d + u > 1 ? 1 / (d + u) : 1;
    down[r] = d * s;
    up[r] = u * s;
  }
  return { down, up };
}

export interface ValueErrorStatsOptions {
  readonly bitsPerValue: number;
  readonly encoding: CellEncoding;
  readonly model: NoiseModelSpec;
  /** Default 'offset-binary' (same as injectNoise for signed arrays). */
  readonly valueCoding?: ValueCoding;
  /** Default 'cells'. */
  readonly valueModel?: ValueModel;
  /** Frequency of each code by rank (code − min), length 2^bitsPerValue; uniform by default. */
  readonly valueHistogram?: readonly number[];
}

export interface ValueErrorStats {
  /** Mean probability that a cell reads a wrong level ('qmc-step': probability a value moves). */
  readonly cellErrorProbability: number;
  /** Expected flipped bits per stored value. */
  readonly bitErrorsPerValue: number;
  /** P(read code ≠ stored code). */
  readonly valueErrorProbability: number;
  /** E[Δ], E[|Δ|], E[Δ²] in code units (multiply by the quantization step s, s² for weights). */
  readonly meanDelta: number;
  readonly meanAbsDelta: number;
  readonly meanSquaredDelta: number;
  /** P(Δ = d) for every reachable d (sorted by d). */
  readonly deltaDistribution: ReadonlyArray<readonly [number, number]>;
}

type Dist = Map<number, number>;

function convolve(a: Dist, b: Dist): Dist {
  const out: Dist = new Map();
  for (const [da, pa] of a) for (const [db, pb] of b) out.set(da + db, (out.get(da + db) ?? 0) + pa * pb);
  return out;
}

function summarise(dist: Dist, cellErr: number, bitErr: number): ValueErrorStats {
  let mean = 0, abs = 0, sq = 0;
  for (const [d, p] of dist) {
    mean += d * p;
    abs += Math.abs(d) * p;
    sq += d * d * p;
  }
  let pErr = 0;
  for (const [d, p] of dist) if (d !== 0) pErr += p;
  const deltaDistribution = [...dist.entries()].filter(([, p]) => p > 0).sort((x, y) => x[0] - y[0]);
  return { cellErrorProbability: cellErr, bitErrorsPerValue: bitErr, valueErrorProbability: pErr,
    meanDelta: mean, meanAbsDelta: abs, meanSquaredDelta: sq, deltaDistribution };
}

/** Analytic expectation of the value errors `injectNoise` produces for the same inputs. */
export function expectedValueErrorStats(o: ValueErrorStatsOptions): ValueErrorStats {
  const bv = o.bitsPerValue;
  if (bv > 16) throw new RangeError(`expectedValueErrorStats: bitsPerValue must be ≤ 16, found ${bv}`);
  const coding = o.valueCoding ?? 'offset-binary';
  const lay = valueLayout(bv, o.encoding);
  const cm = modelConfusion(o.model, lay.bitsPerCell, o.encoding.levelCoding);
  const nCodes = 2 ** bv;
  const hist = normaliseOccupancy(nCodes, o.valueHistogram);
  const { min } = codeRange(bv, coding);
  // Histogram by stored bit pattern.
  const byPattern = new Float64Array(nCodes);
  for (let r = 0; r < nCodes; r++) {
    const code = min + r;
    const pat = coding === 'twos-complement' ? (code < 0 ? code + nCodes : code) : r;
    byPattern[pat] = hist[r] ?? 0;
  }
  if ((o.valueModel ?? 'cells') === 'qmc-step') {
    const { down, up } = stepProbabilities(cm, bv, lay);
    const dist: Dist = new Map();
    let move = 0, bits = 0;
    for (let r = 0; r < nCodes; r++) {
      const w = hist[r] ?? 0;
      const d = (down[r] ?? 0) * w;
      const u = (up[r] ?? 0) * w;
      dist.set(-1, (dist.get(-1) ?? 0) + d);
      dist.set(1, (dist.get(1) ?? 0) + u);
      dist.set(0, (dist.get(0) ?? 0) + w - d - u);
      move += d + u;
      const pat = (rr: number): number => (coding === 'twos-complement' ? (min + rr < 0 ? min + rr + nCodes : min + rr) : rr);
      if (r > 0) bits += d * popcount(pat(r) ^ pat(r - 1));
      if (r < nCodes - 1) bits += u * popcount(pat(r) ^ pat(r + 1));
    }
    return summarise(dist, move, bits);
  }
  return cellStats(o.encoding, lay, cm, byPattern, coding);
}

function cellStats(enc: CellEncoding, lay: ValueLayout, cm: ConfusionMatrix, byPattern: Float64Array,
  coding: ValueCoding): ValueErrorStats {
  const bv = lay.bitsPerValue;
  const bc = lay.bitsPerCell;
  const L = cm.levels;
  const g = lay.valuesPerGroup;
  const nCodes = 2 ** bv;
  // Marginal probability that value bits {b_s} take given values: sum over matching patterns.
  const marginal = (bitsIdx: number[], bitsVal: number[]): number => {
    let s = 0;
    for (let u = 0; u < nCodes; u++) {
      let ok = true;
      for (let t = 0; t < bitsIdx.length && ok; t++) ok = ((u >>> (bitsIdx[t] ?? 0)) & 1) === bitsVal[t];
      if (ok) s += byPattern[u] ?? 0;
    }
    return s;
  };
  const total: Dist = new Map();
  let bitErr = 0;
  for (let k = 0; k < g; k++) {
    const cells: number[] = [];
    for (let c = 0; c < lay.cellsPerGroup; c++) {
      for (let i = 0; i < bc; i++) if (lay.slotValue[c * bc + i] === k) { cells.push(c); break; }
    }
    for (let u = 0; u < nCodes; u++) {
      const wu = byPattern[u] ?? 0;
      if (wu === 0) continue;
      let dist: Dist = new Map([[0, 1]]);
      for (const c of cells) {
        const others: number[] = [];
        for (let i = 0; i < bc; i++) if (lay.slotValue[c * bc + i] !== k) others.push(i);
        const cd: Dist = new Map();
        for (let a = 0; a < 2 ** others.length; a++) {
          // Build the cell pattern: k's bits from u, the others from assignment a.
          let pat = 0;
          const byValue = new Map<number, { idx: number[]; val: number[] }>();
          for (let i = 0; i < bc; i++) {
            const q = c * bc + i;
            const m = lay.slotValue[q] ?? 0;
            const bit = lay.slotBit[q] ?? 0;
            let v: number;
            if (m === k) v = (u >>> bit) & 1;
            else {
              v = (a >>> others.indexOf(i)) & 1;
              const e = byValue.get(m) ?? { idx: [], val: [] };
              e.idx.push(bit);
              e.val.push(v);
              byValue.set(m, e);
            }
            pat = (pat << 1) | v;
          }
          let pa = 1;
          for (const e of byValue.values()) pa *= marginal(e.idx, e.val);
          if (pa === 0) continue;
          const li = patternToLevel(pat, enc.levelCoding);
          for (let j = 0; j < L; j++) {
            const pj = cm.p[li * L + j] ?? 0;
            if (pj === 0) continue;
            const flip = pat ^ levelToPattern(j, enc.levelCoding);
            let d = 0;
            for (let i = 0; i < bc; i++) {
              const q = c * bc + i;
              if (lay.slotValue[q] !== k || ((flip >>> (bc - 1 - i)) & 1) === 0) continue;
              const bit = lay.slotBit[q] ?? 0;
              const was = (u >>> bit) & 1;
              d += (was === 1 ? -1 : 1) * bitWeight(bit, bv, coding);
              bitErr += (wu * pa * pj) / g;
            }
            cd.set(d, (cd.get(d) ?? 0) + pa * pj);
          }
        }
        dist = convolve(dist, cd);
      }
      for (const [d, p] of dist) total.set(d, (total.get(d) ?? 0) + (wu * p) / g);
    }
  }
  const perCell = meanCellFault(lay, cm, enc, byPattern);
  return summarise(total, perCell, bitErr);
}

/** Mean per-cell fault probability with cell levels induced by i.i.d. values. */
function meanCellFault(lay: ValueLayout, cm: ConfusionMatrix, enc: CellEncoding, byPattern: Float64Array): number {
  const bc = lay.bitsPerCell;
  const faults = levelFaultRates(cm);
  const nCodes = byPattern.length;
  let s = 0;
  for (let c = 0; c < lay.cellsPerGroup; c++) {
    // Cell level distribution: bits of the cell come from distinct values or from one value.
    let dist: Dist = new Map([[0, 1]]);
    const values = new Set<number>();
    for (let i = 0; i < bc; i++) values.add(lay.slotValue[c * bc + i] ?? 0);
    for (const m of values) {
      const part: Dist = new Map();
      for (let u = 0; u < nCodes; u++) {
        let contrib = 0;
        for (let i = 0; i < bc; i++) {
          const q = c * bc + i;
          if (lay.slotValue[q] === m) contrib |= ((u >>> (lay.slotBit[q] ?? 0)) & 1) << (bc - 1 - i);
        }
        part.set(contrib, (part.get(contrib) ?? 0) + (byPattern[u] ?? 0));
      }
      const next: Dist = new Map();
      for (const [x, px] of dist) for (const [y, py] of part) next.set(x | y, (next.get(x | y) ?? 0) + px * py);
      dist = next;
    }
    for (const [pat, p] of dist) {
      const l = patternToLevel(pat, enc.levelCoding);
      s += p * ((faults.down[l] ?? 0) + (faults.up[l] ?? 0));
    }
  }
  return s / lay.cellsPerGroup;
}
