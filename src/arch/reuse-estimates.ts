/**
 * Metrics that layer reuse cannot extrapolate within its 0.5 % bound, reported as estimates with an
 * error bound. They depend on the device state a step starts from (LPDDR5 refresh phase, how full
 * each channel's queue is), which differs from the full replay's for every step after the first
 * reused one — the steps simulated after reused ones (the head) included, since they run earlier.
 */
import type { StepTiming } from './replay.js';

/** A metric of a layer-reuse run that is an estimate: the full replay lies within value ± boundPs. */
export interface ReuseEstimate {
  /** Flat metric key, e.g. 'stallPsByMemory.lpddr5'. */
  readonly metric: string;
  readonly value: number;
  /** Error bound against a full replay, in the metric's unit (ps). */
  readonly boundPs: number;
  /** How the bound was obtained. */
  readonly basis: string;
}

/**
 * Relative bounds of the per-access means, empirical: the largest deviation from the full replay
 * seen on SmolLM2-135M (fp16-hymba, qmc-hymba; reuse windows 10–400 µs) was 1.1 % for the queueing
 * delay and 9.5 % for the link wait (both LPDDR5, the head's start phase), doubled.
 */
export const REUSE_MEAN_BOUNDS: Readonly<Record<string, number>> = { queueingDelayPsByMemory: 0.02, linkWaitPsByMemory: 0.2 };

/**
 * The estimates of a run with reused steps (none without): queueing delay and link wait per memory
 * (relative bounds above) and stall per memory, bounded by the memory's stream time in the steps
 * from the first reused one on (a port can only stall while it has work: any stall between 0 and
 * that time is possible, measured on LPDDR5 from 0 to 266 µs for the same head step).
 */
export function reuseEstimates(steps: readonly StepTiming[], metrics: Readonly<Record<string, number>>, memories: readonly string[]): ReuseEstimate[] {
  const first = steps.findIndex((s) => s.reused);
  if (first < 0) return [];
  const out: ReuseEstimate[] = [];
  for (const id of memories) {
    for (const [key, rel] of Object.entries(REUSE_MEAN_BOUNDS)) {
      const value = metrics[`${key}.${id}`] ?? 0;
      out.push({ metric: `${key}.${id}`, value, boundPs: Math.abs(value) * rel, basis: `±${rel * 100} % (empirical: phase-sensitive per-access mean)` });
    }
    let affected = 0;
    for (let k = first; k < steps.length; k++) affected += steps[k]?.streamPsByMemory[id] ?? 0;
    // (+0.5 %: that stream time is itself extrapolated, within layer reuse's bound)
    out.push({ metric: `stallPsByMemory.${id}`, value: metrics[`stallPsByMemory.${id}`] ?? 0, boundPs: Math.ceil(affected * 1.005), basis: 'stream time of the steps from the first reused one (stall is phase-sensitive: anything from 0 to it)' });
  }
  return out;
}
