/**
 * STT-MRAM: banks behind channels. Each channel has one data bus of fixed bandwidth (QMC Table 1:
 * 36.57 GiB/s per channel); a bank senses in `readLatency` (QMC: 3.5 ns) and programs in
 * `writeLatency` (write pulse + periphery; asymmetric, see presets for sources). Fidelity:
 * reservation model, FCFS per bank and per bus, requests split into granules interleaved
 * channel-first then bank. Simplification: the bus is granted in offer order (no reordering).
 */
import type { Bytes, BytesPerSec, Ps } from '../../units/quantity.js';
import { DeviceCore, xferPs, type DeviceContext } from './device-core.js';
import { DeviceParamError, requireIntegers, requireCapacity, requireUnitCount, requireWholeBytes } from '../param-error.js';

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
  /** Bus time of one whole granule, ps. */
  private readonly xferFull: number;
  /** Decoded address (see decode); dAddr = -1 when stale. */
  private dAddr = -1;
  private dIdx = 0;
  private dOff = 0;
  private dC = 0;
  private dRb = 0;
  /** Hint: decode of the granule-aligned address hAddr (after the last reserved granule). */
  private hAddr = -1;
  private hIdx = 0;
  private hC = 0;
  private hRb = 0;

  constructor(readonly params: SttMramParams, ctx: DeviceContext) {
    super(ctx, sttMramActions, requireUnitCount(params, ['channels'], 'channels', ctx.path), params.queueDepth);
    requireIntegers(params, ['channels', 'banksPerChannel'], 1, ctx.path);
    requireUnitCount(params, ['channels', 'banksPerChannel'], 'banks', ctx.path);
    requireWholeBytes('granule', params.granule, ctx.path);
    requireCapacity(params.capacity, params.granule, 'granule', ctx.path);
    if (!(params.channelBandwidth > 0)) throw new DeviceParamError('channelBandwidth', `channelBandwidth must be > 0 B/s, got ${params.channelBandwidth}`, ctx.path);
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
    this.xferFull = xferPs(params.granule, this.psPerByte);
    this.checkNoiseCells(1); // one MTJ stores one bit
  }

  protected queueOf(addr: number): number {
    this.decode(addr);
    return this.dC;
  }

  /**
   * Decodes `addr` into granule index, offset, channel and row-in-channel (d* fields). A request
   * starting where the previous one's granules ended (a sequential stream) reuses the counters the
   * previous reserve advanced, so the common case needs no division.
   */
  private decode(addr: number): void {
    this.dAddr = addr;
    if (addr === this.hAddr) {
      this.dIdx = this.hIdx; this.dOff = 0; this.dC = this.hC; this.dRb = this.hRb;
      return;
    }
    const g = this.granuleBytes, C = this.C;
    const idx = Math.floor(addr / g);
    this.dIdx = idx;
    this.dOff = addr - idx * g;
    this.dC = idx % C;
    this.dRb = Math.floor(idx / C) % this.B;
  }

  protected reserve(addr: number, size: number, isWrite: boolean, now: number): number {
    if (addr !== this.dAddr) this.decode(addr);
    const g = this.granuleBytes, C = this.C, B = this.B;
    let idx = this.dIdx, c = this.dC, rb = this.dRb;
    let off = this.dOff;
    let left = size;
    let done = now;
    const bankFree = this.bankFree, chanFree = this.chanFree;
    while (left > 0) {
      const full = off === 0 && left >= g;
      const n = full ? g : Math.min(left, g - off);
      const b = c * B + rb;
      const xfer = full ? this.xferFull : xferPs(n, this.psPerByte);
      if (isWrite) {
        const cf = chanFree[c] as number;
        const xe = (now > cf ? now : cf) + xfer;
        chanFree[c] = xe;
        const bf = bankFree[b] as number;
        const we = (xe > bf ? xe : bf) + this.tWrite;
        bankFree[b] = we;
        if (we > done) done = we;
      } else {
        const bf = bankFree[b] as number;
        const sensed = (now > bf ? now : bf) + this.tRead;
        bankFree[b] = sensed;
        const cf = chanFree[c] as number;
        const xe = (sensed > cf ? sensed : cf) + xfer;
        chanFree[c] = xe;
        if (xe > done) done = xe;
      }
      this.busyPs += xfer;
      left -= n;
      off = 0;
      idx++;
      if (++c === C) {
        c = 0;
        if (++rb === B) rb = 0;
      }
    }
    // The decode of the granule after this request (next request of a sequential stream).
    this.hAddr = idx * g; this.hIdx = idx; this.hC = c; this.hRb = rb;
    this.dAddr = -1;
    const act = this.act;
    if (isWrite) {
      act[A_WRITE] = (act[A_WRITE] as number) + 1;
      act[A_WBITS] = (act[A_WBITS] as number) + size * 8;
    } else {
      act[A_READ] = (act[A_READ] as number) + 1;
      act[A_RBITS] = (act[A_RBITS] as number) + size * 8;
    }
    return done;
  }
}

/** Creates an STT-MRAM device. */
export function createSttMram(params: SttMramParams, ctx: DeviceContext): SttMram {
  return new SttMram(params, ctx);
}
