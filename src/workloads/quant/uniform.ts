/**
 * Uniform (affine) integer quantization of a group of values with a grid search over the scale.
 * Objective (qmc-paper.md §2): ||w − Q(w;s)||² + n·(p₋+p₊)·Δ(s)², Δ(s) = s; with p = 0 it is the
 * plain MSE search, and with a one-point grid at f = 1 it is round-to-nearest with an absmax scale.
 * Values are stored as levels u ∈ [0, 2^bits − 1] and decode to (u − zero)·scale.
 */

/** Stored codes of uniformly quantized values; one scale and zero per group. */
export interface UniformCodes {
  readonly bits: number;
  /** One level per quantized element, in element order. */
  readonly levels: Uint8Array;
  readonly scales: Float32Array;
  readonly zeros: Int16Array;
}

/** Candidate scales: base × f for `steps` values of f evenly spaced in [from, to]. */
export interface ScaleGrid {
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

/** The single-point grid of plain round-to-nearest (absmax / min-max scale). */
export const RTN_GRID: ScaleGrid = { from: 1, to: 1, steps: 1 };

/** Scale chosen for one group. */
export interface ScaleChoice {
  readonly scale: number;
  readonly zero: number;
  /** ||w − Q(w;s)||² at the chosen scale. */
  readonly sqError: number;
  /** sqError + n·pSum·s². */
  readonly objective: number;
}

/** Zero level of a symmetric b-bit code (levels [0, 2^b−1] ↔ codes [−2^(b−1), 2^(b−1)−1]). */
export function symmetricZero(bits: number): number {
  return 1 << (bits - 1);
}

/** Squared error of quantizing g[0..n) with (scale, zero). */
export function sqErrorAt(g: Float32Array, n: number, scale: number, zero: number, bits: number): number {
  if (!(scale > 0)) {
    // Scale 0 (an all-zero group): every value encodes to `zero` and decodes to 0 (1/0 made it NaN).
    let e0 = 0;
    for (let i = 0; i < n; i++) e0 += g[i]! * g[i]!;
    return e0;
  }
  // Work in code units: clamp bounds relative to zero, one multiply per element (hot loop).
  const lo = -zero;
  const hi = (1 << bits) - 1 - zero;
  const inv = 1 / scale;
  let e = 0;
  for (let i = 0; i < n; i++) {
    const x = g[i]! * inv;
    let c = Math.floor(x + 0.5);
    c = c < lo ? lo : c > hi ? hi : c;
    const d = x - c;
    e += d * d;
  }
  return e * scale * scale;
}

/** The QMC inlier objective ||w − Q(w;s)||² + n·pSum·s² for a given scale. */
export function noiseAwareObjective(g: Float32Array, n: number, scale: number, zero: number, bits: number, pSum: number): number {
  return sqErrorAt(g, n, scale, zero, bits) + n * pSum * scale * scale;
}

function zeroFor(min: number, scale: number, bits: number, symmetric: boolean): number {
  if (symmetric) return symmetricZero(bits);
  const z = Math.round(-min / scale);
  return Math.min((1 << bits) - 1, Math.max(0, z));
}

/**
 * Grid search of the scale for g[0..n): minimises sqError + n·pSum·s² over the grid (first minimum
 * wins, so ties are deterministic). Symmetric base = max|w| / (2^(b−1) − 1); asymmetric base =
 * (max − min)/(2^b − 1) with zero = round(−min/s).
 */
export function searchScale(g: Float32Array, n: number, bits: number, symmetric: boolean, grid: ScaleGrid, pSum = 0): ScaleChoice {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = g[i]!;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  if (n === 0) return { scale: 1, zero: symmetric ? symmetricZero(bits) : 0, sqError: 0, objective: 0 };
  const base = symmetric
    ? Math.max(Math.abs(min), Math.abs(max)) / Math.max(1, symmetricZero(bits) - 1)
    : (Math.max(max, 0) - Math.min(min, 0)) / ((1 << bits) - 1);
  if (!(base > 0)) {
    // All zeros: every grid scale is base·f = 0, which also minimises n·pSum·s², so a flipped code
    // of this group still decodes to 0 (a scale of 1 turned one flip into an error of ±1 or more).
    return { scale: 0, zero: zeroFor(0, 1, bits, symmetric), sqError: 0, objective: 0 };
  }
  let best: ScaleChoice | undefined;
  for (let k = 0; k < grid.steps; k++) {
    const f = grid.steps === 1 ? grid.to : grid.from + ((grid.to - grid.from) * k) / (grid.steps - 1);
    const s = base * f;
    const z = zeroFor(Math.min(min, 0), s, bits, symmetric);
    const sq = sqErrorAt(g, n, s, z, bits);
    const obj = sq + n * pSum * s * s;
    if (!best || obj < best.objective) best = { scale: s, zero: z, sqError: sq, objective: obj };
  }
  return best!;
}

/** Encode g[0..n) with (scale, zero) into levels[offset..offset+n). */
export function encodeGroup(g: Float32Array, n: number, scale: number, zero: number, bits: number, levels: Uint8Array, offset: number): void {
  const qmax = (1 << bits) - 1;
  const inv = scale > 0 ? 1 / scale : 0; // scale 0: an all-zero group, every value encodes to `zero`
  for (let i = 0; i < n; i++) {
    let u = Math.floor(g[i]! * inv + 0.5) + zero;
    if (u < 0) u = 0; else if (u > qmax) u = qmax;
    levels[offset + i] = u;
  }
}

/** Value of one level. */
export function decodeLevel(level: number, scale: number, zero: number): number {
  return (level - zero) * scale;
}
