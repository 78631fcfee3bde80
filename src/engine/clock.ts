/**
 * Clock domains: a period in integer ps, conversion cycles ↔ ps, and the next edge at or after a
 * time. JEDEC-style rounding (a time in ns → whole cycles, rounding up) is implemented once here.
 */
import type { Cycles, Hz, Ps } from '../units/quantity.js';
import { SimError } from './errors.js';

export class ClockDomain {
  readonly periodPs: Ps;
  constructor(readonly name: string, period: Ps) {
    if (!Number.isSafeInteger(period) || period <= 0) throw new SimError(`clock '${name}': period must be a positive integer ps, got ${period}`);
    this.periodPs = period;
  }
  static fromFrequency(name: string, f: Hz): ClockDomain {
    return new ClockDomain(name, Math.round(1e12 / f) as Ps);
  }
  /** Duration of n cycles. */
  toPs(n: Cycles | number): Ps {
    return (n * this.periodPs) as Ps;
  }
  /** Whole cycles that cover t (rounded up, JEDEC nCK = ceil(t / tCK)). */
  toCyclesCeil(t: Ps): Cycles {
    return Math.ceil(t / this.periodPs - 1e-9) as Cycles;
  }
  /** First clock edge at or after t. */
  nextEdge(t: Ps): Ps {
    const p = this.periodPs;
    return (Math.ceil(t / p) * p) as Ps;
  }
}
