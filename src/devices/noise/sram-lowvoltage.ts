/**
 * Optional SRAM bit-cell failure probability versus supply voltage, as a Gaussian-tail fit
 * P_fail(V) = Q((V − V50)/σ_V) (cell margin normally distributed under Vth variation; form as in
 * Mukhopadhyay et al., IEEE TCAD 24(12), 2005). The default fit is an ESTIMATE anchored at
 * ~1e-3 at 0.5 V and ~1e-9 at 0.7 V (order of magnitude of published 65–45 nm 6T data).
 */
import { normalSf, normalSfInverse } from './erf.js';

export interface SramLowVoltageParams {
  /** Supply voltage (V). */
  readonly vdd: number;
  /** Voltage at which half the cells fail (V). */
  readonly v50: number;
  /** Spread of the per-cell minimum voltage (V). */
  readonly sigmaV: number;
}

/** Fit (V50, σ_V) through two (voltage, failure probability) anchors. */
export function fitSramFailure(a: { v: number; p: number }, b: { v: number; p: number }): { v50: number; sigmaV: number } {
  const za = normalSfInverse(a.p);
  const zb = normalSfInverse(b.p);
  if (!(zb !== za)) throw new RangeError('fitSramFailure: anchors must have different probabilities');
  const sigmaV = (b.v - a.v) / (zb - za);
  if (!(sigmaV > 0)) throw new RangeError('fitSramFailure: failure probability must fall as voltage rises');
  return { v50: a.v - za * sigmaV, sigmaV };
}

/** Default anchors of the estimate fit. */
export const SRAM_FIT_ANCHORS = [{ v: 0.5, p: 1e-3 }, { v: 0.7, p: 1e-9 }] as const;

const fit = fitSramFailure(SRAM_FIT_ANCHORS[0], SRAM_FIT_ANCHORS[1]);

/** Default SRAM parameters: nominal 0.75 V (estimate) with the anchor fit. */
export const SRAM_DEFAULTS: SramLowVoltageParams = { vdd: 0.75, v50: fit.v50, sigmaV: fit.sigmaV };

/** Per-bit failure probability at `vdd` (applies per read; marginal per access). */
export function sramBitFailureProbability(p: SramLowVoltageParams): number {
  if (!(p.sigmaV > 0)) throw new RangeError(`sigmaV: expected a voltage > 0 V, found ${p.sigmaV}`);
  if (!(p.vdd >= 0)) throw new RangeError(`vdd: expected a voltage ≥ 0 V, found ${p.vdd}`);
  return normalSf((p.vdd - p.v50) / p.sigmaV);
}
