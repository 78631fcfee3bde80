/**
 * Initiators, address-range streams and the per-tag byte ledger. A stream is one contiguous range
 * (a tensor part, a KV slice) that its initiator expands lazily into granule-sized requests; the
 * initiator's outstanding-request window bounds how many are in flight (back-pressure by windows).
 */
import type { MemoryPort } from './port.js';

/** A traffic source (GPU, DLA, CPU, the Model Weight Controller) with an outstanding window. */
export class Initiator {
  /** Requests in flight from this initiator (all ports). */
  inFlight = 0;
  /** Ports that found this initiator's window full and wait for a free slot. */
  waiters: MemoryPort[] = [];
  private spare: MemoryPort[] = [];
  constructor(
    readonly id: string,
    readonly index: number,
    /** Maximum outstanding requests. */
    readonly window: number,
    /** Fixed-priority arbitration rank (lower wins). */
    readonly priority: number,
    /** Weighted arbitration share (positive integer). */
    readonly weight: number,
  ) {
    if (!Number.isInteger(window) || window < 1) throw new Error(`initiator ${id}: window must be a positive integer, got ${window}`);
  }
  get hasSlot(): boolean {
    return this.inFlight < this.window;
  }
  /** Wakes every waiting port once (they may re-register); no allocation. */
  wakeWaiters(): void {
    const w = this.waiters;
    this.waiters = this.spare;
    this.spare = w;
    for (let k = 0; k < w.length; k++) (w[k] as MemoryPort).windowFreed(this.index);
    w.length = 0;
  }
}

/** One address range read or written by one initiator through one port. */
export class Stream {
  /** Bytes handed to the device so far. */
  issued = 0;
  /** Bytes completed so far. */
  done = 0;
  /** Requests completed so far. */
  requests = 0;
  /** Latest arrival time of this stream's data at the initiator, ps. */
  lastArrivalPs = 0;
  constructor(
    readonly index: number,
    readonly port: MemoryPort,
    readonly initiator: Initiator,
    /** Device-local start address. */
    readonly base: number,
    readonly bytes: number,
    readonly isWrite: boolean,
    /** Ledger tag (tensor part / role) for per-tag statistics. */
    readonly tag: number,
    /** Called once, when the last byte completed; the stream's lastArrivalPs is final. */
    readonly onDone: (s: Stream) => void,
  ) {}
}

/** Bytes requested and delivered per tag (conservation check) plus tag metadata. */
export class TagLedger {
  private requested = new Float64Array(64);
  private delivered = new Float64Array(64);
  private accesses = new Float64Array(64);
  readonly names: string[] = [];
  readonly roles: string[] = [];
  readonly parts: string[] = [];
  readonly memories: string[] = [];
  private readonly byKey = new Map<string, number>();

  /** Tag id for (name, memory); created on first use. */
  tagFor(name: string, role: string, part: string, memory: string): number {
    const key = `${name}\u0000${part}\u0000${memory}`;
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    const t = this.names.length;
    this.names.push(name); this.roles.push(role); this.parts.push(part); this.memories.push(memory);
    this.byKey.set(key, t);
    if (t >= this.requested.length) {
      const grow = (a: Float64Array): Float64Array<ArrayBuffer> => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
      this.requested = grow(this.requested); this.delivered = grow(this.delivered); this.accesses = grow(this.accesses);
    }
    return t;
  }
  get size(): number {
    return this.names.length;
  }
  request(tag: number, bytes: number): void {
    this.requested[tag] = (this.requested[tag] as number) + bytes;
  }
  /** Records `bytes` delivered in `requests` accesses for `tag` (once per completed stream). */
  deliver(tag: number, bytes: number, requests: number): void {
    this.delivered[tag] = (this.delivered[tag] as number) + bytes;
    this.accesses[tag] = (this.accesses[tag] as number) + requests;
  }
  requestedBytes(tag: number): number {
    return this.requested[tag] as number;
  }
  deliveredBytes(tag: number): number {
    return this.delivered[tag] as number;
  }
  accessCount(tag: number): number {
    return this.accesses[tag] as number;
  }
}
