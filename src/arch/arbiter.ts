/**
 * Arbiters choosing which initiator a memory port serves next: round-robin, fixed priority and
 * weighted round-robin (grants in proportion to integer weights). Pure policy plus pointer state;
 * no allocation per decision.
 */

/** Configured arbiter kinds. */
export type ArbiterKind = 'round-robin' | 'fixed-priority' | 'weighted';

export interface Arbiter {
  readonly kind: ArbiterKind;
  /**
   * Picks one of `n` contenders for which `eligible(i)` is true, or -1. `priority[i]` (lower wins)
   * is used by fixed-priority; `weight[i]` (positive integers) by weighted.
   */
  pick(n: number, eligible: (i: number) => boolean): number;
}

class RoundRobin implements Arbiter {
  readonly kind = 'round-robin' as const;
  private last = -1;
  pick(n: number, eligible: (i: number) => boolean): number {
    for (let k = 1; k <= n; k++) {
      const i = (this.last + k) % n;
      if (eligible(i)) {
        this.last = i;
        return i;
      }
    }
    return -1;
  }
}

class FixedPriority implements Arbiter {
  readonly kind = 'fixed-priority' as const;
  /** Contender indices sorted by priority (lower value first; ties by index). */
  private readonly order: Int32Array;
  constructor(priority: readonly number[]) {
    const idx = priority.map((_, i) => i).sort((a, b) => (priority[a] as number) - (priority[b] as number) || a - b);
    this.order = Int32Array.from(idx);
  }
  pick(n: number, eligible: (i: number) => boolean): number {
    const o = this.order;
    for (let k = 0; k < o.length && k < n; k++) {
      const i = o[k] as number;
      if (eligible(i)) return i;
    }
    return -1;
  }
}

/** Weighted round-robin: the current contender keeps the grant for `weight` consecutive picks. */
class Weighted implements Arbiter {
  readonly kind = 'weighted' as const;
  private cur = 0;
  private credit: number;
  constructor(private readonly weight: readonly number[]) {
    for (const w of weight) if (!(Number.isInteger(w) && w >= 1)) throw new Error(`arbiter weights must be positive integers, got ${w}`);
    this.credit = weight[0] ?? 1;
  }
  pick(n: number, eligible: (i: number) => boolean): number {
    if (this.credit > 0 && eligible(this.cur)) {
      this.credit--;
      return this.cur;
    }
    for (let k = 1; k <= n; k++) {
      const i = (this.cur + k) % n;
      if (eligible(i)) {
        this.cur = i;
        this.credit = (this.weight[i] ?? 1) - 1;
        return i;
      }
    }
    return -1;
  }
}

/** Builds an arbiter over contenders with the given priorities / weights (one entry each). */
export function createArbiter(kind: ArbiterKind, priority: readonly number[], weight: readonly number[]): Arbiter {
  switch (kind) {
    case 'round-robin':
      return new RoundRobin();
    case 'fixed-priority':
      return new FixedPriority(priority);
    case 'weighted':
      return new Weighted(weight);
  }
}
