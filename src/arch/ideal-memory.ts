/**
 * A reference memory with deterministic service: `channels` independent FIFO servers, each taking
 * `latency + size / channelBandwidth` per request, addresses interleaved over channels by granule.
 * Used as the analytic check device (M/D/1 tests, streaming calibration) and as a documented
 * stand-in when a device type has no model. Fidelity: no banks, rows or refresh.
 */
import type { Engine } from '../engine/engine.js';
import { Priority } from '../engine/priority.js';
import type { ActionCounts, CompletionFn, ErrorStats, MemoryDevice } from '../devices/device.js';
import type { Ps } from '../units/quantity.js';

export interface IdealMemoryParams {
  readonly capacityBytes: number;
  readonly granuleBytes: number;
  readonly channels: number;
  /** Bandwidth of one channel, B/s. */
  readonly channelBandwidth: number;
  /** Fixed access latency added to every request, ps. */
  readonly latencyPs: number;
  /** Requests a channel may hold (queued + in service). */
  readonly queueDepth: number;
}

export class IdealMemory implements MemoryDevice {
  readonly kind = 'ideal';
  readonly capacityBytes: number;
  readonly granuleBytes: number;
  readonly peakBandwidth: number;
  private readonly psPerByte: number;
  private readonly free: Float64Array;
  private readonly queued: Int32Array;
  // Completion FIFO per device (service is FIFO per channel; a global min-order is kept by the
  // engine: one event per completion, same-time completions batched).
  private readonly doneT: number[] = [];
  private readonly doneR: number[] = [];
  private readonly doneC: number[] = [];
  private completion: CompletionFn = () => {};
  private retryFn: () => void = () => {};
  private retryPending = false;
  private reads = 0;
  private writes = 0;
  private bytesRead = 0;
  private bytesWritten = 0;
  private busyPs = 0;

  constructor(private readonly engine: Engine, readonly path: string, private readonly p: IdealMemoryParams) {
    this.capacityBytes = p.capacityBytes;
    this.granuleBytes = p.granuleBytes;
    this.peakBandwidth = p.channelBandwidth * p.channels;
    this.psPerByte = 1e12 / p.channelBandwidth;
    this.free = new Float64Array(p.channels);
    this.queued = new Int32Array(p.channels);
  }
  setCompletion(fn: CompletionFn): void {
    this.completion = fn;
  }
  setRetry(fn: () => void): void {
    this.retryFn = fn;
  }
  offer(reqId: number, addr: number, sizeBytes: number, isWrite: boolean, _tag: number): boolean {
    const ch = Math.floor(addr / this.granuleBytes) % this.p.channels;
    if ((this.queued[ch] as number) >= this.p.queueDepth) {
      this.retryPending = true;
      return false;
    }
    const now = this.engine.now as number;
    const start = Math.max(now, this.free[ch] as number);
    const occ = Math.ceil(sizeBytes * this.psPerByte - 1e-9);
    this.free[ch] = start + occ;
    this.busyPs += occ;
    const done = start + occ + this.p.latencyPs;
    this.queued[ch] = (this.queued[ch] as number) + 1;
    if (isWrite) { this.writes++; this.bytesWritten += sizeBytes; } else { this.reads++; this.bytesRead += sizeBytes; }
    // Insert keeping time order (usually appends).
    let i = this.doneT.length;
    while (i > 0 && (this.doneT[i - 1] as number) > done) i--;
    this.doneT.splice(i, 0, done); this.doneR.splice(i, 0, reqId); this.doneC.splice(i, 0, ch);
    if (i === 0) this.engine.schedule(done, this.wake, Priority.Response);
    return true;
  }
  private readonly wake = (): void => {
    const now = this.engine.now as number;
    if (this.doneT.length === 0 || (this.doneT[0] as number) > now) return; // stale wake
    let k = 0;
    while (k < this.doneT.length && (this.doneT[k] as number) <= now) k++;
    const t = this.doneT.splice(0, k), r = this.doneR.splice(0, k), c = this.doneC.splice(0, k);
    for (let j = 0; j < k; j++) {
      this.queued[c[j] as number] = (this.queued[c[j] as number] as number) - 1;
      this.completion(r[j] as number, t[j] as number);
    }
    if (this.retryPending) {
      this.retryPending = false;
      this.retryFn();
    }
    if (this.doneT.length > 0) this.engine.schedule(this.doneT[0] as number, this.wake, Priority.Response);
  };
  counts(): ActionCounts {
    return {
      path: this.path, kind: this.kind, actions: { read: this.reads, write: this.writes, readBits: this.bytesRead * 8, writeBits: this.bytesWritten * 8 },
      bytesRead: this.bytesRead, bytesWritten: this.bytesWritten, busyPs: this.busyPs, elapsedPs: this.engine.now as Ps,
    };
  }
  errorStats(): ErrorStats {
    return { path: this.path, byTag: [] };
  }
}
