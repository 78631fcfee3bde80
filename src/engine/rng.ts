/**
 * Per-component random streams. A stream is a pure function of (run seed, component path), so adding
 * a component never perturbs another's stream. Generator: Alea (seedrandom), period ~2^116.
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller, cached pair). */
  normal(): number;
  /** The seed string this stream was made from (for reports). */
  readonly id: string;
}

class AleaRng implements Rng {
  private readonly gen: () => number;
  private spare = NaN;
  constructor(readonly id: string) {
    this.gen = seedrandom.alea(id);
  }
  next(): number {
    return this.gen();
  }
  int(n: number): number {
    return Math.floor(this.gen() * n);
  }
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.gen();
    const v = this.gen();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** The stream for component `path` in a run seeded with `seed`. */
export function rngFor(seed: number | string, path: string): Rng {
  return new AleaRng(`qmcsim:${String(seed)}:${path}`);
}
