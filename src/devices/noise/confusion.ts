/**
 * Level-confusion matrices for multi-level cells: P(read level j | stored level i), row-major.
 * Holds the QMC direct form (each level moves one level down/up with p₋/p₊; qmc-paper.md §2) and
 * the stuck-at-fault overlay (cells stuck at the lowest/highest level; MNSIM `Device_SAF` style).
 */

/** P(read j | stored i) for a cell with `levels` levels; `p[i * levels + j]`. Rows sum to 1. */
export interface ConfusionMatrix {
  readonly levels: number;
  readonly p: Float64Array;
}

/** Per-level probability of reading any lower level (down) or any higher level (up). */
export interface LevelFaultRates {
  readonly down: Float64Array;
  readonly up: Float64Array;
}

/** QMC's direct form: per level, probability of reading one level lower (p₋) and one higher (p₊). */
export interface LevelStepParams {
  readonly levels: number;
  /** p₋ per level (length `levels`) or one value for every level. Level 0 cannot move down. */
  readonly pDown: number | readonly number[];
  /** p₊ per level (length `levels`) or one value for every level. The top level cannot move up. */
  readonly pUp: number | readonly number[];
}

/** Stuck-at faults: fraction of cells stuck at the lowest (SA0) or highest (SA1) level. */
export interface StuckAtParams {
  readonly sa0: number;
  readonly sa1: number;
}

function perLevel(v: number | readonly number[], levels: number, name: string): number[] {
  if (typeof v === 'number') return new Array<number>(levels).fill(v);
  if (v.length !== levels) {
    throw new RangeError(`${name}: expected ${levels} per-level values, found ${v.length}`);
  }
  return [...v];
}

function checkProb(p: number, name: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name}: expected a probability in [0, 1], found ${p}`);
}

/** Confusion matrix of QMC's direct ±1-level model. Boundary moves (below 0, above top) are 0. */
export function levelStepConfusion(params: LevelStepParams): ConfusionMatrix {
  const L = params.levels;
  if (!Number.isInteger(L) || L < 2) throw new RangeError(`levels: expected an integer ≥ 2, found ${L}`);
  const down = perLevel(params.pDown, L, 'pDown');
  const up = perLevel(params.pUp, L, 'pUp');
  const p = new Float64Array(L * L);
  for (let i = 0; i < L; i++) {
    const d = i > 0 ? (down[i] ?? 0) : 0;
    const u = i < L - 1 ? (up[i] ?? 0) : 0;
    checkProb(d, `pDown[${i}]`);
    checkProb(u, `pUp[${i}]`);
    if (d + u > 1) throw new RangeError(`level ${i}: pDown + pUp = ${d + u} exceeds 1`);
    if (i > 0) p[i * L + i - 1] = d;
    if (i < L - 1) p[i * L + i + 1] = u;
    p[i * L + i] = 1 - d - u;
  }
  return { levels: L, p };
}

/** Overlay stuck-at faults: P' = (1 − sa0 − sa1)·P + sa0·[j = 0] + sa1·[j = L − 1]. */
export function withStuckAt(cm: ConfusionMatrix, sa: StuckAtParams): ConfusionMatrix {
  checkProb(sa.sa0, 'sa0');
  checkProb(sa.sa1, 'sa1');
  if (sa.sa0 + sa.sa1 > 1) throw new RangeError(`sa0 + sa1 = ${sa.sa0 + sa.sa1} exceeds 1`);
  if (sa.sa0 === 0 && sa.sa1 === 0) return cm;
  const L = cm.levels;
  const keep = 1 - sa.sa0 - sa.sa1;
  const p = new Float64Array(L * L);
  for (let k = 0; k < L * L; k++) p[k] = keep * (cm.p[k] ?? 0);
  for (let i = 0; i < L; i++) {
    p[i * L] = (p[i * L] ?? 0) + sa.sa0;
    p[i * L + L - 1] = (p[i * L + L - 1] ?? 0) + sa.sa1;
  }
  return { levels: L, p };
}

/** Probability that level i is read as a lower / higher level. */
export function levelFaultRates(cm: ConfusionMatrix): LevelFaultRates {
  const L = cm.levels;
  const down = new Float64Array(L);
  const up = new Float64Array(L);
  for (let i = 0; i < L; i++) {
    let d = 0;
    let u = 0;
    for (let j = 0; j < i; j++) d += cm.p[i * L + j] ?? 0;
    for (let j = i + 1; j < L; j++) u += cm.p[i * L + j] ?? 0;
    down[i] = d;
    up[i] = u;
  }
  return { down, up };
}

/** Normalised level occupancy: uniform when `occupancy` is undefined. */
export function normaliseOccupancy(levels: number, occupancy?: ArrayLike<number>): Float64Array {
  const w = new Float64Array(levels);
  if (occupancy === undefined) return w.fill(1 / levels);
  if (occupancy.length !== levels) {
    throw new RangeError(`occupancy: expected ${levels} weights, found ${occupancy.length}`);
  }
  let s = 0;
  for (let i = 0; i < levels; i++) {
    const v = occupancy[i] ?? 0;
    if (!(v >= 0)) throw new RangeError(`occupancy[${i}]: expected a weight ≥ 0, found ${v}`);
    s += v;
  }
  if (!(s > 0)) throw new RangeError('occupancy: weights sum to 0');
  for (let i = 0; i < levels; i++) w[i] = (occupancy[i] ?? 0) / s;
  return w;
}

/** Mean per-cell fault probability Σ_i π_i (1 − P(i|i)); uniform occupancy by default. */
export function meanCellFaultProbability(cm: ConfusionMatrix, occupancy?: ArrayLike<number>): number {
  const { down, up } = levelFaultRates(cm);
  const w = normaliseOccupancy(cm.levels, occupancy);
  let s = 0;
  for (let i = 0; i < cm.levels; i++) s += (w[i] ?? 0) * ((down[i] ?? 0) + (up[i] ?? 0));
  return s;
}

/** Largest |row sum − 1| (for checks). */
export function rowSumError(cm: ConfusionMatrix): number {
  const L = cm.levels;
  let worst = 0;
  for (let i = 0; i < L; i++) {
    let s = 0;
    for (let j = 0; j < L; j++) s += cm.p[i * L + j] ?? 0;
    worst = Math.max(worst, Math.abs(s - 1));
  }
  return worst;
}
