/**
 * Noise injection into quantized codes (nvmFI/msxFI-style error maps): each stored cell is read
 * through its level-confusion row; changed cell bits land in the values they belong to under the
 * encoding. Deterministic per (seed, path) via rngFor; exact geometric skip-ahead over cells with
 * thinning by the per-level fault probability, so cost is O(codes scan + errors) draws.
 */
import { rngFor, type Rng } from '../../engine/rng.js';
import { geometricGap } from './sampling.js';
import { levelFaultRates, type ConfusionMatrix } from './confusion.js';
import {
  codeRange, codeToPattern, levelToPattern, patternToCode, patternToLevel, popcount, valueLayout,
  type CellEncoding, type ValueCoding, type ValueLayout,
} from './cell-encoding.js';
import { modelConfusion, type NoiseModelSpec } from './models.js';
import { stepProbabilities, type ValueModel } from './value-stats.js';

export type CodeArray = Int32Array | Int16Array | Int8Array | Uint16Array | Uint8Array;

export interface InjectOptions<C extends CodeArray> {
  /** Quantized values (not modified). */
  readonly codes: C;
  readonly bitsPerValue: number;
  readonly encoding: CellEncoding;
  readonly model: NoiseModelSpec;
  readonly seed: number | string;
  /** Component/tensor path naming the random stream, e.g. 'soc.memory.reram/layers.3.mlp.up'. */
  readonly path: string;
  /** Default: 'unsigned' for Uint8/Uint16 arrays, 'offset-binary' for signed arrays. */
  readonly valueCoding?: ValueCoding;
  /** Default 'cells' (exact cell errors); 'qmc-step' = QMC's ±1-code model. */
  readonly valueModel?: ValueModel;
}

/** Values that changed: index into `codes` (ascending) and Δ = read − stored, in code units. */
export interface ErrorMap {
  readonly index: Uint32Array;
  readonly delta: Int32Array;
}

export interface InjectResult<C extends CodeArray> {
  /** Corrupted copy of the codes. */
  readonly codes: C;
  readonly errorMap: ErrorMap;
  /** Cells read at a wrong level ('qmc-step': values moved). */
  readonly cellErrors: number;
  /** Stored bits that changed. */
  readonly bitErrors: number;
}

function defaultCoding(codes: CodeArray): ValueCoding {
  return codes instanceof Uint8Array || codes instanceof Uint16Array ? 'unsigned' : 'offset-binary';
}

/** Corrupt `codes` with `model` under `encoding`; zero noise returns an identical copy and empty map. */
export function injectNoise<C extends CodeArray>(o: InjectOptions<C>): InjectResult<C> {
  const bv = o.bitsPerValue;
  const coding = o.valueCoding ?? defaultCoding(o.codes);
  const lay = valueLayout(bv, o.encoding);
  const { min, max } = codeRange(bv, coding);
  const n = o.codes.length;
  for (let i = 0; i < n; i++) {
    const v = o.codes[i] ?? 0;
    if (v < min || v > max) {
      throw new RangeError(`codes[${i}] = ${v} is outside the ${bv}-bit ${coding} range ${min}..${max}`);
    }
  }
  const cm = modelConfusion(o.model, lay.bitsPerCell, o.encoding.levelCoding);
  const rng = rngFor(o.seed, o.path);
  const changed = new Map<number, number>(); // value index → corrupted pattern
  const counts = (o.valueModel ?? 'cells') === 'qmc-step'
    ? injectSteps(o.codes, bv, coding, min, lay, cm, rng, changed)
    : injectCells(o.codes, bv, coding, o.encoding, lay, cm, rng, changed);
  const out = o.codes.slice() as C;
  const idx = [...changed.keys()].sort((a, b) => a - b);
  const index: number[] = [];
  const delta: number[] = [];
  for (const i of idx) {
    const now = patternToCode(changed.get(i) ?? 0, bv, coding);
    const was = o.codes[i] ?? 0;
    if (now === was) continue;
    out[i] = now;
    index.push(i);
    delta.push(now - was);
  }
  return { codes: out, errorMap: { index: Uint32Array.from(index), delta: Int32Array.from(delta) },
    cellErrors: counts.cellErrors, bitErrors: counts.bitErrors };
}

interface Counts { cellErrors: number; bitErrors: number }

function injectCells(codes: CodeArray, bv: number, coding: ValueCoding, enc: CellEncoding, lay: ValueLayout,
  cm: ConfusionMatrix, rng: Rng, changed: Map<number, number>): Counts {
  const L = cm.levels;
  const bc = lay.bitsPerCell;
  const g = lay.valuesPerGroup;
  const { down, up } = levelFaultRates(cm);
  const fault = new Float64Array(L);
  let pMax = 0;
  for (let i = 0; i < L; i++) {
    fault[i] = (down[i] ?? 0) + (up[i] ?? 0);
    pMax = Math.max(pMax, fault[i] ?? 0);
  }
  const counts: Counts = { cellErrors: 0, bitErrors: 0 };
  if (!(pMax > 0) || codes.length === 0) return counts;
  const n = codes.length;
  const groups = Math.ceil(n / g);
  const totalCells = groups * lay.cellsPerGroup;
  const pattern = (i: number): number => (i < n ? (changed.get(i) ?? codeToPattern(codes[i] ?? 0, bv, coding)) : 0);
  const logQ = Math.log1p(-Math.min(pMax, 1));
  let pos = -1;
  for (;;) {
    pos += 1 + (pMax >= 1 ? 0 : geometricGap(logQ, rng));
    if (pos >= totalCells) break;
    const base = Math.floor(pos / lay.cellsPerGroup) * g;
    const c = pos % lay.cellsPerGroup;
    // Cells holding only padding (past the last value) do not exist.
    let real = false;
    let pat = 0;
    for (let i = 0; i < bc; i++) {
      const q = c * bc + i;
      const vi = base + (lay.slotValue[q] ?? 0);
      if (vi < n) real = true;
      pat = (pat << 1) | ((pattern(vi) >>> (lay.slotBit[q] ?? 0)) & 1);
    }
    if (!real) continue;
    const li = patternToLevel(pat, enc.levelCoding);
    const pf = fault[li] ?? 0;
    if (pf < pMax && rng.next() * pMax >= pf) continue;
    // Choose the wrong level j ≠ li in proportion to P(j | li).
    let u = rng.next() * pf;
    let lj = li;
    for (let j = 0; j < L; j++) {
      if (j === li) continue;
      lj = j;
      u -= cm.p[li * L + j] ?? 0;
      if (u < 0) break;
    }
    const flip = pat ^ levelToPattern(lj, enc.levelCoding);
    counts.cellErrors++;
    for (let i = 0; i < bc; i++) {
      if (((flip >>> (bc - 1 - i)) & 1) === 0) continue;
      const q = c * bc + i;
      const vi = base + (lay.slotValue[q] ?? 0);
      if (vi >= n) continue;
      changed.set(vi, pattern(vi) ^ (1 << (lay.slotBit[q] ?? 0)));
      counts.bitErrors++;
    }
  }
  return counts;
}

function injectSteps(codes: CodeArray, bv: number, coding: ValueCoding, min: number, lay: ValueLayout,
  cm: ConfusionMatrix, rng: Rng, changed: Map<number, number>): Counts {
  const { down, up } = stepProbabilities(cm, bv, lay);
  let pMax = 0;
  for (let r = 0; r < down.length; r++) pMax = Math.max(pMax, (down[r] ?? 0) + (up[r] ?? 0));
  const counts: Counts = { cellErrors: 0, bitErrors: 0 };
  if (!(pMax > 0)) return counts;
  const logQ = Math.log1p(-Math.min(pMax, 1));
  const n = codes.length;
  let pos = -1;
  for (;;) {
    pos += 1 + (pMax >= 1 ? 0 : geometricGap(logQ, rng));
    if (pos >= n) break;
    const v = codes[pos] ?? 0;
    const r = v - min;
    const d = down[r] ?? 0;
    const pm = d + (up[r] ?? 0);
    const u = rng.next() * pMax;
    if (u >= pm) continue;
    const nv = u < d ? v - 1 : v + 1;
    const a = codeToPattern(v, bv, coding);
    const b = codeToPattern(nv, bv, coding);
    changed.set(pos, b);
    counts.cellErrors++;
    counts.bitErrors += popcount(a ^ b);
  }
  return counts;
}
