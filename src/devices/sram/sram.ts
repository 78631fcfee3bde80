/**
 * Banked SRAM macro: `banks` word-interleaved banks, each with `portsPerBank` ports; a port moves
 * `width` bytes (one word, one beat) per clock cycle. A request's words are spread over consecutive
 * banks, which serve them in parallel; each bank streams its own words back to back on its
 * earliest-free port (fixed latency in cycles to its first beat, one cycle per further beat).
 * Per-beat energy and leakage are priced after the run. Fidelity: cycle-exact reservation per
 * port, FCFS per bank. Numbers come from presets (src/devices/presets/sram.ts) with their sources.
 */
import type { Bytes, Hz } from '../../units/quantity.js';
import { DeviceCore, type DeviceContext } from '../nvm/device-core.js';
import { DeviceParamError, requireIntegers, requireCapacity, requireUnitCount, requireWholeBytes } from '../param-error.js';

/** Parameters of an SRAM macro (canonical units). */
export interface SramParams {
  readonly capacity: Bytes;
  readonly banks: number;
  readonly portsPerBank: number;
  /** Bytes moved per port per cycle (one beat). */
  readonly width: Bytes;
  readonly clock: Hz;
  /** Cycles from request to the first read beat. */
  readonly readLatencyCycles: number;
  /** Cycles from request to the first write beat being stored. */
  readonly writeLatencyCycles: number;
  /** Energy of one read beat (width bytes), pJ. */
  readonly readEnergy: number;
  /** Energy of one write beat, pJ. */
  readonly writeEnergy: number;
  readonly leakagePower: number;
  readonly queueDepth: number;
}

export const sramActions = ['read', 'write', 'readBeats', 'writeBeats', 'readBits', 'writeBits'] as const;
const A_READ = 0, A_WRITE = 1, A_RBEATS = 2, A_WBEATS = 3, A_RBITS = 4, A_WBITS = 5;

export class Sram extends DeviceCore {
  readonly kind = 'sram';
  readonly capacityBytes: number;
  readonly granuleBytes: number;
  readonly peakBandwidth: number;
  /** Clock period in ps (rounded to an integer). */
  readonly cyclePs: number;
  private readonly portFree: Float64Array;

  constructor(readonly params: SramParams, ctx: DeviceContext) {
    super(ctx, sramActions, requireUnitCount(params, ['banks'], 'banks', ctx.path), params.queueDepth);
    requireIntegers(params, ['banks', 'portsPerBank'], 1, ctx.path);
    requireUnitCount(params, ['banks', 'portsPerBank'], 'ports', ctx.path);
    // ≥ 1: a beat takes a cycle (0 was accepted and silently run as 1)
    requireIntegers(params, ['readLatencyCycles', 'writeLatencyCycles'], 1, ctx.path);
    if (!(params.clock > 0)) throw new DeviceParamError('clock', `clock must be > 0 Hz, got ${params.clock}`, ctx.path);
    requireWholeBytes('width', params.width, ctx.path);
    requireCapacity(params.capacity, params.width, 'width', ctx.path);
    this.capacityBytes = params.capacity;
    this.granuleBytes = params.width;
    this.cyclePs = Math.round(1e12 / params.clock);
    // Time is kept in integer ps: a clock above 2 THz would round its cycle to 0 ps (no progress).
    if (this.cyclePs < 1) throw new DeviceParamError('clock', `clock must be at most 2 THz (the cycle is kept in whole ps), got ${params.clock} Hz`, ctx.path);
    this.peakBandwidth = (params.banks * params.portsPerBank * params.width * 1e12) / this.cyclePs;
    this.portFree = new Float64Array(params.banks * params.portsPerBank);
    this.checkNoiseCells(1); // a 6T cell stores one bit
  }

  protected queueOf(addr: number): number {
    return Math.floor(addr / this.params.width) % this.params.banks;
  }

  protected reserve(addr: number, size: number, isWrite: boolean, now: number): number {
    const p = this.params;
    const nb = p.banks, np = p.portsPerBank;
    const firstWord = Math.floor(addr / p.width);
    const beats = Math.ceil(((addr % p.width) + size) / p.width);
    const cyc = this.cyclePs;
    const lat = isWrite ? p.writeLatencyCycles : p.readLatencyCycles;
    const portFree = this.portFree;
    // Word k of the request lives in bank (firstWord + k) mod banks: bank offset i serves
    // ⌊beats/banks⌋ words, one more for i < beats mod banks.
    const q = Math.floor(beats / nb);
    const r = beats - q * nb;
    const used = q > 0 ? nb : r;
    let done = now;
    let bank = firstWord % nb;
    for (let i = 0; i < used; i++) {
      const n = i < r ? q + 1 : q;
      // Earliest-free port of the bank (lowest index on ties: deterministic).
      const base = bank * np;
      let best = base;
      for (let j = base + 1; j < base + np; j++) if ((portFree[j] as number) < (portFree[best] as number)) best = j;
      // A bank starts on a clock edge.
      const start = Math.ceil(Math.max(now, portFree[best] as number) / cyc) * cyc;
      portFree[best] = start + n * cyc;
      const end = start + (lat + n - 1) * cyc;
      if (end > done) done = end;
      if (++bank === nb) bank = 0;
    }
    this.busyPs += beats * cyc;
    const act = this.act;
    if (isWrite) {
      act[A_WRITE] = (act[A_WRITE] as number) + 1;
      act[A_WBEATS] = (act[A_WBEATS] as number) + beats;
      act[A_WBITS] = (act[A_WBITS] as number) + size * 8;
    } else {
      act[A_READ] = (act[A_READ] as number) + 1;
      act[A_RBEATS] = (act[A_RBEATS] as number) + beats;
      act[A_RBITS] = (act[A_RBITS] as number) + size * 8;
    }
    return done;
  }
}

/** Creates an SRAM macro. */
export function createSram(params: SramParams, ctx: DeviceContext): Sram {
  return new Sram(params, ctx);
}
