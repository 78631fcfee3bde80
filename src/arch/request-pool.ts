/**
 * Request-id pool: every in-flight memory request is a small integer indexing parallel typed arrays
 * (stream, size, accept time), so the hot path allocates no object per access
 * (performance-notes.md). Capacity = the sum of the initiators' outstanding windows.
 */

/** Fixed-capacity pool of request ids with per-request fields in typed arrays. */
export class RequestPool {
  /** Stream index of each live request. */
  readonly stream: Int32Array;
  /** Bytes of each live request. */
  readonly size: Int32Array;
  /** Time the device accepted the request, ps. */
  readonly acceptPs: Float64Array;
  private readonly freeIds: Int32Array;
  private nFree: number;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`request pool capacity must be a positive integer, got ${capacity}`);
    this.stream = new Int32Array(capacity);
    this.size = new Int32Array(capacity);
    this.acceptPs = new Float64Array(capacity);
    this.freeIds = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.freeIds[i] = capacity - 1 - i;
    this.nFree = capacity;
  }
  /** Requests currently allocated. */
  get live(): number {
    return this.capacity - this.nFree;
  }
  /** A free id, or -1 when all are in flight. */
  alloc(): number {
    return this.nFree === 0 ? -1 : (this.freeIds[--this.nFree] as number);
  }
  release(id: number): void {
    this.freeIds[this.nFree++] = id;
  }
}
