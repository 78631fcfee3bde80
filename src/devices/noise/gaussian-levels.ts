/**
 * MLC ReRAM levels as Gaussians on normalised conductance (NVMExplorer nvmFI model, qmc-paper.md §6):
 * read thresholds where adjacent densities cross, analytic level-confusion matrix. Optional terms:
 * programming and read noise (added in quadrature), power-law conductance drift G(t) = G0·(t/t0)^−ν
 * with ν spread (aihwkit PCM-style statistical model; ReRAM ν values are estimates), stuck-at faults.
 */
import { normalCdf, normalSf } from './erf.js';
import { withStuckAt, type ConfusionMatrix, type StuckAtParams } from './confusion.js';

/** Level means and standard deviations on normalised conductance (0 = HRS, 1 = LRS). */
export interface LevelSet {
  readonly means: readonly number[];
  readonly sigmas: readonly number[];
}

/** Power-law drift of conductance with time since programming (aihwkit-style). */
export interface DriftParams {
  /** Drift exponent ν (dimensionless). 0 = no drift. */
  readonly nu: number;
  /** Device-to-device spread of ν (standard deviation); widens each level by G·ln(t/t0)·σ_ν. */
  readonly nuSigma?: number;
  /** Reference time t0 after programming, in seconds (aihwkit uses 20 s). */
  readonly t0Seconds: number;
  /** Time since programming at which the cells are read, in seconds. */
  readonly timeSeconds: number;
  /** Re-place read thresholds for the drifted distributions (ideal drift compensation). Default false. */
  readonly thresholdsTrackDrift?: boolean;
}

/** Full parameter set of the Gaussian-level MLC model. */
export interface GaussianLevelParams extends LevelSet {
  /** Multiplies every level σ (a sweep knob). Default 1. */
  readonly levelSpreadScale?: number;
  /** Extra programming noise σ (normalised conductance), added in quadrature. Default 0. */
  readonly programSigma?: number;
  /** Per-read noise σ (normalised conductance), added in quadrature. Default 0. */
  readonly readSigma?: number;
  readonly drift?: DriftParams;
  readonly stuckAt?: StuckAtParams;
}

/** NVMExplorer 2-bit level set (qmc-paper.md §6, from NVMExplorer nvmFI). */
export const NVMEXPLORER_2BIT: LevelSet = {
  means: [0, 0.3846, 0.7217, 1.0],
  sigmas: [0.00865, 0.03351, 0.02742, 0.0034],
};

/** NVMExplorer 3-bit level set (qmc-paper.md §6, from NVMExplorer nvmFI). */
export const NVMEXPLORER_3BIT: LevelSet = {
  means: [0, 0.0783, 0.2038, 0.3846, 0.5421, 0.7217, 0.8861, 1.0],
  sigmas: [0.00865, 0.01346, 0.03042, 0.03351, 0.02483, 0.02742, 0.03719, 0.0034],
};

/** A read threshold with its distances from the two adjacent level means in their own σ units. */
export interface Crossing {
  readonly t: number;
  /** (t − m1)/s1 ≥ 0 */
  readonly zBelow: number;
  /** (m2 − t)/s2 ≥ 0 */
  readonly zAbove: number;
}

/**
 * Threshold between two adjacent Gaussian levels (m1 < m2) where N(x; m1, s1) = N(x; m2, s2), on the
 * side of the narrower level facing the other mean (the local minimum of P1(x > t) + P2(x < t)).
 * Solved in the narrower level's z-coordinate y (x = m_n + s_n·y, r = s_n/s_w, δ = (m_n − m_w)/s_w):
 * (1 − r²)y² − 2δr·y − δ² + 2 ln r = 0, root C/q (no cancellation), so the z-distances keep full
 * relative precision even for σ ratios of 1e6. Falls back to the equal-z point when the crossing is
 * not between the means, and to the midpoint when a σ is zero.
 */
export function crossing(m1: number, s1: number, m2: number, s2: number): Crossing {
  if (!(m2 > m1)) throw new RangeError(`level means must increase: ${m1} then ${m2}`);
  const d = m2 - m1;
  if (s1 <= 0 || s2 <= 0) {
    const t = 0.5 * (m1 + m2);
    return { t, zBelow: s1 > 0 ? d / 2 / s1 : Infinity, zAbove: s2 > 0 ? d / 2 / s2 : Infinity };
  }
  const narrowIsUpper = s2 <= s1;
  const sn = narrowIsUpper ? s2 : s1;
  const sw = narrowIsUpper ? s1 : s2;
  const r = sn / sw;
  const delta = (narrowIsUpper ? d : -d) / sw; // (m_n − m_w)/s_w
  const b = -2 * delta * r;
  const c = -delta * delta + 2 * Math.log(r);
  const disc = b * b - 4 * (1 - r * r) * c; // ≥ b² since c ≤ 0
  const q = -0.5 * (b + Math.sign(b) * Math.sqrt(disc));
  const y = c / q; // z of t w.r.t. the narrow level; sign opposite to δ
  const zn = Math.abs(y);
  const zw = Math.abs(delta + r * y);
  if (Number.isFinite(y) && zn * sn < d) {
    return narrowIsUpper ? { t: m2 + s2 * y, zBelow: zw, zAbove: zn } : { t: m1 + s1 * y, zBelow: zn, zAbove: zw };
  }
  const z = d / (s1 + s2);
  return { t: m1 + s1 * z, zBelow: z, zAbove: z };
}

/** The threshold of `crossing` as a conductance value. */
export function crossingThreshold(m1: number, s1: number, m2: number, s2: number): number {
  return crossing(m1, s1, m2, s2).t;
}

/** Read thresholds t_0..t_{L−2} between adjacent levels. */
export function readThresholds(levels: LevelSet): Float64Array {
  const L = levels.means.length;
  const t = new Float64Array(L - 1);
  for (let i = 0; i < L - 1; i++) {
    t[i] = crossingThreshold(
      levels.means[i] ?? 0, levels.sigmas[i] ?? 0, levels.means[i + 1] ?? 0, levels.sigmas[i + 1] ?? 0,
    );
  }
  return t;
}

function validate(p: GaussianLevelParams): void {
  const L = p.means.length;
  if (L < 2) throw new RangeError(`means: expected at least 2 levels, found ${L}`);
  if (p.sigmas.length !== L) throw new RangeError(`sigmas: expected ${L} values, found ${p.sigmas.length}`);
  for (let i = 0; i < L; i++) {
    if (!Number.isFinite(p.means[i])) throw new RangeError(`means[${i}]: expected a number`);
    if (!((p.sigmas[i] ?? -1) >= 0)) throw new RangeError(`sigmas[${i}]: expected σ ≥ 0, found ${p.sigmas[i]}`);
    if (i > 0 && !((p.means[i] ?? 0) > (p.means[i - 1] ?? 0))) {
      throw new RangeError(`means[${i}]: level means must strictly increase`);
    }
  }
  for (const [k, v] of [['levelSpreadScale', p.levelSpreadScale], ['programSigma', p.programSigma],
    ['readSigma', p.readSigma]] as const) {
    if (v !== undefined && !(v >= 0)) throw new RangeError(`${k}: expected a number ≥ 0, found ${v}`);
  }
  const d = p.drift;
  if (d !== undefined) {
    if (!(d.nu >= 0)) throw new RangeError(`drift.nu: expected ν ≥ 0, found ${d.nu}`);
    if (!(d.t0Seconds > 0)) throw new RangeError(`drift.t0: expected a time > 0 s, found ${d.t0Seconds}`);
    if (!(d.timeSeconds >= 0)) throw new RangeError(`drift.time: expected a time ≥ 0 s, found ${d.timeSeconds}`);
  }
}

/**
 * Level distributions as read: σ² = f²·((k·σ_i)² + σ_prog²) + (m_i·f·ln(t/t0)·σ_ν)² + σ_read², mean
 * m_i·f with f = (t/t0)^−ν (f = 1 for t ≤ t0 or without drift). `drifted: false` gives the t0 state.
 */
export function effectiveLevels(p: GaussianLevelParams, drifted = true): LevelSet {
  validate(p);
  const k = p.levelSpreadScale ?? 1;
  const sp = p.programSigma ?? 0;
  const sr = p.readSigma ?? 0;
  let f = 1;
  let lnT = 0;
  if (drifted && p.drift !== undefined && p.drift.timeSeconds > p.drift.t0Seconds) {
    lnT = Math.log(p.drift.timeSeconds / p.drift.t0Seconds);
    f = Math.exp(-p.drift.nu * lnT);
  }
  const nuSigma = p.drift?.nuSigma ?? 0;
  const means: number[] = [];
  const sigmas: number[] = [];
  for (let i = 0; i < p.means.length; i++) {
    const m = p.means[i] ?? 0;
    const s = (p.sigmas[i] ?? 0) * k;
    const spread = m * f * lnT * nuSigma;
    means.push(m * f);
    sigmas.push(Math.sqrt(f * f * (s * s + sp * sp) + spread * spread + sr * sr));
  }
  return { means, sigmas };
}

/**
 * Analytic level-confusion matrix: P(j | i) = P(t_{j−1} < G_i ≤ t_j) with G_i ~ N(m_i, σ_i) as read.
 * Sense thresholds are placed for the levels as programmed (spread scale, programming and read noise
 * included, drift not, unless `thresholdsTrackDrift`), i.e. references calibrated at t0.
 * Off-diagonal terms are differences of same-side tails (accurate to ~1e-14 relative); the diagonal
 * is 1 − Σ off-diagonal, so rows sum to 1. Stuck-at faults are overlaid last.
 */
export function gaussianConfusion(p: GaussianLevelParams): ConfusionMatrix {
  const read = effectiveLevels(p, true);
  const tracked = p.drift?.thresholdsTrackDrift === true;
  const drifted = p.drift !== undefined && p.drift.timeSeconds > p.drift.t0Seconds && !tracked;
  const ref = drifted ? effectiveLevels(p, false) : read;
  const L = read.means.length;
  const cross: Crossing[] = [];
  for (let i = 0; i < L - 1; i++) {
    cross.push(crossing(ref.means[i] ?? 0, ref.sigmas[i] ?? 0, ref.means[i + 1] ?? 0, ref.sigmas[i + 1] ?? 0));
  }
  const out = new Float64Array(L * L);
  for (let i = 0; i < L; i++) {
    const m = read.means[i] ?? 0;
    const s = read.sigmas[i] ?? 0;
    // z of threshold k as seen from level i; adjacent thresholds use the exact crossing distances.
    const z = (k: number): number => {
      const c = cross[k];
      if (c === undefined) return k < 0 ? -Infinity : Infinity;
      if (!drifted && k === i) return c.zBelow;
      if (!drifted && k === i - 1) return -c.zAbove;
      if (s > 0) return (c.t - m) / s;
      return c.t > m ? Infinity : c.t < m ? -Infinity : 0;
    };
    let off = 0;
    for (let j = 0; j < L; j++) {
      if (j === i) continue;
      // Upward: P(t_{j−1} < G ≤ t_j) as a difference of upper tails; downward: of lower tails.
      const v = j > i ? normalSf(z(j - 1)) - (j < L - 1 ? normalSf(z(j)) : 0)
        : normalCdf(z(j)) - (j > 0 ? normalCdf(z(j - 1)) : 0);
      const w = Math.max(0, v);
      out[i * L + j] = w;
      off += w;
    }
    out[i * L + i] = 1 - off;
  }
  const cm: ConfusionMatrix = { levels: L, p: out };
  return p.stuckAt === undefined ? cm : withStuckAt(cm, p.stuckAt);
}
