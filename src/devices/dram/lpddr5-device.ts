/**
 * Multi-channel LPDDR5 memory device (MemoryDevice): maps byte addresses to channels with a bit-slice
 * mapper, runs one event-driven ChannelController per channel and multiplexes their wake-ups onto a
 * single pending engine event. Requests are split into 64-B column blocks (BL16: 2 bursts; BL32: 1).
 */
import type { Engine } from '../../engine/engine.js';
import { Priority } from '../../engine/priority.js';
import { SimError } from '../../engine/errors.js';
import type { Histogram, StatScope } from '../../engine/stats.js';
import type { Ps } from '../../units/quantity.js';
import type { ActionCounts, CompletionFn, ErrorStats, MemoryDevice } from '../device.js';
import { AddressMapper, type AddressField } from './address-mapper.js';
import { ChannelController, type CommandObserver, type ControllerConfig, type ControllerHost } from './controller.js';
import { PowerManagedController } from './power-controller.js';
import { burstBytes, peakBandwidth } from './lpddr5-spec.js';
import { ParentTable } from './parent-table.js';

export interface Lpddr5DeviceConfig extends ControllerConfig {
  readonly mapping: readonly AddressField[];
}

const BLOCK = 64;

export class Lpddr5Device implements MemoryDevice, ControllerHost {
  readonly kind = 'lpddr5';
  readonly granuleBytes = BLOCK;
  readonly capacityBytes: number;
  readonly peakBandwidth: number;
  readonly controllers: readonly ChannelController[];
  readonly mapper: AddressMapper;
  readonly readLatency: Histogram;
  readonly writeLatency: Histogram;
  private readonly wakeAt: Float64Array;
  /** Pending engine event times, strictly decreasing from bottom to top (top = earliest). */
  private readonly armed: number[] = [];
  private readonly blocked: Uint8Array;
  private readonly parents = new ParentTable();
  private readonly burst: number;
  private readonly banksPerRank: number;
  private readonly banksPerGroup: number;
  private inLoop = false;
  /** Set when a wake-up at or before the time being run is requested during a pass of runDue. */
  private rerun = false;
  private loopT = 0;
  /** Earliest wake-up seen in the current pass of runDue (visited channels and requests during the pass). */
  private passMin = Infinity;
  // The multi-block request being fed into the channel queues (splitNext >= splitEnd: none).
  private splitNext = 0;
  private splitEnd = 0;
  private splitLo = 0;
  private splitWrite = false;
  private splitReq = 0;
  private splitParent = -1;
  private splitRefused = false;
  private retryPending = false;
  private completion: CompletionFn = () => {};
  private retry: () => void = () => {};
  private readonly onEvent = (): void => this.runDue();

  constructor(private readonly engine: Engine, readonly cfg: Lpddr5DeviceConfig, readonly path: string, stats: StatScope) {
    const o = cfg.org;
    this.burst = burstBytes(o);
    this.banksPerGroup = o.banksPerGroup;
    this.banksPerRank = o.bankGroups * o.banksPerGroup;
    const rowBytes = (o.columns * o.dqBits) / 8;
    this.capacityBytes = o.channels * o.ranks * this.banksPerRank * o.rows * rowBytes;
    // The DQ bus carries one burst per tBL (RD→RD / WR→WR channel rule), so the peak follows a tBL override.
    this.peakBandwidth = peakBandwidth(o, cfg.timings.tBL);
    this.mapper = new AddressMapper(cfg.mapping, {
      channels: o.channels, ranks: o.ranks, bankGroups: o.bankGroups, banksPerGroup: o.banksPerGroup, rows: o.rows, blocksPerRow: rowBytes / BLOCK,
    });
    const managed = (cfg.powerDownAfter ?? Infinity) !== Infinity || (cfg.selfRefreshAfter ?? Infinity) !== Infinity;
    this.controllers = Array.from({ length: o.channels }, (_, ch) => (managed ? new PowerManagedController(ch, cfg, this) : new ChannelController(ch, cfg, this)));
    this.wakeAt = new Float64Array(o.channels).fill(Infinity);
    this.blocked = new Uint8Array(o.channels);
    this.readLatency = stats.histogram('readLatency', 'ps', 'read request latency, offer to last data beat', 250, 40_000);
    const counted: ReadonlyArray<readonly [string, string, string]> = [
      ['act', 'count', 'activates (ACT-1/ACT-2 pairs)'], ['pre', 'count', 'per-bank precharges'], ['prea', 'count', 'all-bank precharges'],
      ['rd', 'count', 'read bursts'], ['wr', 'count', 'write bursts'], ['refab', 'count', 'all-bank refreshes'], ['refpb', 'count', 'per-bank refreshes'],
      ['rowHits', 'count', 'column blocks served from an open row'], ['rowMisses', 'count', 'column blocks that found the bank precharged'],
      ['rowConflicts', 'count', 'column blocks that found another row open'],
    ];
    for (const [name, unit, description] of counted) stats.formula(name, unit, description, () => this.counts().actions[name] ?? 0);
    stats.formula('busyPs', 'ps', 'data-bus busy time summed over channels', () => this.counts().busyPs);
    this.writeLatency = stats.histogram('writeLatency', 'ps', 'write request latency, offer to last data beat accepted', 250, 40_000);
  }

  setCompletion(fn: CompletionFn): void {
    this.completion = fn;
  }
  setRetry(fn: () => void): void {
    this.retry = fn;
  }
  /** Observe every issued command (for the independent checker); null to detach. */
  setCommandObserver(fn: CommandObserver | null): void {
    for (const c of this.controllers) c.observer = fn;
  }

  offer(reqId: number, addr: number, sizeBytes: number, isWrite: boolean, _tag: number): boolean {
    if (!(sizeBytes > 0) || !(addr >= 0) || addr + sizeBytes > this.capacityBytes) {
      throw new SimError(`lpddr5: request ${reqId} [${addr}, +${sizeBytes} B) outside the device (capacity ${this.capacityBytes} B)`, this.engine.now, this.path);
    }
    const first = Math.floor(addr / BLOCK);
    const last = Math.floor((addr + sizeBytes - 1) / BLOCK);
    const m = this.mapper;
    const now = this.engine.now;
    if (first === last) {
      m.map(addr);
      const c = this.controllers[m.ch]!;
      if (!c.hasRoom(isWrite)) {
        this.blocked[m.ch] = 1;
        return false;
      }
      c.enqueue(now, reqId, this.bankOf(), m.ro, this.bursts(addr, addr + sizeBytes), isWrite, -1);
      return true;
    }
    // Multi-block request: accepted as a whole, fed block by block as queue slots allow (one such
    // request in progress at a time; further multi-block offers are refused until it is fed).
    if (this.splitNext < this.splitEnd) {
      this.splitRefused = true;
      return false;
    }
    this.splitParent = this.parents.add(reqId, now, last - first + 1);
    this.splitNext = first * BLOCK;
    this.splitLo = addr;
    this.splitEnd = addr + sizeBytes;
    this.splitWrite = isWrite;
    this.splitReq = reqId;
    this.feedSplit();
    return true;
  }

  /** Queues the pending blocks of the multi-block request in progress while their channels have room. */
  private feedSplit(): void {
    const m = this.mapper;
    const now = this.engine.now;
    while (this.splitNext < this.splitEnd) {
      const k = this.splitNext;
      m.map(k);
      const c = this.controllers[m.ch]!;
      if (!c.hasRoom(this.splitWrite)) return;
      const lo = Math.max(this.splitLo, k), hi = Math.min(this.splitEnd, k + BLOCK);
      c.enqueue(now, this.splitReq, this.bankOf(), m.ro, this.bursts(lo, hi), this.splitWrite, this.splitParent);
      this.splitNext = k + BLOCK;
    }
    if (this.splitRefused === true) {
      this.splitRefused = false;
      this.retryPending = true;
    }
  }

  private bankOf(): number {
    const m = this.mapper;
    return m.ra * this.banksPerRank + m.bg * this.banksPerGroup + m.ba;
  }
  /** Bursts needed for bytes [lo, hi) of one 64-B block. */
  private bursts(lo: number, hi: number): number {
    return Math.floor((hi - 1) / this.burst) - Math.floor(lo / this.burst) + 1;
  }

  // ---- ControllerHost ----
  requestWake(ch: number, t: number): void {
    if (t < this.wakeAt[ch]!) this.wakeAt[ch] = t;
    if (this.inLoop === false) this.arm(t);
    else {
      if (t <= this.loopT) this.rerun = true;
      if (t < this.passMin) this.passMin = t;
    }
  }
  complete(_ch: number, reqId: number, parent: number, arrival: number, done: number, isWrite: boolean): void {
    if (parent >= 0) {
      if (!this.parents.finishOne(parent)) return;
      reqId = this.parents.reqId[parent]!;
      arrival = this.parents.arrival[parent]!;
      this.parents.release(parent);
    }
    (isWrite ? this.writeLatency : this.readLatency).add(done - arrival);
    this.completion(reqId, done);
  }

  /**
   * Makes sure an engine event is pending at or before m, the earliest wake-up of any channel whose
   * wake-up changed (every other channel's wake-up already has one: the pending events' top is at or
   * before every wake-up time, which runDue and requestWake keep true).
   */
  private arm(m: number): void {
    if (m === Infinity) return;
    const top = this.armed.length === 0 ? Infinity : this.armed[this.armed.length - 1]!;
    if (m < top) {
      const now = this.engine.now;
      const at = m < now ? now : m;
      this.armed.push(at);
      this.engine.schedule(at, this.onEvent, Priority.Default);
    }
  }

  private runDue(): void {
    const T = this.engine.now;
    this.armed.pop();
    this.inLoop = true;
    this.loopT = T;
    const w = this.wakeAt, cs = this.controllers;
    // Passes over the channels in order until no wake-up at or before T was requested during a pass.
    do {
      this.rerun = false;
      this.passMin = Infinity;
      for (let ch = 0; ch < w.length; ch++) {
        const wc = w[ch]!;
        if (wc > T) {
          if (wc < this.passMin) this.passMin = wc;
          continue;
        }
        w[ch] = Infinity;
        const c = cs[ch]!;
        const next = c.service(T);
        // the wake-up a service asks for (no other request for this channel can come during its own service)
        if (next < w[ch]!) w[ch] = next;
        if (next <= T) this.rerun = true;
        if (next < this.passMin) this.passMin = next;
        if (c.slotFreed === true) {
          c.slotFreed = false;
          if (this.splitNext < this.splitEnd) this.feedSplit();
          if (this.blocked[ch] === 1 || this.retryPending === true) {
            this.blocked[ch] = 0;
            this.retryPending = false;
            this.retry();
          }
        }
      }
    } while (this.rerun === true);
    this.inLoop = false;
    this.arm(this.passMin);
  }

  /**
   * Action counts up to now (summed over channels). Idle channels first issue the refreshes that fell
   * due while they slept (at their due times), so refresh counts and standby time cover [0, now].
   */
  counts(): ActionCounts {
    const now = this.engine.now;
    const a: Record<string, number> = { act: 0, pre: 0, prea: 0, rd: 0, wr: 0, refab: 0, refpb: 0, rowHits: 0, rowMisses: 0, rowConflicts: 0, activeStandbyPs: 0, prechargeStandbyPs: 0 };
    let busy = 0;
    const pm = this.controllers[0] instanceof PowerManagedController;
    if (pm) Object.assign(a, { pde: 0, sre: 0, activePowerDownPs: 0, prechargePowerDownPs: 0, selfRefreshPs: 0 });
    // (a power-managing controller also brings a busy channel's idle ranks up to now)
    for (const c of this.controllers) if (pm || c.queued === 0) c.catchUpRefresh(now);
    for (const c of this.controllers) {
      const k = c.counters;
      a.act! += k.act; a.pre! += k.pre; a.prea! += k.prea; a.rd! += k.rd; a.wr! += k.wr;
      a.refab! += k.refab; a.refpb! += k.refpb;
      a.rowHits! += k.rowHits; a.rowMisses! += k.rowMisses; a.rowConflicts! += k.rowConflicts;
      const s = k.standby(now);
      a.activeStandbyPs! += s.activePs;
      a.prechargeStandbyPs! += s.prechargePs;
      if (pm) {
        a.pde! += k.pde; a.sre! += k.sre;
        a.activePowerDownPs! += s.activePdPs; a.prechargePowerDownPs! += s.prechargePdPs; a.selfRefreshPs! += s.selfRefreshPs;
      }
      busy += k.busyPs;
    }
    a.readBits = a.rd! * this.burst * 8;
    a.writeBits = a.wr! * this.burst * 8;
    return {
      path: this.path, kind: this.kind, actions: a,
      bytesRead: a.rd! * this.burst, bytesWritten: a.wr! * this.burst,
      busyPs: busy, elapsedPs: now as Ps,
    };
  }

  errorStats(): ErrorStats {
    return { path: this.path, byTag: [] };
  }
}
