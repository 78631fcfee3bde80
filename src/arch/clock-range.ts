/**
 * The simulator's clock is integer picoseconds (≤ 2^53 ps ≈ 2.5 h). A configuration whose token
 * cannot finish within it (an absurdly low link or device bandwidth, e.g. a link at '1 T/s') is
 * refused in one line (exit 2): up front from a lower bound on the replayed time (bytes per link
 * and per device over their peak bandwidth), and as a fallback when an event time overflows.
 */
import type { Engine } from '../engine/engine.js';
import { TimeRangeError } from '../engine/errors.js';
import { UserError } from '../config/errors.js';
import { formatQuantity } from '../units/format.js';
import { PS_PER_S } from '../units/quantity.js';
import type { Soc } from './soc.js';
import type { Step } from './steps.js';

const LIMIT = `the simulator's clock range (2^53 ps ≈ ${formatQuantity(Number.MAX_SAFE_INTEGER / PS_PER_S, 'duration', 3)} of simulated time`;

/**
 * Throws when the replay cannot fit the clock: every distinct step (first of its signature) is
 * simulated even with layer reuse, and a step lasts at least its bytes on each link and device over
 * that one's peak bandwidth. Checked before the replay, which would otherwise grind through hours
 * of simulated time (LPDDR5 refresh) before overflowing.
 */
export function assertFitsClock(soc: Soc, steps: readonly Step[]): void {
  const seen = new Set<string>();
  let boundPs = 0;
  let worst = '';
  const shared = soc.config.interconnect.type === 'bus' ? ' (the shared bus)' : '';
  for (const step of steps) {
    if (seen.has(step.signature)) continue;
    seen.add(step.signature);
    const psOn = new Map<string, number>();
    for (const s of step.streams) {
      const port = soc.port(s.memory);
      const lk = `link of ${s.memory}${shared}`;
      psOn.set(lk, (psOn.get(lk) ?? 0) + s.bytes * port.link.psPerByte);
      // B × ps/s ÷ B/s = ps
      const dk = `device of ${s.memory}`;
      if (port.device.peakBandwidth > 0) psOn.set(dk, (psOn.get(dk) ?? 0) + (s.bytes * PS_PER_S) / port.device.peakBandwidth);
    }
    let stepPs = 0;
    for (const [what, ps] of psOn) if (ps > stepPs) { stepPs = ps; worst = what; }
    boundPs += stepPs;
  }
  if (boundPs > Number.MAX_SAFE_INTEGER) {
    throw new UserError(`the token does not finish within ${LIMIT}; the replay needs at least ${formatQuantity(boundPs / PS_PER_S, 'duration', 3)}, bound by the ${worst}): a link or device bandwidth of this configuration is far too low for the model's traffic`);
  }
}

/** Runs `fn`; an event time past the clock is the configuration's problem (exit 2), not an internal error. */
export function withinClockRange<T>(engine: Engine, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof TimeRangeError)) throw e;
    throw new UserError(`the token does not finish within ${LIMIT}; stopped at ${formatQuantity(engine.now, 'time')}): a link or device bandwidth of this configuration is far too low for the model's traffic`);
  }
}
