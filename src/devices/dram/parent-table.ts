/**
 * Bookkeeping for requests split over several 64-B blocks: the caller's id, arrival time and the
 * number of blocks still outstanding, in growable typed arrays with a free list (no per-request object).
 */
export class ParentTable {
  reqId = new Float64Array(64);
  arrival = new Float64Array(64);
  private left = new Int32Array(64);
  private free: number[] = [];
  private used = 0;

  /** Registers a parent of `blocks` blocks and returns its slot. */
  add(reqId: number, arrival: number, blocks: number): number {
    let s = this.free.pop();
    if (s === undefined) {
      if (this.used === this.left.length) this.grow();
      s = this.used++;
    }
    this.reqId[s] = reqId;
    this.arrival[s] = arrival;
    this.left[s] = blocks;
    return s;
  }
  /** One block of parent s completed; true when it was the last. */
  finishOne(s: number): boolean {
    return --this.left[s]! === 0;
  }
  release(s: number): void {
    this.free.push(s);
  }
  private grow(): void {
    const n = this.left.length * 2;
    const r = new Float64Array(n), a = new Float64Array(n), l = new Int32Array(n);
    r.set(this.reqId); a.set(this.arrival); l.set(this.left);
    this.reqId = r; this.arrival = a; this.left = l;
  }
}
