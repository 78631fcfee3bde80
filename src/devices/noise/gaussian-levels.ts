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

/**
 * Threshold between two adjacent Gaussian levels (m1 < m2): the root of N(x; m1, s1) = N(x; m2, s2)
 * lying between the means at which the error P1(x > t) + P2(x < t) is locally minimal. Falls back to
 * the equal-z point m1 + (m2 − m1)·s1/(s1 + s2) when no such root exists, and to the midpoint when
 * a σ is zero.
 */
export function crossingThreshold(m1: number, s1: number, m2: number, s2: number): number {
  if (!(m2 > m1)) throw new RangeError(`level means must increase: ${m1} then ${m2}`);
  if (s1 <= 0 || s2 <= 0) return 0.5 * (m1 + m2);
  const equalZ = m1 + ((m2 - m1) * s1) / (s1 + s2);
  // ln f1 − ln f2 = −(A x² + B x + C)
  const a = 1 / (2 * s1 * s1) - 1 / (2 * s2 * s2);
  const b = m2 / (s2 * s2) - m1 / (s1 * s1);
  const c = (m1 * m1) / (2 * s1 * s1) - (m2 * m2) / (2 * s2 * s2) + Math.log(s1 / s2);
  const roots: number[] = [];
  if (Math.abs(a) * (m2 - m1) < 1e-12 * Math.abs(b)) {
    roots.push(-c / b);
  } else {
    const disc = b * b - 4 * a * c;
    if (disc < 0) return equalZ;
    const q = -0.5 * (b + Math.sign(b || 1) * Math.sqrt(disc));
    roots.push(q / a);
    if (q !== 0) roots.push(c / q);
  }
  for (const x of roots) {
    // g(x) = ln f1 − ln f2 must be decreasing at the root (f1 above f2 to its left).
    const slope = -(2 * a * x + b);
    if (x > m1 && x < m2 && slope < 0) return x;
  }
  return equalZ;
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
  const t = readThresholds(tracked ? read : effectiveLevels(p, false));
  const L = read.means.length;
  const out = new Float64Array(L * L);
  for (let i = 0; i < L; i++) {
    const m = read.means[i] ?? 0;
    const s = read.sigmas[i] ?? 0;
    const z = (x: number): number => (s > 0 ? (x - m) / s : x > m ? Infinity : x < m ? -Infinity : 0);
    let off = 0;
    for (let j = 0; j < L; j++) {
      if (j === i) continue;
      let v: number;
      if (j > i) {
        const lo = normalSf(z(t[j - 1] ?? Infinity));
        const hi = j < L - 1 ? normalSf(z(t[j] ?? Infinity)) : 0;
        v = lo - hi;
      } else {
        const hi = normalCdf(z(t[j] ?? -Infinity));
        const lo = j > 0 ? normalCdf(z(t[j - 1] ?? -Infinity)) : 0;
        v = hi - lo;
      }
      v = Math.max(0, v);
      out[i * L + j] = v;
      off += v;
    }
    out[i * L + i] = 1 - off;
  }
  const cm: ConfusionMatrix = { levels: L, p: out };
  return p.stuckAt === undefined ? cm : withStuckAt(cm, p.stuckAt);
}
