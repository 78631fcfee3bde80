/**
 * Statistics registry. Every statistic has a path, a unit and a description; handles are returned
 * at registration so hot code never looks anything up by string. Output is sorted by path, so the
 * same run gives byte-identical records.
 */
export interface StatRecord {
  readonly path: string;
  readonly unit: string;
  readonly description: string;
  readonly value: number | Readonly<Record<string, number>>;
}

export class Counter {
  value = 0;
  constructor(readonly path: string, readonly unit: string, readonly description: string) {}
  inc(by = 1): void {
    this.value += by;
  }
  record(): StatRecord {
    return { path: this.path, unit: this.unit, description: this.description, value: this.value };
  }
}

/** Running sum, count, min, max, mean of sampled values. */
export class Accumulator {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  constructor(readonly path: string, readonly unit: string, readonly description: string) {}
  add(v: number): void {
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }
  record(): StatRecord {
    const empty = this.count === 0;
    return {
      path: this.path, unit: this.unit, description: this.description,
      value: { count: this.count, sum: this.sum, mean: this.mean, min: empty ? 0 : this.min, max: empty ? 0 : this.max },
    };
  }
}

/**
 * Histogram with fixed-width bins plus an overflow bin; percentiles are interpolated within a bin
 * (exact to one bin width). Sum/min/max are exact.
 */
export class Histogram {
  readonly bins: Float64Array;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  constructor(
    readonly path: string, readonly unit: string, readonly description: string,
    readonly binWidth: number, readonly binCount: number,
  ) {
    if (!(binWidth > 0) || !(binCount > 0)) throw new Error(`histogram ${path}: binWidth and binCount must be positive`);
    this.bins = new Float64Array(binCount + 1);
  }
  add(v: number, weight = 1): void {
    let i = Math.floor(v / this.binWidth);
    if (i < 0) i = 0;
    if (i > this.binCount) i = this.binCount;
    this.bins[i] = (this.bins[i] ?? 0) + weight;
    this.count += weight;
    this.sum += v * weight;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }
  /** p in [0, 100]. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const target = (p / 100) * this.count;
    let acc = 0;
    for (let i = 0; i <= this.binCount; i++) {
      const c = this.bins[i] ?? 0;
      if (c > 0 && acc + c >= target) {
        if (i === this.binCount) return this.max;
        const frac = (target - acc) / c;
        const v = (i + frac) * this.binWidth;
        return Math.min(Math.max(v, this.min), this.max);
      }
      acc += c;
    }
    return this.max;
  }
  record(): StatRecord {
    const empty = this.count === 0;
    return {
      path: this.path, unit: this.unit, description: this.description,
      value: {
        count: this.count, mean: this.mean, min: empty ? 0 : this.min, max: empty ? 0 : this.max,
        p50: this.percentile(50), p90: this.percentile(90), p99: this.percentile(99),
      },
    };
  }
}

type Stat = Counter | Accumulator | Histogram | { path: string; record(): StatRecord };

/** A registry scope: `child('ch0')` prefixes paths. All scopes of one run share one store. */
export class StatScope {
  private constructor(private readonly prefix: string, private readonly store: Map<string, Stat>) {}
  static root(): StatScope {
    return new StatScope('', new Map());
  }
  child(name: string): StatScope {
    return new StatScope(this.join(name), this.store);
  }
  private join(name: string): string {
    return this.prefix === '' ? name : `${this.prefix}.${name}`;
  }
  private add<S extends Stat>(s: S): S {
    if (this.store.has(s.path)) throw new Error(`statistic '${s.path}' registered twice`);
    this.store.set(s.path, s);
    return s;
  }
  counter(name: string, unit: string, description: string): Counter {
    return this.add(new Counter(this.join(name), unit, description));
  }
  accumulator(name: string, unit: string, description: string): Accumulator {
    return this.add(new Accumulator(this.join(name), unit, description));
  }
  histogram(name: string, unit: string, description: string, binWidth: number, binCount: number): Histogram {
    return this.add(new Histogram(this.join(name), unit, description, binWidth, binCount));
  }
  /** A value computed when records are taken. */
  formula(name: string, unit: string, description: string, compute: () => number): void {
    const path = this.join(name);
    this.add({ path, record: () => ({ path, unit, description, value: compute() }) });
  }
  /** All records, sorted by path. */
  records(): StatRecord[] {
    return [...this.store.values()].map((s) => s.record()).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
