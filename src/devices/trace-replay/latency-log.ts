/**
 * Exact latency statistics: latencies are appended to a growable Float64Array (8 bytes per access)
 * and sorted once at the end; percentiles are nearest-rank.
 */

export interface LatencySummary {
  readonly count: number;
  readonly meanPs: number;
  readonly p50Ps: number;
  readonly p99Ps: number;
  readonly minPs: number;
  readonly maxPs: number;
}

export class LatencyLog {
  private v = new Float64Array(1024);
  private n = 0;
  private sum = 0;

  add(ps: number): void {
    if (this.n === this.v.length) {
      const w = new Float64Array(this.v.length * 2);
      w.set(this.v);
      this.v = w;
    }
    this.v[this.n++] = ps;
    this.sum += ps;
  }

  get count(): number {
    return this.n;
  }

  summary(): LatencySummary {
    const n = this.n;
    if (n === 0) return { count: 0, meanPs: 0, p50Ps: 0, p99Ps: 0, minPs: 0, maxPs: 0 };
    const s = this.v.subarray(0, n).sort();
    const rank = (p: number): number => s[Math.max(0, Math.ceil(p * n) - 1)] as number;
    return { count: n, meanPs: this.sum / n, p50Ps: rank(0.5), p99Ps: rank(0.99), minPs: s[0] as number, maxPs: s[n - 1] as number };
  }
}
