/**
 * STT-MRAM (MTJ) error probabilities from the macrospin switching models, per bit:
 * thermally activated (Néel–Brown with STT-lowered barrier; Koch, Katine & Sun, PRL 92, 088302, 2004)
 * for sub-critical currents (read disturb, long-pulse writes), precessional write error rate above Ic0
 * (Butler et al., IEEE Trans. Magn. 48(12), 2012: WER ≈ 1 − exp(−(π²Δ/4)·e^{−2(I/Ic0 − 1)t/τ_D})),
 * retention loss 1 − exp(−(t/τ0)·e^{−Δ}). Default device numbers are estimates.
 */

/** MTJ parameters. Times in seconds. */
export interface MtjParams {
  /** Thermal stability factor Δ = E_b / k_B T. */
  readonly thermalStability: number;
  /** Attempt time τ0 (s); 1 ns is the customary value (Koch et al. 2004). */
  readonly attemptTimeSeconds?: number;
  /** Read current over critical switching current I_r / I_c0 (< 1). */
  readonly readCurrentRatio: number;
  /** Read pulse width (s). */
  readonly readPulseSeconds: number;
  /** Exponent β of the barrier lowering Δ·(1 − I/Ic0)^β: 1 (Koch 2004) or 2 (perpendicular MTJs). */
  readonly barrierExponent?: number;
  /** Write current over critical current I_w / I_c0. */
  readonly writeCurrentRatio: number;
  /** Write pulse width (s). */
  readonly writePulseSeconds: number;
  /** Characteristic precession time τ_D = (1 + α²)/(α γ μ0 H_k) (s). */
  readonly precessionTimeSeconds?: number;
  /** Time since the data were written, for retention failures (s). */
  readonly timeSinceWriteSeconds: number;
  /** Count write errors (a wrongly written bit reads wrong) in the per-read error probability. */
  readonly includeWriteErrors?: boolean;
}

/** Default STT-MRAM parameters (estimates; read pulse = QMC Table 1 read latency 3.5 ns). */
export const MTJ_DEFAULTS: MtjParams = {
  thermalStability: 60,
  attemptTimeSeconds: 1e-9,
  readCurrentRatio: 0.3,
  readPulseSeconds: 3.5e-9,
  barrierExponent: 1,
  writeCurrentRatio: 2,
  writePulseSeconds: 10e-9,
  precessionTimeSeconds: 1e-9,
  timeSinceWriteSeconds: 365.25 * 86400,
  includeWriteErrors: false,
};

function check(p: MtjParams): void {
  if (!(p.thermalStability >= 0)) throw new RangeError(`thermalStability: expected Δ ≥ 0, found ${p.thermalStability}`);
  if (!(p.readCurrentRatio >= 0)) throw new RangeError(`readCurrentRatio: expected ≥ 0, found ${p.readCurrentRatio}`);
  if (!(p.writeCurrentRatio >= 0)) throw new RangeError(`writeCurrentRatio: expected ≥ 0, found ${p.writeCurrentRatio}`);
  for (const [k, v] of [['readPulse', p.readPulseSeconds], ['writePulse', p.writePulseSeconds],
    ['timeSinceWrite', p.timeSinceWriteSeconds]] as const) {
    if (!(v >= 0)) throw new RangeError(`${k}: expected a time ≥ 0 s, found ${v}`);
  }
  // τ0 and τ_D divide times (0 made every bit fail, or 0/0 = NaN; τ_D = 0 made writes error-free), and
  // the barrier exponent β must keep the barrier falling as the current rises (β ≤ 0 raised it).
  for (const [k, v] of [['attemptTime', p.attemptTimeSeconds], ['precessionTime', p.precessionTimeSeconds]] as const) {
    if (v !== undefined && !(v > 0 && v < Infinity)) throw new RangeError(`${k}: expected a time > 0 s, found ${v} s`);
  }
  if (p.barrierExponent !== undefined && !(p.barrierExponent > 0 && p.barrierExponent < Infinity)) {
    throw new RangeError(`barrierExponent: expected a number > 0 (1: Koch 2004; 2: perpendicular MTJs), found ${p.barrierExponent}`);
  }
}

/** P(thermally activated switch) during `t` seconds at current ratio i < 1: 1 − exp(−(t/τ0)e^{−Δ(1−i)^β}). */
export function thermalSwitchProbability(p: MtjParams, t: number, i: number): number {
  const tau0 = p.attemptTimeSeconds ?? 1e-9;
  const beta = p.barrierExponent ?? 1;
  const barrier = p.thermalStability * Math.pow(Math.max(0, 1 - i), beta);
  return -Math.expm1(-(t / tau0) * Math.exp(-barrier));
}

/** Read-disturb probability per bit per read. */
export function readDisturbProbability(p: MtjParams): number {
  check(p);
  if (p.readCurrentRatio >= 1) return 1;
  return thermalSwitchProbability(p, p.readPulseSeconds, p.readCurrentRatio);
}

/** Retention failure probability after `timeSinceWriteSeconds` at zero current. */
export function retentionFailureProbability(p: MtjParams): number {
  check(p);
  return thermalSwitchProbability(p, p.timeSinceWriteSeconds, 0);
}

/**
 * Write error rate (bit not switched at the end of the pulse). Above Ic0: precessional form
 * 1 − exp(−(π²Δ/4)·exp(−2(i − 1)t/τ_D)); below: 1 − P(thermal switch during the pulse).
 */
export function writeErrorRate(p: MtjParams): number {
  check(p);
  const i = p.writeCurrentRatio;
  if (i > 1) {
    const tauD = p.precessionTimeSeconds ?? 1e-9;
    const x = ((Math.PI * Math.PI * p.thermalStability) / 4) * Math.exp((-2 * (i - 1) * p.writePulseSeconds) / tauD);
    return -Math.expm1(-x);
  }
  return 1 - thermalSwitchProbability(p, p.writePulseSeconds, i);
}

/**
 * Per-read, per-bit error probability: read disturb ⊕ retention loss (⊕ write error when enabled),
 * combined as independent events. Marginal per read: correlation across reads of one bit is not kept.
 */
export function mtjBitErrorProbability(p: MtjParams): number {
  let logOk = Math.log1p(-readDisturbProbability(p)) + Math.log1p(-retentionFailureProbability(p));
  if (p.includeWriteErrors === true) logOk += Math.log1p(-writeErrorRate(p));
  return -Math.expm1(logOk);
}
