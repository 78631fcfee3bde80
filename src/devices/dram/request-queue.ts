/**
 * Allocation-free request storage for one DRAM channel: a fixed pool of request slots in parallel
 * typed arrays, doubly linked per (bank, read|write) in arrival order, and growable completion rings.
 * No object is created per request; slots are recycled through a free stack.
 */

/** Request slots of one channel with per-bank FIFO lists for reads (q = 0) and writes (q = 1). */
export class RequestPool {
  readonly reqId: Float64Array;
  readonly arrival: Float64Array;
  readonly seq: Float64Array;
  readonly bank: Int32Array;
  readonly row: Int32Array;
  readonly bursts: Int8Array;
  readonly isWrite: Uint8Array;
  readonly parent: Int32Array;
  /** 0 unclassified, 1 row hit, 2 row miss (closed bank), 3 row conflict. */
  readonly rowClass: Uint8Array;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  /** head/tail/count indexed by bank * 2 + q. */
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly count: Int32Array;
  readCount = 0;
  writeCount = 0;
  private readonly free: Int32Array;
  private freeTop: number;
  private seqNext = 0;

  constructor(readonly readCap: number, readonly writeCap: number, banks: number) {
    const n = readCap + writeCap;
    this.reqId = new Float64Array(n);
    this.arrival = new Float64Array(n);
    this.seq = new Float64Array(n);
    this.bank = new Int32Array(n);
    this.row = new Int32Array(n);
    this.bursts = new Int8Array(n);
    this.isWrite = new Uint8Array(n);
    this.parent = new Int32Array(n);
    this.rowClass = new Uint8Array(n);
    this.next = new Int32Array(n).fill(-1);
    this.prev = new Int32Array(n).fill(-1);
    this.head = new Int32Array(banks * 2).fill(-1);
    this.tail = new Int32Array(banks * 2).fill(-1);
    this.count = new Int32Array(banks * 2);
    this.free = new Int32Array(n);
    for (let i = 0; i < n; i++) this.free[i] = n - 1 - i;
    this.freeTop = n;
  }

  hasRoom(isWrite: boolean): boolean {
    return isWrite ? this.writeCount < this.writeCap : this.readCount < this.readCap;
  }

  /** Takes a slot, fills it and appends it to its bank list. Caller checked hasRoom. */
  add(reqId: number, arrival: number, bank: number, row: number, bursts: number, isWrite: boolean, parent: number): number {
    const s = this.free[--this.freeTop]!;
    this.reqId[s] = reqId;
    this.arrival[s] = arrival;
    this.seq[s] = this.seqNext++;
    this.bank[s] = bank;
    this.row[s] = row;
    this.bursts[s] = bursts;
    this.isWrite[s] = isWrite ? 1 : 0;
    this.parent[s] = parent;
    this.rowClass[s] = 0;
    const k = bank * 2 + (isWrite ? 1 : 0);
    const t = this.tail[k]!;
    this.prev[s] = t;
    this.next[s] = -1;
    if (t < 0) this.head[k] = s;
    else this.next[t] = s;
    this.tail[k] = s;
    this.count[k]!++;
    if (isWrite) this.writeCount++;
    else this.readCount++;
    return s;
  }

  /** Unlinks slot s from its bank list and frees it. */
  remove(s: number): void {
    const w = this.isWrite[s]!;
    const k = this.bank[s]! * 2 + w;
    const p = this.prev[s]!;
    const n = this.next[s]!;
    if (p < 0) this.head[k] = n;
    else this.next[p] = n;
    if (n < 0) this.tail[k] = p;
    else this.prev[n] = p;
    this.count[k]!--;
    if (w) this.writeCount--;
    else this.readCount--;
    this.free[this.freeTop++] = s;
  }

  /** Oldest entry of bank b in queue q whose row is `row`, or -1. */
  findHit(b: number, q: number, row: number): number {
    let e = this.head[b * 2 + q]!;
    while (e >= 0 && this.row[e] !== row) e = this.next[e]!;
    return e;
  }
}

/** FIFO of completions with non-decreasing done times (one per channel and direction). Grows. */
export class CompletionRing {
  reqId: Float64Array;
  parent: Int32Array;
  arrival: Float64Array;
  done: Float64Array;
  /** Done time of the oldest entry, or Infinity when empty (kept current by push / pop). */
  headDone = Infinity;
  private headIdx = 0;
  private n = 0;
  /** Capacity − 1 (capacity is a power of two). */
  private mask: number;

  constructor(capacity = 64) {
    if (!Number.isInteger(Math.log2(capacity))) throw new Error(`CompletionRing capacity ${capacity} is not a power of two`);
    this.reqId = new Float64Array(capacity);
    this.parent = new Int32Array(capacity);
    this.arrival = new Float64Array(capacity);
    this.done = new Float64Array(capacity);
    this.mask = capacity - 1;
  }
  get size(): number {
    return this.n;
  }
  get headIndex(): number {
    return this.headIdx;
  }
  push(reqId: number, parent: number, arrival: number, done: number): void {
    if (this.n === this.done.length) this.grow();
    const i = (this.headIdx + this.n) & this.mask;
    this.reqId[i] = reqId;
    this.parent[i] = parent;
    this.arrival[i] = arrival;
    this.done[i] = done;
    if (this.n++ === 0) this.headDone = done;
  }
  /** Drops the head (read its fields through headIndex first). */
  pop(): void {
    this.headIdx = (this.headIdx + 1) & this.mask;
    this.headDone = --this.n === 0 ? Infinity : this.done[this.headIdx]!;
  }
  private grow(): void {
    const c = this.done.length;
    const order = (a: Float64Array | Int32Array, b: Float64Array | Int32Array): void => {
      for (let k = 0; k < this.n; k++) b[k] = a[(this.headIdx + k) % c]!;
    };
    const r = new Float64Array(c * 2), p = new Int32Array(c * 2), a = new Float64Array(c * 2), d = new Float64Array(c * 2);
    order(this.reqId, r); order(this.parent, p); order(this.arrival, a); order(this.done, d);
    this.reqId = r; this.parent = p; this.arrival = a; this.done = d;
    this.headIdx = 0;
    this.mask = c * 2 - 1;
  }
}
