/**
 * Shared machinery of the reservation-style device models (SRAM, STT-MRAM, ReRAM): bounded
 * per-channel queues with a retry hook, one engine wake-up per batch of completions, action
 * counters in a typed array, and optional per-tag bit-error sampling. Subclasses compute each
 * request's completion time from next-free times of their banks/arrays/channels (FCFS per resource).
 */
import type { Engine } from '../../engine/engine.js';
import { Priority } from '../../engine/priority.js';
import { rngFor, type Rng } from '../../engine/rng.js';
import { SimError } from '../../engine/errors.js';
import type { Ps } from '../../units/quantity.js';
import type { ActionCounts, CompletionFn, ErrorStats, MemoryDevice, TagErrorStats } from '../device.js';
import { CompletionHeap } from './completion-heap.js';
import type { AccessNoise } from '../noise/access-noise.js';
import { requireIntegers } from '../param-error.js';
import { assertNoiseFitsCells } from '../noise/cell-fit.js';
import { noisePresetsFitting } from '../noise/models.js';

/**
 * What a device needs from a noise model (src/devices/noise AccessNoise): sample the number of
 * flipped bits among `nBits` read bits, and the analytic per-bit probability.
 */
export type AccessNoiseLike = Pick<AccessNoise, 'sampleErrors' | 'expectedErrorsPerBit' | 'bitsPerCell'>;

/** Construction context common to every device. */
export interface DeviceContext {
  readonly engine: Engine;
  /** Component path, also the RNG stream name. */
  readonly path: string;
  /** Run seed for rngFor(seed, path). Default 0. */
  readonly seed?: number;
  /** Optional read-noise model; when present, errorStats() is populated. */
  readonly noise?: AccessNoiseLike;
}

export abstract class DeviceCore implements MemoryDevice {
  readonly path: string;
  abstract readonly kind: string;
  abstract readonly capacityBytes: number;
  abstract readonly granuleBytes: number;
  abstract readonly peakBandwidth: number;

  protected readonly engine: Engine;
  /** Seeded stream for this device (program-verify sampling, noise sampling). */
  protected readonly rng: Rng;
  private readonly noise: AccessNoiseLike | undefined;
  /**
   * The noise model's expected errors per bit is 0: every sample is 0 (a non-negative count with
   * mean 0), so reads only count bits and the noise stream is not drawn from.
   */
  private readonly noiseFree: boolean;
  /** Separate stream for noise so attaching a noise model never perturbs timing samples. */
  private readonly noiseRng: Rng;
  private readonly actionNames: readonly string[];
  /** Action counters, indexed like actionNames. */
  protected readonly act: Float64Array;
  protected bytesRead = 0;
  protected bytesWritten = 0;
  /** Data-busy time summed over the device's shared data resources, ps. */
  protected busyPs = 0;

  private readonly heap = new CompletionHeap(256);
  private readonly outstanding: Int32Array;
  private readonly queueDepth: number;
  private retryPending = false;
  private completion: CompletionFn = () => {};
  private retryFn: () => void = () => {};
  /** Scheduled wake times, strictly decreasing from bottom to top (see onWake). */
  private wakes = new Float64Array(16);
  private nWakes = 0;
  private readonly wakeFn = (): void => this.onWake();

  // Per-tag error statistics (only used with a noise model), indexed by tag; grown by doubling.
  private tagAccesses = new Float64Array(8);
  private tagBits = new Float64Array(8);
  private tagErrors = new Float64Array(8);
  private tagErrAccesses = new Float64Array(8);

  protected constructor(ctx: DeviceContext, actionNames: readonly string[], queueChannels: number, queueDepth: number) {
    this.engine = ctx.engine;
    this.path = ctx.path;
    this.rng = rngFor(ctx.seed ?? 0, ctx.path);
    this.noise = ctx.noise;
    this.noiseFree = ctx.noise !== undefined && ctx.noise.expectedErrorsPerBit === 0;
    this.noiseRng = rngFor(ctx.seed ?? 0, `${ctx.path}.noise`);
    this.actionNames = actionNames;
    this.act = new Float64Array(actionNames.length);
    requireIntegers({ queueDepth }, ['queueDepth'], 1, ctx.path);
    this.queueDepth = queueDepth;
    this.outstanding = new Int32Array(queueChannels);
  }

  /**
   * Refuses a multi-level noise model whose cells hold a different number of bits than this device's
   * cells (e.g. the 8-level 3-bit set on 2-bit cells): its per-cell error rates would not apply.
   */
  protected checkNoiseCells(deviceBitsPerCell: number): void {
    if (this.noise?.bitsPerCell === undefined || this.noise.bitsPerCell === deviceBitsPerCell) return;
    const presets = noisePresetsFitting(deviceBitsPerCell).join(', ');
    assertNoiseFitsCells(this.path, this.kind, this.noise.bitsPerCell, deviceBitsPerCell, `use a model with ${2 ** deviceBitsPerCell} levels or a per-bit model (presets: ${presets})`);
  }

  /** Index of the queue (channel) a request at `addr` waits in. */
  protected abstract queueOf(addr: number): number;
  /**
   * Reserves the resources for one request offered at `nowPs` and returns its completion time (ps,
   * integer, > nowPs). Must update action counters and busyPs. `addr` is already folded into capacity.
   */
  protected abstract reserve(addr: number, sizeBytes: number, isWrite: boolean, nowPs: number): number;

  setCompletion(fn: CompletionFn): void {
    this.completion = fn;
  }
  setRetry(fn: () => void): void {
    this.retryFn = fn;
  }

  offer(reqId: number, addr: number, sizeBytes: number, isWrite: boolean, tag: number): boolean {
    if (!(sizeBytes > 0) || !Number.isInteger(sizeBytes)) {
      throw new SimError(`request size must be a positive integer number of bytes, got ${sizeBytes}`, this.engine.now, this.path);
    }
    // Simplification: addresses are folded into the device capacity (a trace may span more space).
    const a = addr < this.capacityBytes && addr >= 0 ? addr : ((addr % this.capacityBytes) + this.capacityBytes) % this.capacityBytes;
    const q = this.queueOf(a);
    if ((this.outstanding[q] as number) >= this.queueDepth) {
      this.retryPending = true;
      return false;
    }
    const now = this.engine.now as number;
    const done = this.reserve(a, sizeBytes, isWrite, now);
    this.outstanding[q] = (this.outstanding[q] as number) + 1;
    if (isWrite) this.bytesWritten += sizeBytes;
    else {
      this.bytesRead += sizeBytes;
      if (this.noise !== undefined) this.sampleNoise(sizeBytes * 8, tag);
    }
    this.heap.push(done, reqId, q);
    this.armWake();
    return true;
  }

  private armWake(): void {
    const top = this.heap.topTime;
    const cur = this.nWakes === 0 ? Infinity : (this.wakes[this.nWakes - 1] as number);
    if (top < cur) {
      if (this.nWakes === this.wakes.length) {
        const w = new Float64Array(this.wakes.length * 2);
        w.set(this.wakes);
        this.wakes = w;
      }
      this.wakes[this.nWakes++] = top;
      this.engine.schedule(top, this.wakeFn, Priority.Response);
    }
  }

  /** Wakes fire in increasing time; each one scheduled was earlier than all pending ones, so LIFO. */
  private onWake(): void {
    this.nWakes--;
    const now = this.engine.now as number;
    const h = this.heap;
    let freed = false;
    while (h.size > 0 && h.topTime <= now) {
      const req = h.topReq, ch = h.topChan, t = h.topTime;
      h.pop();
      this.outstanding[ch] = (this.outstanding[ch] as number) - 1;
      freed = true;
      this.completion(req, t);
    }
    if (freed && this.retryPending) {
      this.retryPending = false;
      this.retryFn();
    }
    this.armWake();
  }

  private sampleNoise(nBits: number, tag: number): void {
    const t = tag >= 0 && Number.isInteger(tag) ? tag : 0;
    if (t >= this.tagAccesses.length) this.growTags(t);
    const e = this.noiseFree ? 0 : (this.noise as AccessNoiseLike).sampleErrors(nBits, this.noiseRng);
    this.tagAccesses[t] = (this.tagAccesses[t] as number) + 1;
    this.tagBits[t] = (this.tagBits[t] as number) + nBits;
    if (e > 0) {
      this.tagErrors[t] = (this.tagErrors[t] as number) + e;
      this.tagErrAccesses[t] = (this.tagErrAccesses[t] as number) + 1;
    }
  }

  private growTags(t: number): void {
    let n = this.tagAccesses.length;
    while (n <= t) n *= 2;
    const grow = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.tagAccesses = grow(this.tagAccesses);
    this.tagBits = grow(this.tagBits);
    this.tagErrors = grow(this.tagErrors);
    this.tagErrAccesses = grow(this.tagErrAccesses);
  }

  counts(): ActionCounts {
    const actions: Record<string, number> = {};
    for (let i = 0; i < this.actionNames.length; i++) actions[this.actionNames[i] as string] = this.act[i] as number;
    return {
      path: this.path, kind: this.kind, actions,
      bytesRead: this.bytesRead, bytesWritten: this.bytesWritten,
      busyPs: this.busyPs, elapsedPs: this.engine.now as Ps,
    };
  }

  errorStats(): ErrorStats {
    const byTag: TagErrorStats[] = [];
    const p = this.noise?.expectedErrorsPerBit ?? 0;
    for (let t = 0; t < this.tagAccesses.length; t++) {
      const accesses = this.tagAccesses[t] as number;
      if (accesses === 0) continue;
      const bitsRead = this.tagBits[t] as number;
      byTag.push({
        tag: t, accesses, bitsRead, bitErrors: this.tagErrors[t] as number,
        accessesWithErrors: this.tagErrAccesses[t] as number, expectedBitErrors: bitsRead * p,
      });
    }
    return { path: this.path, byTag };
  }

  /** Requests accepted and not yet completed, over all queues. */
  get inFlight(): number {
    return this.heap.size;
  }
}

/** Ceil of size/bandwidth in integer ps, from a precomputed ps-per-byte factor. */
export function xferPs(sizeBytes: number, psPerByte: number): number {
  return Math.ceil(sizeBytes * psPerByte - 1e-9);
}
