/**
 * ReRAM, SLC or MLC (1, 2 or 3 bits per cell). Arrays (QMC Table 1: 1.8 GiB/s per 256×256 array in
 * 3-bit mode, < 5 ns read) are grouped into banks and channels; requests are split at `interleave`
 * bytes and spread over arrays channel-first, then bank, then array. Reads: multi-reference sensing
 * (sensing.ts) then streaming at the array bandwidth; writes: program-and-verify rounds
 * (program-verify.ts) sampled from the device's seeded stream, one program at a time per bank
 * (shared charge pump). Each timing array stands for capacity / arrays bytes (several physical mats
 * behind one sense path). An optional channel bus serialises transfers per channel.
 */
import type { Bytes, BytesPerSec, Ps } from '../../units/quantity.js';
import { DeviceCore, xferPs, type DeviceContext } from './device-core.js';
import { IterationSampler, MAX_PROGRAM_ROUNDS, type IterationDistribution } from './program-verify.js';
import { senseComparisons, senseLatencyPs, type SensingScheme } from './sensing.js';
import { DeviceParamError, requireIntegers, requireCapacity, requireUnitCount, requireWholeBytes } from '../param-error.js';

/** Parameters of a ReRAM device (canonical units: ps, bytes, B/s, pJ, pJ/bit, W, bit/mm²). */
export interface ReramParams {
  readonly capacity: Bytes;
  readonly bitsPerCell: 1 | 2 | 3;
  readonly channels: number;
  readonly banksPerChannel: number;
  readonly arraysPerBank: number;
  readonly arrayRows: number;
  readonly arrayCols: number;
  /** Interleave granule across arrays. */
  readonly interleave: Bytes;
  /** Sustained read bandwidth of one array in this cell mode. */
  readonly arrayBandwidth: BytesPerSec;
  readonly sensing: SensingScheme;
  /** Decode + wordline + bitline settle before the first reference comparison. */
  readonly senseBase: Ps;
  /** Time of one reference comparison. */
  readonly senseStep: Ps;
  /** Per-channel bus bandwidth; 0 = not modelled (the SoC models the off-chip bus). */
  readonly channelBandwidth: BytesPerSec;
  /** Program pulse width. */
  readonly programPulse: Ps;
  /** Verify read after each pulse. */
  readonly verifyRead: Ps;
  /** Program-and-verify round distribution (program-verify.ts): min, per-round success p, cap. */
  readonly iterationsMin: number;
  readonly iterationSuccessProbability: number;
  readonly iterationsMax: number;
  /** Cells programmed in parallel in one array (write-driver count). */
  readonly parallelCells: number;
  /** Read energy per bit in this mode. */
  readonly readEnergy: number;
  /** Energy of one program pulse on one cell, pJ. */
  readonly programPulseEnergy: number;
  /** Energy of one verify read of one cell, pJ. */
  readonly verifyEnergy: number;
  readonly leakagePower: number;
  /** Storage density in this mode, bit/mm². */
  readonly density: number;
  readonly queueDepth: number;
}

/** Counted actions (priced by the ReRAM energy table). */
export const reramActions = [
  'read', 'write', 'readBits', 'writeBits', 'cellReads', 'senseComparisons', 'programPulses', 'verifyReads', 'programGroups',
] as const;
const A_READ = 0, A_WRITE = 1, A_RBITS = 2, A_WBITS = 3, A_CELLR = 4, A_CMP = 5, A_PULSE = 6, A_VERIFY = 7, A_GROUPS = 8;

export class Reram extends DeviceCore {
  readonly kind = 'reram';
  readonly capacityBytes: number;
  readonly granuleBytes: number;
  readonly peakBandwidth: number;
  /** Unloaded multi-reference sense latency in this mode, ps. */
  readonly senseLatency: number;
  /** Array area in mm² from capacity and density. */
  readonly areaMm2: number;
  readonly arrays: number;
  private readonly C: number;
  private readonly B: number;
  private readonly A: number;
  private readonly arrPsPerByte: number;
  private readonly chPsPerByte: number;
  private readonly roundPs: number;
  private readonly cmpPerCell: number;
  private readonly sampler: IterationSampler;
  private readonly arrayFree: Float64Array;
  private readonly bankProgFree: Float64Array;
  private readonly chanFree: Float64Array;
  /** Per-granule constants of a whole (aligned, full) granule. */
  private readonly cellsFull: number;
  private readonly occFull: number;
  private readonly chXferFull: number;
  /** Decoded address (see decode); dAddr = -1 when stale. */
  private dAddr = -1;
  private dIdx = 0;
  private dOff = 0;
  private dC = 0;
  private dRb = 0;
  private dRa = 0;
  /** Hint: decode of the granule-aligned address hAddr (after the last reserved granule). */
  private hAddr = -1;
  private hIdx = 0;
  private hC = 0;
  private hRb = 0;
  private hRa = 0;

  constructor(readonly params: ReramParams, ctx: DeviceContext) {
    super(ctx, reramActions, requireUnitCount(params, ['channels', 'banksPerChannel'], 'banks', ctx.path), params.queueDepth);
    requireIntegers(params, ['channels', 'banksPerChannel', 'arraysPerBank', 'parallelCells'], 1, ctx.path);
    requireUnitCount(params, ['channels', 'banksPerChannel', 'arraysPerBank'], 'arrays', ctx.path);
    requireWholeBytes('interleave', params.interleave, ctx.path);
    requireCapacity(params.capacity, params.interleave, 'interleave', ctx.path);
    if (![1, 2, 3].includes(params.bitsPerCell)) throw new DeviceParamError('bitsPerCell', `bitsPerCell must be 1, 2 or 3, got ${params.bitsPerCell}`, ctx.path);
    if (!(params.arrayBandwidth > 0)) throw new DeviceParamError('arrayBandwidth', `arrayBandwidth must be > 0 B/s, got ${params.arrayBandwidth}`, ctx.path);
    if (!(params.iterationsMax >= params.iterationsMin)) {
      throw new DeviceParamError('iterationsMax', `iterationsMax must be ≥ iterationsMin (${params.iterationsMin}), got ${params.iterationsMax}`, ctx.path, ['iterationsMin']);
    }
    if (params.iterationsMax > MAX_PROGRAM_ROUNDS) {
      throw new DeviceParamError('iterationsMax', `iterationsMax must be at most ${MAX_PROGRAM_ROUNDS} rounds, got ${params.iterationsMax}`, ctx.path);
    }
    this.C = params.channels;
    this.B = params.banksPerChannel;
    this.A = params.arraysPerBank;
    this.arrays = this.C * this.B * this.A;
    this.capacityBytes = params.capacity;
    this.granuleBytes = params.interleave;
    const arraysBw = this.arrays * params.arrayBandwidth;
    this.peakBandwidth = params.channelBandwidth > 0 ? Math.min(arraysBw, this.C * params.channelBandwidth) : arraysBw;
    this.arrPsPerByte = 1e12 / params.arrayBandwidth;
    this.chPsPerByte = params.channelBandwidth > 0 ? 1e12 / params.channelBandwidth : 0;
    this.senseLatency = senseLatencyPs(params.bitsPerCell, params.sensing, params.senseBase, params.senseStep);
    this.roundPs = params.programPulse + params.verifyRead;
    this.cmpPerCell = senseComparisons(params.bitsPerCell, params.sensing);
    this.sampler = new IterationSampler(reramIterations(params));
    this.areaMm2 = (params.capacity * 8) / params.density;
    this.arrayFree = new Float64Array(this.arrays);
    this.bankProgFree = new Float64Array(this.C * this.B);
    this.chanFree = new Float64Array(this.C);
    const g = params.interleave;
    this.cellsFull = Math.ceil((g * 8) / params.bitsPerCell);
    this.occFull = xferPs(g, this.arrPsPerByte);
    this.chXferFull = this.chPsPerByte > 0 ? xferPs(g, this.chPsPerByte) : 0;
    this.checkNoiseCells(params.bitsPerCell);
  }

  /** Mean program-and-verify rounds per cell (analytic, from the distribution). */
  get meanIterations(): number {
    return this.sampler.mean;
  }

  /** One request queue per bank (bank of the request's first granule). */
  protected queueOf(addr: number): number {
    this.decode(addr);
    return this.dC * this.B + this.dRb;
  }

  /**
   * Decodes `addr` into granule index, offset, channel, row-in-bank and array-in-bank (d* fields).
   * A request starting where the previous one's granules ended (a sequential stream) reuses the
   * counters the previous reserve advanced, so the common case needs no division.
   */
  private decode(addr: number): void {
    this.dAddr = addr;
    if (addr === this.hAddr) {
      this.dIdx = this.hIdx; this.dOff = 0; this.dC = this.hC; this.dRb = this.hRb; this.dRa = this.hRa;
      return;
    }
    const g = this.granuleBytes, C = this.C, B = this.B;
    const idx = Math.floor(addr / g);
    const r = Math.floor(idx / C);
    this.dIdx = idx;
    this.dOff = addr - idx * g;
    this.dC = idx % C;
    this.dRb = r % B;
    this.dRa = Math.floor(r / B) % this.A;
  }

  protected reserve(addr: number, size: number, isWrite: boolean, now: number): number {
    if (addr !== this.dAddr) this.decode(addr);
    const g = this.granuleBytes, C = this.C, B = this.B, A = this.A;
    const bpc = this.params.bitsPerCell;
    // Granule counters: idx = ((ra·B + rb)·C + c) with c, rb, ra advanced without division.
    let idx = this.dIdx, c = this.dC, rb = this.dRb, ra = this.dRa;
    let off = this.dOff;
    let left = size;
    let done = now;
    const act = this.act;
    const arrayFree = this.arrayFree, chanFree = this.chanFree;
    let cellsSum = 0;
    while (left > 0) {
      const full = off === 0 && left >= g;
      const n = full ? g : Math.min(left, g - off);
      const bank = c * B + rb;
      const a = bank * A + ra;
      const cells = full ? this.cellsFull : Math.ceil((n * 8) / bpc);
      const chXfer = this.chPsPerByte > 0 ? (full ? this.chXferFull : xferPs(n, this.chPsPerByte)) : 0;
      if (isWrite) {
        // Data in over the channel (if modelled), then program-and-verify on the array.
        let ready = now;
        if (chXfer > 0) {
          ready = Math.max(now, chanFree[c] as number) + chXfer;
          chanFree[c] = ready;
        }
        const start = Math.max(ready, arrayFree[a] as number, this.bankProgFree[bank] as number);
        const par = this.params.parallelCells;
        const groups = Math.ceil(cells / par);
        let rounds = 0;
        for (let k = 0; k < groups; k++) {
          const inGroup = k === groups - 1 ? cells - par * (groups - 1) : par;
          rounds += this.sampler.sampleMax(inGroup, this.rng);
        }
        const end = start + rounds * this.roundPs;
        arrayFree[a] = end;
        this.bankProgFree[bank] = end;
        this.busyPs += end - start;
        const pulses = this.sampler.sampleSum(cells, this.rng);
        act[A_PULSE] = (act[A_PULSE] as number) + pulses;
        act[A_VERIFY] = (act[A_VERIFY] as number) + pulses;
        act[A_GROUPS] = (act[A_GROUPS] as number) + groups;
        if (end > done) done = end;
      } else {
        const occ = full ? this.occFull : xferPs(n, this.arrPsPerByte);
        const af = arrayFree[a] as number;
        const s = now > af ? now : af;
        arrayFree[a] = s + occ;
        const sensed = s + this.senseLatency;
        let ready = sensed + occ;
        if (chXfer > 0) {
          // Cut-through: the bus moves the piece once it is free and the first byte is sensed, and
          // cannot finish before the array has streamed the last byte.
          const cf = chanFree[c] as number;
          ready = Math.max(ready, (cf > sensed ? cf : sensed) + chXfer);
          chanFree[c] = ready;
        }
        this.busyPs += occ;
        cellsSum += cells;
        if (ready > done) done = ready;
      }
      left -= n;
      off = 0;
      idx++;
      if (++c === C) {
        c = 0;
        if (++rb === B) {
          rb = 0;
          if (++ra === A) ra = 0;
        }
      }
    }
    // The decode of the granule after this request (next request of a sequential stream).
    this.hAddr = idx * g; this.hIdx = idx; this.hC = c; this.hRb = rb; this.hRa = ra;
    this.dAddr = -1;
    // Cell counts are integers: summing them per request first is exact.
    if (isWrite) {
      act[A_WRITE] = (act[A_WRITE] as number) + 1;
      act[A_WBITS] = (act[A_WBITS] as number) + size * 8;
    } else {
      act[A_CELLR] = (act[A_CELLR] as number) + cellsSum;
      act[A_CMP] = (act[A_CMP] as number) + cellsSum * this.cmpPerCell;
      act[A_READ] = (act[A_READ] as number) + 1;
      act[A_RBITS] = (act[A_RBITS] as number) + size * 8;
    }
    return done;
  }
}

/** The iteration distribution named by a parameter set. */
export function reramIterations(p: Pick<ReramParams, 'iterationsMin' | 'iterationSuccessProbability' | 'iterationsMax'>): IterationDistribution {
  return { minIterations: p.iterationsMin, successProbability: p.iterationSuccessProbability, maxIterations: p.iterationsMax };
}

/** Creates a ReRAM device. */
export function createReram(params: ReramParams, ctx: DeviceContext): Reram {
  return new Reram(params, ctx);
}
