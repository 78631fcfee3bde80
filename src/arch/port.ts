/**
 * A memory port: the SoC-side controller front end of one memory. It arbitrates between initiators
 * (round-robin / fixed priority / weighted), expands the winning stream into granule requests,
 * offers them to the device (a refusal parks the port until the device's retry hook — requests are
 * retried, never dropped), and carries completions over the memory's link back to the initiator.
 * Zero engine events per access on this side: issue happens inside completion/retry callbacks.
 */
import type { Engine } from '../engine/engine.js';
import { Priority } from '../engine/priority.js';
import type { MemoryDevice } from '../devices/device.js';
import type { Arbiter } from './arbiter.js';
import type { Link } from './link.js';
import type { RequestPool } from './request-pool.js';
import type { Initiator, Stream, TagLedger } from './stream.js';
import { BucketSeries } from './time-series.js';

/** Shared run state the ports of one SoC index into. */
export interface Fabric {
  readonly engine: Engine;
  readonly pool: RequestPool;
  readonly streams: Stream[];
  readonly ledger: TagLedger;
  readonly initiators: readonly Initiator[];
}

export class MemoryPort {
  /** Per initiator: FIFO of streams still issuing. */
  private readonly queues: Stream[][];
  private readonly heads: Int32Array;
  private readonly waitingOn: Uint8Array;
  /** Initiators with queued streams (fast path: a single one skips arbitration). */
  private nActive = 0;
  private lastActive = -1;
  /** Initiator whose granted request the device refused: it keeps the grant until accepted. */
  private held = -1;
  private blocked = false;
  private blockedSincePs = 0;
  private linkWakeArmed = false;
  private readonly eligible: (i: number) => boolean;
  private readonly wake = (): void => {
    this.linkWakeArmed = false;
    this.pump();
  };

  // Statistics.
  requests = 0;
  bytesIssued = 0;
  bytesDelivered = 0;
  /** Σ (device completion − device accept), ps. */
  deviceLatencySumPs = 0;
  /** Smallest device latency seen (the unloaded service latency), ps. */
  deviceLatencyMinPs = Infinity;
  /** Time the port had work but the device refused it (back-pressure stall), ps. */
  stallPs = 0;
  /** Number of refusals. */
  refusals = 0;
  /**
   * Bytes delivered per time bucket (utilisation over time). Each completion's bytes are spread
   * over the time they take at the device's peak bandwidth, in a virtual pipe that ends at the
   * completion or, if the pipe is still busy with earlier bytes, after them: no bucket can then
   * hold more than peak × width (a completion-time point would put a transfer begun in one bucket
   * wholly into the next, up to 0.3 % over peak), and every byte is still counted once.
   */
  readonly series = new BucketSeries(64);
  /** ps per byte at the device's peak bandwidth (0: no finite peak, point samples). */
  private readonly peakPsPerByte: number;
  /** End of the utilisation pipe, ps. */
  private utilFreePs = 0;

  constructor(
    readonly id: string,
    readonly device: MemoryDevice,
    readonly link: Link,
    private readonly arbiter: Arbiter,
    private readonly fabric: Fabric,
    /** Request size, bytes (the device granule unless configured). */
    readonly requestBytes: number,
  ) {
    const n = fabric.initiators.length;
    this.queues = Array.from({ length: n }, () => []);
    this.heads = new Int32Array(n);
    this.waitingOn = new Uint8Array(n);
    this.peakPsPerByte = device.peakBandwidth > 0 && Number.isFinite(device.peakBandwidth) ? 1e12 / device.peakBandwidth : 0;
    this.eligible = (i: number): boolean => {
      const q = this.queues[i] as Stream[];
      return (this.heads[i] as number) < q.length && !this.windowFull(i);
    };
    device.setCompletion((req, donePs) => this.complete(req, donePs));
    device.setRetry(() => this.retry());
  }

  /** Queues a stream for issue and starts issuing if the port is idle. */
  submit(s: Stream): void {
    const q = this.queues[s.initiator.index] as Stream[];
    if (q.length === 0) {
      this.nActive++;
      this.lastActive = s.initiator.index;
    }
    q.push(s);
    this.fabric.ledger.request(s.tag, s.bytes);
    this.pump();
  }

  /** Called by an initiator whose window freed a slot this port was waiting for. */
  windowFreed(initiatorIndex: number): void {
    this.waitingOn[initiatorIndex] = 0;
    this.pump();
  }

  /** True when initiator i has no free window slot; the port then waits on it (windowFreed). */
  private windowFull(i: number): boolean {
    const ini = this.fabric.initiators[i] as Initiator;
    if (ini.inFlight < ini.window) return false;
    if (this.waitingOn[i] === 0) {
      this.waitingOn[i] = 1;
      ini.waiters.push(this);
    }
    return true;
  }

  /** Issues as many requests as arbitration, windows, the link buffer and the device allow. */
  pump(): void {
    if (this.blocked || this.linkWakeArmed) return;
    const f = this.fabric;
    const engine = f.engine;
    const pool = f.pool;
    const n = this.queues.length;
    const link = this.link;
    const now = engine.now as number;
    for (;;) {
      if (link.freePs - now > link.bufferPs) {
        // The link backlog exceeds its buffer: stop issuing until it drains (back-pressure).
        this.linkWakeArmed = true;
        engine.schedule(Math.ceil(link.freePs - link.bufferPs), this.wake, Priority.Default);
        return;
      }
      let i: number;
      if (this.held >= 0) {
        // A refused request keeps its grant (it is retried first, never dropped or overtaken),
        // but still needs a window slot: another port may have used its initiator's window.
        i = this.held;
        if (this.windowFull(i)) return;
        this.held = -1;
      } else if (this.nActive === 1) {
        // One contender: no arbitration needed (the common case of a weight stream).
        i = this.lastActive;
        if (this.windowFull(i)) return;
      } else {
        i = this.arbiter.pick(n, this.eligible);
        if (i < 0) return;
      }
      const q = this.queues[i] as Stream[];
      const h = this.heads[i] as number;
      const s = q[h] as Stream;
      const req = pool.alloc();
      if (req < 0) throw new Error(`request pool exhausted at port ${this.id} (pool ${pool.capacity})`);
      const left = s.bytes - s.issued;
      const size = left < this.requestBytes ? left : this.requestBytes;
      if (!this.device.offer(req, s.base + s.issued, size, s.isWrite, s.tag)) {
        pool.release(req);
        this.held = i;
        this.blocked = true;
        this.blockedSincePs = now;
        this.refusals++;
        return;
      }
      pool.stream[req] = s.index;
      pool.size[req] = size;
      pool.acceptPs[req] = now;
      s.issued += size;
      s.initiator.inFlight++;
      this.requests++;
      this.bytesIssued += size;
      if (s.issued === s.bytes) {
        // Stream fully issued: drop it from the FIFO (compact occasionally).
        const nh = h + 1;
        if (nh === q.length) {
          q.length = 0;
          this.heads[i] = 0;
          if (--this.nActive === 1) this.lastActive = this.findActive();
        } else this.heads[i] = nh;
      }
    }
  }

  private findActive(): number {
    for (let k = 0; k < this.queues.length; k++) if ((this.queues[k] as Stream[]).length > 0) return k;
    return -1;
  }

  private retry(): void {
    if (this.blocked) {
      this.blocked = false;
      this.stallPs += (this.fabric.engine.now as number) - this.blockedSincePs;
    }
    this.pump();
  }

  private complete(req: number, donePs: number): void {
    const f = this.fabric;
    const pool = f.pool;
    const s = f.streams[pool.stream[req] as number] as Stream;
    const size = pool.size[req] as number;
    const lat = donePs - (pool.acceptPs[req] as number);
    this.deviceLatencySumPs += lat;
    if (lat < this.deviceLatencyMinPs) this.deviceLatencyMinPs = lat;
    const arrive = this.link.carry(donePs, size);
    this.bytesDelivered += size;
    const dur = size * this.peakPsPerByte;
    const from = Math.max(donePs - dur, this.utilFreePs, 0);
    this.utilFreePs = from + dur;
    this.series.addSpan(from, from + dur, size);
    pool.release(req);
    s.done += size;
    s.requests++;
    if (arrive > s.lastArrivalPs) s.lastArrivalPs = arrive;
    const ini = s.initiator;
    ini.inFlight--;
    if (s.done === s.bytes) {
      f.ledger.deliver(s.tag, s.done, s.requests);
      s.onDone(s);
    }
    this.pump();
    if (ini.waiters.length > 0 && ini.inFlight < ini.window) ini.wakeWaiters();
  }
}
