/**
 * Optional LPDDR5 retention errors versus refresh window: cell retention times lognormal (tail form
 * of Hamamoto et al., IEEE TED 45(6), 1998); P(bit error per read) = P(t_ret < t_REFW). The default
 * tail is an ESTIMATE fitted to RAIDR (Liu et al., ISCA 2012, Fig. 1): ~30 cells < 128 ms and ~1000
 * cells < 256 ms in 32 GB at room temperature. Temperature dependence and VRT are not modelled.
 */
import { normalCdf, normalSfInverse } from './erf.js';

export interface DramRetentionParams {
  /** Refresh window t_REFW (s); LPDDR5 32 ms (JEDEC JESD209-5). */
  readonly refreshWindowSeconds: number;
  /** Median of the retention-time tail lognormal (s). */
  readonly medianRetentionSeconds: number;
  /** Standard deviation of ln(retention time). */
  readonly sigmaLn: number;
}

/** Fit a lognormal through two (time, cumulative fraction) anchors. */
export function fitLognormal(a: { t: number; f: number }, b: { t: number; f: number }): { median: number; sigmaLn: number } {
  const za = -normalSfInverse(a.f);
  const zb = -normalSfInverse(b.f);
  const sigmaLn = (Math.log(b.t) - Math.log(a.t)) / (zb - za);
  if (!(sigmaLn > 0)) throw new RangeError('fitLognormal: cumulative fraction must rise with time');
  return { median: Math.exp(Math.log(a.t) - za * sigmaLn), sigmaLn };
}

/** RAIDR anchors: 32 GB = 2^38 bits; ~30 cells below 128 ms, ~1000 below 256 ms (estimate). */
export const DRAM_RETENTION_ANCHORS = [
  { t: 0.128, f: 30 / 2 ** 38 },
  { t: 0.256, f: 1000 / 2 ** 38 },
] as const;

const fit = fitLognormal(DRAM_RETENTION_ANCHORS[0], DRAM_RETENTION_ANCHORS[1]);

export const DRAM_RETENTION_DEFAULTS: DramRetentionParams = {
  refreshWindowSeconds: 0.032,
  medianRetentionSeconds: fit.median,
  sigmaLn: fit.sigmaLn,
};

/** Per-bit probability that a read finds a cell that lost its charge within one refresh window. */
export function dramRetentionErrorProbability(p: DramRetentionParams): number {
  if (!(p.refreshWindowSeconds >= 0)) throw new RangeError(`refreshWindow: expected a time ≥ 0 s, found ${p.refreshWindowSeconds}`);
  if (!(p.medianRetentionSeconds > 0)) throw new RangeError(`medianRetention: expected a time > 0 s, found ${p.medianRetentionSeconds}`);
  if (!(p.sigmaLn > 0)) throw new RangeError(`sigmaLn: expected > 0, found ${p.sigmaLn}`);
  if (p.refreshWindowSeconds === 0) return 0;
  return normalCdf((Math.log(p.refreshWindowSeconds) - Math.log(p.medianRetentionSeconds)) / p.sigmaLn);
}
