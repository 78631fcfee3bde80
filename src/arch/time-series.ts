/**
 * Utilisation over time with a fixed number of buckets: samples (points or spans) land in
 * fixed-width buckets and, when simulated time outgrows them, adjacent buckets merge pairwise
 * (bucket width doubles), so the series always covers the whole run with at most `buckets` entries
 * and O(1) work per sample (a span touches the buckets it overlaps, one or two in practice).
 */

export class BucketSeries {
  private readonly sums: Float64Array;
  widthPs: number;

  constructor(readonly buckets = 64, initialWidthPs = 1000) {
    if (!Number.isInteger(buckets) || buckets < 2 || buckets % 2 !== 0) throw new Error(`bucket count must be an even integer >= 2, got ${buckets}`);
    this.sums = new Float64Array(buckets);
    this.widthPs = initialWidthPs;
  }
  /** Adds `value` at time `tPs`. */
  add(tPs: number, value: number): void {
    let i = Math.floor(tPs / this.widthPs);
    while (i >= this.buckets) {
      this.merge();
      i = Math.floor(tPs / this.widthPs);
    }
    this.sums[i] = (this.sums[i] as number) + value;
  }
  /**
   * Spreads `value` uniformly over [startPs, endPs): each bucket gets the share of the span it
   * overlaps (a zero-length span is a point sample at startPs).
   */
  addSpan(startPs: number, endPs: number, value: number): void {
    if (!(endPs > startPs)) {
      this.add(startPs, value);
      return;
    }
    while (Math.ceil(endPs / this.widthPs) > this.buckets) this.merge();
    const w = this.widthPs, perPs = value / (endPs - startPs);
    let i = Math.floor(startPs / w);
    for (let t = startPs; t < endPs; i++) {
      const next = Math.min(endPs, (i + 1) * w);
      this.sums[i] = (this.sums[i] as number) + (next - t) * perPs;
      t = next;
    }
  }
  private merge(): void {
    const s = this.sums, n = this.buckets;
    for (let i = 0; i < n / 2; i++) s[i] = (s[2 * i] as number) + (s[2 * i + 1] as number);
    s.fill(0, n / 2);
    this.widthPs *= 2;
  }
  /** Per-bucket sums (copy). */
  values(): number[] {
    return Array.from(this.sums);
  }
}
