/**
 * STT-MRAM: banks behind channels. Each channel has one data bus of fixed bandwidth (QMC Table 1:
 * 36.57 GiB/s per channel); a bank senses in `readLatency` (QMC: 3.5 ns) and programs in
 * `writeLatency` (write pulse + periphery; asymmetric, see presets for sources). Fidelity:
 * reservation model, FCFS per bank and per bus, requests split into granules interleaved
 * channel-first then bank. Simplification: the bus is granted in offer order (no reordering).
 */
import type { Bytes, BytesPerSec, Ps } from '../../units/quantity.js';
import { SimError } from '../../engine/errors.js';
import { DeviceCore, xferPs, type DeviceContext } from './device-core.js';

/** Parameters of an STT-MRAM device (canonical units: ps, bytes, B/s, pJ/bit, W). */
export interface SttMramParams {
  readonly capacity: Bytes;
  readonly channels: number;
  readonly banksPerChannel: number;
  /** Interleave granule and natural transfer size. */
  readonly granule: Bytes;
  /** Data bandwidth of one channel's bus. */
  readonly channelBandwidth: BytesPerSec;
  /** Array read latency (sense), first data ready. */
  readonly readLatency: Ps;
  /** Array write latency (write pulse incl. periphery); the bank is busy this long per granule. */
  readonly writeLatency: Ps;
  /** Read energy per bit (priced after the run). */
  readonly readEnergy: number;
  /** Write energy per bit. */
  readonly writeEnergy: number;
  /** Leakage / background power in W. */
  readonly leakagePower: number;
  /** Storage density, bit/mm² (for area reports). */
  readonly density: number;
  /** Requests waiting or in service per channel before offer() refuses. */
  readonly queueDepth: number;
}

/** Counted actions (priced by the STT-MRAM energy table). */
export const sttMramActions = ['read', 'write', 'readBits', 'writeBits'] as const;
const A_READ = 0, A_WRITE = 1, A_RBITS = 2, A_WBITS = 3;

export class SttMram extends DeviceCore {
  readonly kind = 'stt-mram';
  readonly capacityBytes: number;
  readonly granuleBytes: number;
  readonly peakBandwidth: number;
  private readonly C: number;
  private readonly B: number;
  private readonly psPerByte: number;
  private readonly tRead: number;
  private readonly tWrite: number;
  private readonly bankFree: Float64Array;
  private readonly chanFree: Float64Array;

  constructor(readonly params: SttMramParams, ctx: DeviceContext) {
    super(ctx, sttMramActions, params.channels, params.queueDepth);
    for (const k of ['channels', 'banksPerChannel'] as const) {
      if (!Number.isInteger(params[k]) || params[k] < 1) throw new SimError(`${k} must be a positive integer, got ${params[k]}`, undefined, ctx.path);
    }
    if (!(params.channelBandwidth > 0)) throw new SimError(`channelBandwidth must be > 0`, undefined, ctx.path);
    this.C = params.channels;
    this.B = params.banksPerChannel;
    this.capacityBytes = params.capacity;
    this.granuleBytes = params.granule;
    this.peakBandwidth = params.channels * params.channelBandwidth;
    this.psPerByte = 1e12 / params.channelBandwidth;
    this.tRead = params.readLatency;
    this.tWrite = params.writeLatency;
    this.bankFree = new Float64Array(this.C * this.B);
    this.chanFree = new Float64Array(this.C);
  }

  protected queueOf(addr: number): number {
    return Math.floor(addr / this.granuleBytes) % this.C;
  }

  protected reserve(addr: number, size: number, isWrite: boolean, now: number): number {
    const g = this.granuleBytes, C = this.C, B = this.B;
    let idx = Math.floor(addr / g);
    let off = addr - idx * g;
    let left = size;
    let done = now;
    const bankFree = this.bankFree, chanFree = this.chanFree;
    while (left > 0) {
      const n = Math.min(left, g - off);
      const c = idx % C;
      const b = c * B + (Math.floor(idx / C) % B);
      const xfer = xferPs(n, this.psPerByte);
      if (isWrite) {
        const xs = Math.max(now, chanFree[c] as number);
        const xe = xs + xfer;
        chanFree[c] = xe;
        const ws = Math.max(xe, bankFree[b] as number);
        const we = ws + this.tWrite;
        bankFree[b] = we;
        if (we > done) done = we;
      } else {
        const bs = Math.max(now, bankFree[b] as number);
        const sensed = bs + this.tRead;
        bankFree[b] = sensed;
        const xs = Math.max(sensed, chanFree[c] as number);
        const xe = xs + xfer;
        chanFree[c] = xe;
        if (xe > done) done = xe;
      }
      this.busyPs += xfer;
      left -= n;
      off = 0;
      idx++;
    }
    if (isWrite) {
      this.act[A_WRITE] = (this.act[A_WRITE] as number) + 1;
      this.act[A_WBITS] = (this.act[A_WBITS] as number) + size * 8;
    } else {
      this.act[A_READ] = (this.act[A_READ] as number) + 1;
      this.act[A_RBITS] = (this.act[A_RBITS] as number) + size * 8;
    }
    return done;
  }
}

/** Creates an STT-MRAM device. */
export function createSttMram(params: SttMramParams, ctx: DeviceContext): SttMram {
  return new SttMram(params, ctx);
}
