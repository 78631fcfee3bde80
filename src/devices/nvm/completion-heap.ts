/**
 * Pending-completion store shared by the SRAM / STT-MRAM / ReRAM models: a binary min-heap over
 * parallel typed arrays ordered by (done time, insertion sequence), so no object is allocated per
 * access. Exact: completions come out in time order, ties in offer order (deterministic).
 */

/** Min-heap of (timePs, seq) → (reqId, channel). Grows by doubling. */
export class CompletionHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private req: Float64Array;
  private chan: Int32Array;
  private n = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 64) {
    const c = Math.max(4, initialCapacity);
    this.time = new Float64Array(c);
    this.seq = new Float64Array(c);
    this.req = new Float64Array(c);
    this.chan = new Int32Array(c);
  }

  get size(): number {
    return this.n;
  }
  /** Earliest completion time, or Infinity when empty. */
  get topTime(): number {
    return this.n === 0 ? Infinity : (this.time[0] as number);
  }
  get topReq(): number {
    return this.req[0] as number;
  }
  get topChan(): number {
    return this.chan[0] as number;
  }

  push(timePs: number, reqId: number, channel: number): void {
    if (this.n === this.time.length) this.grow();
    const s = this.nextSeq++;
    let i = this.n++;
    const t = this.time, q = this.seq, r = this.req, c = this.chan;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = t[p] as number;
      if (pt < timePs || (pt === timePs && (q[p] as number) < s)) break;
      t[i] = pt; q[i] = q[p] as number; r[i] = r[p] as number; c[i] = c[p] as number;
      i = p;
    }
    t[i] = timePs; q[i] = s; r[i] = reqId; c[i] = channel;
  }

  /** Removes the top entry (read it first with topTime/topReq/topChan). */
  pop(): void {
    const n = --this.n;
    if (n === 0) return;
    const t = this.time, q = this.seq, r = this.req, c = this.chan;
    const lt = t[n] as number, ls = q[n] as number, lr = r[n] as number, lc = c[n] as number;
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= n) break;
      const m2 = m + 1;
      if (m2 < n) {
        const a = t[m2] as number, b = t[m] as number;
        if (a < b || (a === b && (q[m2] as number) < (q[m] as number))) m = m2;
      }
      const mt = t[m] as number;
      if (lt < mt || (lt === mt && ls < (q[m] as number))) break;
      t[i] = mt; q[i] = q[m] as number; r[i] = r[m] as number; c[i] = c[m] as number;
      i = m;
    }
    t[i] = lt; q[i] = ls; r[i] = lr; c[i] = lc;
  }

  private grow(): void {
    const c2 = this.time.length * 2;
    const t = new Float64Array(c2); t.set(this.time); this.time = t;
    const q = new Float64Array(c2); q.set(this.seq); this.seq = q;
    const r = new Float64Array(c2); r.set(this.req); this.req = r;
    const c = new Int32Array(c2); c.set(this.chan); this.chan = c;
  }
}
