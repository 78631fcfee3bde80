/**
 * Pending-completion store shared by the SRAM / STT-MRAM / ReRAM models, allocation-free per access.
 * Exact: completions come out in (done time, insertion) order, ties in offer order (deterministic).
 * Entries with equal done time share a FIFO bucket (found through a small direct-mapped cache), and
 * a binary min-heap orders the buckets by (time, bucket creation), so a batch of k equal-time
 * completions costs one heap operation instead of k.
 */

/** Min-queue of (timePs, insertion order) → (reqId, channel). Grows by doubling. */
export class CompletionHeap {
  // Entries (slots): payload and FIFO link within their bucket.
  private eReq: Float64Array;
  private eChan: Int32Array;
  private eNext: Int32Array;
  private freeSlot = -1;
  private slotsUsed = 0;
  // Buckets: one done time each, FIFO of entries, creation number (tie-break between buckets).
  private bTime: Float64Array;
  private bSeq: Float64Array;
  private bHead: Int32Array;
  private bTail: Int32Array;
  /** 1 while the bucket is in the heap and may take entries. */
  private bLive: Uint8Array;
  private freeBucket = -1;
  private bucketsUsed = 0;
  private nextBucketSeq = 0;
  // Heap of buckets ordered by (time, creation).
  private hTime: Float64Array;
  private hBucket: Int32Array;
  private nb = 0;
  private n = 0;
  /** time-hash → bucket that last opened for a time with that hash (may be stale: verified). */
  private readonly cache: Int32Array;
  private readonly cacheShift: number;
  // The top bucket's head, mirrored for the hot getters.
  private tTime = Infinity;
  private tReq = 0;
  private tChan = 0;

  /**
   * @param initialCapacity entries before the first growth
   * @param cacheBits log2 of the equal-time lookup cache size (smaller only costs speed)
   */
  constructor(initialCapacity = 64, cacheBits = 8) {
    const c = Math.max(4, initialCapacity);
    this.eReq = new Float64Array(c);
    this.eChan = new Int32Array(c);
    this.eNext = new Int32Array(c);
    this.bTime = new Float64Array(c);
    this.bSeq = new Float64Array(c);
    this.bHead = new Int32Array(c);
    this.bTail = new Int32Array(c);
    this.bLive = new Uint8Array(c);
    this.hTime = new Float64Array(c);
    this.hBucket = new Int32Array(c);
    const bits = Math.min(16, Math.max(1, Math.floor(cacheBits)));
    this.cache = new Int32Array(1 << bits).fill(-1);
    this.cacheShift = 32 - bits;
  }

  get size(): number {
    return this.n;
  }
  /** Earliest completion time, or Infinity when empty. */
  get topTime(): number {
    return this.tTime;
  }
  get topReq(): number {
    return this.tReq;
  }
  get topChan(): number {
    return this.tChan;
  }

  push(timePs: number, reqId: number, channel: number): void {
    // Entry slot.
    let e = this.freeSlot;
    if (e >= 0) this.freeSlot = this.eNext[e] as number;
    else {
      if (this.slotsUsed === this.eReq.length) this.growSlots();
      e = this.slotsUsed++;
    }
    this.eReq[e] = reqId;
    this.eChan[e] = channel;
    this.eNext[e] = -1;
    this.n++;
    // A live bucket with this exact time, if the cache knows one: append (keeps insertion order).
    const h = Math.imul((timePs | 0) ^ ((timePs / 4294967296) | 0), 0x9e3779b1) >>> this.cacheShift;
    const cb = this.cache[h] as number;
    if (cb >= 0 && this.bLive[cb] === 1 && this.bTime[cb] === timePs) {
      // A live bucket is never empty, so its head (and the mirrored top) is unchanged.
      this.eNext[this.bTail[cb] as number] = e;
      this.bTail[cb] = e;
      return;
    }
    // A new bucket: it follows every earlier bucket of the same time (created later), and no earlier
    // bucket of this time takes entries any more (the cache now points here).
    let b = this.freeBucket;
    if (b >= 0) this.freeBucket = this.bHead[b] as number;
    else {
      if (this.bucketsUsed === this.bTime.length) this.growBuckets();
      b = this.bucketsUsed++;
    }
    this.bTime[b] = timePs;
    this.bSeq[b] = this.nextBucketSeq++;
    this.bHead[b] = e;
    this.bTail[b] = e;
    this.bLive[b] = 1;
    this.cache[h] = b;
    this.heapPush(timePs, b);
    if (this.hBucket[0] === b) {
      this.tTime = timePs;
      this.tReq = reqId;
      this.tChan = channel;
    }
  }

  /** Removes the top entry (read it first with topTime/topReq/topChan). */
  pop(): void {
    if (this.n === 0) return;
    this.n--;
    const b = this.hBucket[0] as number;
    const e = this.bHead[b] as number;
    const next = this.eNext[e] as number;
    this.eNext[e] = this.freeSlot;
    this.freeSlot = e;
    if (next >= 0) {
      this.bHead[b] = next;
      this.tReq = this.eReq[next] as number;
      this.tChan = this.eChan[next] as number;
      return;
    }
    // Bucket drained: retire it and expose the next bucket's head.
    this.bLive[b] = 0;
    this.bHead[b] = this.freeBucket;
    this.freeBucket = b;
    this.heapPop();
    if (this.nb === 0) {
      this.tTime = Infinity;
      return;
    }
    const nbk = this.hBucket[0] as number;
    const ne = this.bHead[nbk] as number;
    this.tTime = this.hTime[0] as number;
    this.tReq = this.eReq[ne] as number;
    this.tChan = this.eChan[ne] as number;
  }

  /** (time, creation) order of buckets x and y. */
  private before(tx: number, x: number, ty: number, y: number): boolean {
    return tx < ty || (tx === ty && (this.bSeq[x] as number) < (this.bSeq[y] as number));
  }

  /** Inserts the newest bucket `b` (it follows every bucket of equal time). */
  private heapPush(timePs: number, b: number): void {
    let i = this.nb++;
    const t = this.hTime, hb = this.hBucket;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = t[p] as number;
      if (pt <= timePs) break;
      t[i] = pt; hb[i] = hb[p] as number;
      i = p;
    }
    t[i] = timePs; hb[i] = b;
  }

  private heapPop(): void {
    const n = --this.nb;
    if (n === 0) return;
    const t = this.hTime, hb = this.hBucket;
    const lt = t[n] as number, lb = hb[n] as number;
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= n) break;
      const m2 = m + 1;
      if (m2 < n && this.before(t[m2] as number, hb[m2] as number, t[m] as number, hb[m] as number)) m = m2;
      const mt = t[m] as number, mb = hb[m] as number;
      if (this.before(lt, lb, mt, mb)) break;
      t[i] = mt; hb[i] = mb;
      i = m;
    }
    t[i] = lt; hb[i] = lb;
  }

  private growSlots(): void {
    const c2 = this.eReq.length * 2;
    const r = new Float64Array(c2); r.set(this.eReq); this.eReq = r;
    const c = new Int32Array(c2); c.set(this.eChan); this.eChan = c;
    const x = new Int32Array(c2); x.set(this.eNext); this.eNext = x;
  }

  private growBuckets(): void {
    const c2 = this.bTime.length * 2;
    const t = new Float64Array(c2); t.set(this.bTime); this.bTime = t;
    const s = new Float64Array(c2); s.set(this.bSeq); this.bSeq = s;
    const h = new Int32Array(c2); h.set(this.bHead); this.bHead = h;
    const tl = new Int32Array(c2); tl.set(this.bTail); this.bTail = tl;
    const l = new Uint8Array(c2); l.set(this.bLive); this.bLive = l;
    const ht = new Float64Array(c2); ht.set(this.hTime); this.hTime = ht;
    const hb = new Int32Array(c2); hb.set(this.hBucket); this.hBucket = hb;
  }
}
