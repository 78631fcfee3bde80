/**
 * Event-driven LPDDR5 channel controller: read/write queues with write-drain watermarks, FR-FCFS or
 * FCFS command selection, open or closed page policy, all-bank or per-bank refresh. It never ticks:
 * it computes the next legal issue time of the best candidate from TimingState and asks its host for
 * one wake-up. Cycle-exact with respect to a per-CK controller applying the same selection rule.
 */
import { TimingState } from './timing-state.js';
import { RequestPool, CompletionRing } from './request-queue.js';
import { RefreshManager, type RefreshMode } from './refresh.js';
import { CMD, type Lpddr5Org, type TimingValues } from './lpddr5-spec.js';
import { ChannelCounters } from './channel-counters.js';

export type SchedulerKind = 'fr-fcfs' | 'fcfs';
export type PagePolicy = 'open' | 'closed';

export interface ControllerConfig {
  readonly org: Lpddr5Org;
  readonly timings: TimingValues;
  readonly scheduler: SchedulerKind;
  readonly pagePolicy: PagePolicy;
  readonly refresh: RefreshMode;
  readonly readQueue: number;
  readonly writeQueue: number;
  /** Enter write drain at this many queued writes; leave it at or below the low mark. */
  readonly writeHigh: number;
  readonly writeLow: number;
}

/** What the controller needs from its owner (the multi-channel device). */
export interface ControllerHost {
  requestWake(channel: number, timePs: number): void;
  complete(channel: number, reqId: number, parent: number, arrivalPs: number, donePs: number, isWrite: boolean): void;
}

/**
 * Receives every issued command. For PREA/REFab bg = bank = -1; for REFpb bg = -1 and bank = the pair
 * index (banks p and p+8 in 16-bank modes); row = -1 for non-row commands.
 */
export type CommandObserver = (channel: number, rank: number, bankGroup: number, bank: number, row: number, cmd: number, timePs: number) => void;

const CLS_REFRESH = 1, CLS_HIT = 2, CLS_REQ = 3, CLS_POLICY = 4;
const REQ_CMDS = [CMD.ACT1, CMD.PRE, CMD.RD, CMD.WR];

export class ChannelController {
  readonly timing: TimingState;
  readonly pool: RequestPool;
  readonly counters: ChannelCounters;
  readonly refresh: RefreshManager;
  observer: CommandObserver | null = null;
  /** Open row per global bank (-1 = precharged). */
  readonly openRow: Int32Array;
  private readonly rdRing = new CompletionRing();
  private readonly wrRing = new CompletionRing();
  private readonly tCK: number;
  private readonly rdDone: number;
  private readonly wrDone: number;
  private readonly tBL: number;
  private readonly frfcfs: boolean;
  private readonly closedPage: boolean;
  private writeMode = false;
  private actPendingBank = -1;
  private inService = false;
  private dirty = true;
  /** Set when a queue slot was freed since the host last looked (for retry). */
  slotFreed = false;
  // The cached pick: best next command and its issue time.
  private pickT = Infinity;
  private pickCls = 9;
  private pickSeq = Infinity;
  private pickCmd = -1;
  private pickBank = -1;
  private pickEntry = -1;
  // Cached per-bank candidates (valid until the bank's queue, row state or the read/write mode change).
  private readonly cCmd: Int8Array;
  private readonly cEntry: Int32Array;
  private readonly cCls: Int8Array;
  private readonly cSeq: Float64Array;
  private readonly cValid: Uint8Array;
  /** Cached bank- and group-level earliest time of each bank's candidate command. */
  private readonly local: Float64Array;
  private readonly lValid: Uint8Array;
  private readonly common: Float64Array;

  constructor(readonly channel: number, readonly cfg: ControllerConfig, private readonly host: ControllerHost) {
    const t = cfg.timings;
    this.timing = new TimingState(cfg.org, t);
    this.pool = new RequestPool(cfg.readQueue, cfg.writeQueue, this.timing.banks);
    this.openRow = new Int32Array(this.timing.banks).fill(-1);
    const nb = this.timing.banks;
    this.cCmd = new Int8Array(nb);
    this.cEntry = new Int32Array(nb);
    this.cCls = new Int8Array(nb);
    this.cSeq = new Float64Array(nb);
    this.cValid = new Uint8Array(nb);
    this.local = new Float64Array(nb);
    this.lValid = new Uint8Array(nb);
    this.common = new Float64Array(8 * cfg.org.ranks);
    this.counters = new ChannelCounters(cfg.org.ranks);
    this.refresh = new RefreshManager(cfg.refresh, cfg.org.ranks, this.timing.banksPerRank, t);
    this.tCK = t.tCK;
    this.tBL = t.tBL;
    this.rdDone = t.RL + t.tBL;
    this.wrDone = t.WL + t.tBL;
    this.frfcfs = cfg.scheduler === 'fr-fcfs';
    this.closedPage = cfg.pagePolicy === 'closed';
  }

  /** First CK edge at or after t. */
  edge(t: number): number {
    return Math.ceil(t / this.tCK) * this.tCK;
  }

  hasRoom(isWrite: boolean): boolean {
    return this.pool.hasRoom(isWrite);
  }

  /** Queues one column block (1–2 bursts) at time now. Caller checked hasRoom. */
  enqueue(now: number, reqId: number, bank: number, row: number, bursts: number, isWrite: boolean, parent: number): void {
    if (this.pool.readCount + this.pool.writeCount === 0) this.catchUpRefresh(now);
    this.pool.add(reqId, now, bank, row, bursts, isWrite, parent);
    this.cValid[bank] = 0;
    this.updateMode();
    if (!this.dirty && this.pickCmd >= 0 && this.pickBank !== bank && isWrite === this.writeMode && this.refresh.blocked[bank] === 0) {
      this.considerBank(bank, this.edge(now));
    } else if (!this.dirty && (this.pickBank === bank || this.pickCmd < 0)) {
      this.dirty = true;
    }
    if (!this.inService) {
      if (this.dirty) this.choose(this.edge(now));
      this.host.requestWake(this.channel, this.nextWake());
    }
  }

  /** Runs at a wake-up time T (a CK edge): deliver completions, start due refreshes, issue one command. */
  service(T: number): void {
    this.inService = true;
    this.deliver(T);
    if (this.pool.readCount + this.pool.writeCount === 0) this.catchUpRefresh(T);
    if (this.refresh.tick(T, this.openRow)) {
      this.dirty = true;
      this.cValid.fill(0);
    }
    if (this.dirty) this.choose(T);
    if (this.pickCmd >= 0 && this.pickT <= T) {
      this.issue(T);
      this.choose(T);
    }
    this.inService = false;
    this.host.requestWake(this.channel, this.nextWake());
  }

  /** True when `cmd` could be issued to global bank b at time t by this controller's tables. */
  canIssue(cmd: number, b: number, t: number): boolean {
    return this.timing.earliestBank(cmd, b) <= t;
  }

  private nextWake(): number {
    let w = this.pickT;
    const r = this.rdRing.headDone;
    if (r < w) w = r;
    const wr = this.wrRing.headDone;
    if (wr < w) w = wr;
    if (!this.idle()) {
      const f = this.refresh.nextDueEdge;
      if (f < w) w = f;
    }
    return w;
  }

  /** No queued request, no activate or refresh in progress: refresh wake-ups are deferred. */
  private idle(): boolean {
    return this.pool.readCount + this.pool.writeCount === 0 && this.actPendingBank < 0 && !this.refresh.anyPending;
  }

  /**
   * While idle the controller schedules no refresh wake-ups (so an idle engine drains); on the next
   * activity (or counts()) it issues the refreshes that fell due meanwhile at their own due times,
   * which is legal because nothing else was issued on the channel in between. Exact, not approximate.
   */
  catchUpRefresh(now: number): void {
    if (this.pool.readCount + this.pool.writeCount !== 0) return;
    if (!this.refresh.anyPending && this.actPendingBank < 0 && this.refresh.nextDue > now) return;
    let T = this.refresh.nextDueEdge;
    for (;;) {
      if (this.refresh.anyPending || this.actPendingBank >= 0) {
        this.choose(T);
        if (this.pickCmd < 0 || this.pickT > now) break;
        T = this.pickT;
        this.issue(T);
        continue;
      }
      T = this.refresh.nextDueEdge;
      if (T > now) break;
      this.refresh.tick(T, this.openRow);
    }
    this.dirty = true;
  }

  private deliver(T: number): void {
    const rr = this.rdRing, wr = this.wrRing;
    for (;;) {
      const a = rr.headDone, b = wr.headDone;
      if (a > T && b > T) return;
      const ring = a <= b ? rr : wr;
      const i = ring.headIndex;
      const id = ring.reqId[i]!, p = ring.parent[i]!, arr = ring.arrival[i]!, done = ring.done[i]!;
      ring.pop();
      this.host.complete(this.channel, id, p, arr, done, ring === wr);
    }
  }

  private updateMode(): void {
    const p = this.pool;
    if (!this.writeMode) {
      if (p.writeCount >= this.cfg.writeHigh || (p.readCount === 0 && p.writeCount > 0)) {
        this.writeMode = true;
        this.dirty = true;
        this.cValid.fill(0);
      }
    } else if (p.writeCount === 0 || (p.writeCount <= this.cfg.writeLow && p.readCount > 0)) {
      this.writeMode = false;
      this.dirty = true;
      this.cValid.fill(0);
    }
  }

  private consider(t: number, cls: number, seq: number, cmd: number, bank: number, entry: number): void {
    if (t < this.pickT || (t === this.pickT && (cls < this.pickCls || (cls === this.pickCls && seq < this.pickSeq)))) {
      this.pickT = t; this.pickCls = cls; this.pickSeq = seq; this.pickCmd = cmd; this.pickBank = bank; this.pickEntry = entry;
    }
  }

  /** Recomputes the pick: the candidate with the earliest legal time ≥ T, ties by class then age. */
  private choose(T: number): void {
    this.dirty = false;
    this.pickT = Infinity; this.pickCls = 9; this.pickSeq = Infinity; this.pickCmd = -1; this.pickBank = -1; this.pickEntry = -1;
    const ts = this.timing;
    if (this.actPendingBank >= 0) {
      const e = ts.earliestBank(CMD.ACT2, this.actPendingBank);
      this.consider(e > T ? e : T, 0, 0, CMD.ACT2, this.actPendingBank, -1);
      return;
    }
    const rf = this.refresh;
    if (rf.anyPending) {
      for (let r = 0; r < rf.ranks; r++) {
        if (!rf.pending[r]) continue;
        rf.candidate(r, this.openRow, ts);
        const e = rf.candT;
        this.consider(e > T ? e : T, CLS_REFRESH, 0, rf.candCmd, rf.candBank, -1);
      }
    }
    // Rank- and channel-level earliest times are shared by every bank of a rank: compute them once.
    const common = this.common;
    for (let r = 0; r < ts.ranks; r++) {
      for (let k = 0; k < 4; k++) {
        const cmd = REQ_CMDS[k]!;
        common[cmd * ts.ranks + r] = ts.earliestRankLevel(cmd, r);
      }
    }
    const nb = ts.banks, bn = ts.bankNext, gn = ts.groupNext, ng = ts.groups, nr = ts.ranks, groupOf = ts.groupOf, rankOf = ts.rankOf;
    const cCmd = this.cCmd, cValid = this.cValid, cCls = this.cCls, cSeq = this.cSeq, blocked = rf.blocked;
    const lValid = this.lValid, local = this.local;
    let bt = this.pickT, bc = this.pickCls, bs = this.pickSeq, bb = -1;
    for (let b = 0; b < nb; b++) {
      if (blocked[b] !== 0) continue;
      if (cValid[b] === 0) this.bankCandidate(b);
      const cmd = cCmd[b]!;
      if (cmd < 0) continue;
      let e: number;
      if (lValid[b] === 0) {
        e = bn[cmd * nb + b]!;
        const eg = gn[cmd * ng + groupOf[b]!]!;
        if (eg > e) e = eg;
        local[b] = e;
        lValid[b] = 1;
      } else e = local[b]!;
      const ec = common[cmd * nr + rankOf[b]!]!;
      if (ec > e) e = ec;
      if (T > e) e = T;
      if (e > bt) continue;
      const cls = cCls[b]!;
      if (e === bt && (cls > bc || (cls === bc && cSeq[b]! >= bs))) continue;
      bt = e; bc = cls; bs = cSeq[b]!; bb = b;
    }
    if (bb >= 0) {
      this.pickT = bt; this.pickCls = bc; this.pickSeq = bs; this.pickCmd = cCmd[bb]!; this.pickBank = bb; this.pickEntry = this.cEntry[bb]!;
    }
  }

  /** Offers bank b's candidate command (if any) to the pick (incremental path on enqueue). */
  private considerBank(b: number, T: number): void {
    this.bankCandidate(b);
    const cmd = this.cCmd[b]!;
    if (cmd < 0) return;
    const e = this.timing.earliestBank(cmd, b);
    this.consider(e > T ? e : T, this.cCls[b]!, this.cSeq[b]!, cmd, b, this.cEntry[b]!);
  }

  /** Computes and caches bank b's candidate command from its queue and row state. */
  private bankCandidate(b: number): void {
    const p = this.pool;
    const q = this.writeMode ? 1 : 0;
    const h = p.head[b * 2 + q]!;
    const row = this.openRow[b]!;
    let cmd: number, entry: number, cls: number;
    this.cValid[b] = 1;
    this.lValid[b] = 0;
    if (h < 0) {
      if (!this.closedPage || row < 0 || p.findHit(b, 1 - q, row) >= 0) {
        this.cCmd[b] = -1;
        return;
      }
      cmd = CMD.PRE; entry = -1; cls = CLS_POLICY;
    } else if (row < 0) {
      cmd = CMD.ACT1; entry = h; cls = CLS_REQ;
    } else {
      const hit = this.frfcfs ? p.findHit(b, q, row) : (p.row[h] === row ? h : -1);
      if (hit >= 0) {
        cmd = q ? CMD.WR : CMD.RD; entry = hit; cls = this.frfcfs ? CLS_HIT : CLS_REQ;
      } else {
        cmd = CMD.PRE; entry = h; cls = CLS_REQ;
      }
    }
    this.cCmd[b] = cmd;
    this.cEntry[b] = entry;
    this.cCls[b] = cls;
    this.cSeq[b] = entry >= 0 ? p.seq[entry]! : Infinity;
  }

  /** Forgets cached candidates of banks [b0, b1). */
  private invalidate(b0: number, b1: number): void {
    this.cValid.fill(0, b0, b1);
  }

  private issue(T: number): void {
    const cmd = this.pickCmd, b = this.pickBank, e = this.pickEntry;
    const ts = this.timing, p = this.pool, c = this.counters;
    const bpr = ts.banksPerRank;
    const rank = (b / bpr) | 0;
    let row = -1;
    if (cmd === CMD.PREA || cmd === CMD.REFAB || cmd === CMD.REFPB) {
      this.invalidate(rank * bpr, (rank + 1) * bpr);
      this.lValid.fill(0, rank * bpr, (rank + 1) * bpr);
    } else {
      this.cValid[b] = 0;
      const g0 = ts.groupOf[b]! * ts.banksPerGroup;
      this.lValid.fill(0, g0, g0 + ts.banksPerGroup);
    }
    switch (cmd) {
      case CMD.ACT1:
        row = p.row[e]!;
        ts.recordBank(cmd, b, T);
        if (this.openRow[b]! < 0) c.opened(rank, T);
        this.openRow[b] = row;
        this.actPendingBank = b;
        if (p.rowClass[e] === 0) { p.rowClass[e] = 2; c.rowMisses++; }
        c.act++;
        break;
      case CMD.ACT2:
        row = this.openRow[b]!;
        ts.recordBank(cmd, b, T);
        this.actPendingBank = -1;
        break;
      case CMD.PRE:
        ts.recordBank(cmd, b, T);
        this.openRow[b] = -1;
        c.closed(rank, T);
        if (e >= 0 && p.rowClass[e] === 0) { p.rowClass[e] = 3; c.rowConflicts++; }
        c.pre++;
        break;
      case CMD.RD:
      case CMD.WR: {
        row = p.row[e]!;
        ts.recordBank(cmd, b, T);
        if (p.rowClass[e] === 0) { p.rowClass[e] = 1; c.rowHits++; }
        c.busyPs += this.tBL;
        const left = --p.bursts[e]!;
        if (cmd === CMD.RD) c.rd++;
        else c.wr++;
        if (left === 0) {
          const ring = cmd === CMD.RD ? this.rdRing : this.wrRing;
          ring.push(p.reqId[e]!, p.parent[e]!, p.arrival[e]!, T + (cmd === CMD.RD ? this.rdDone : this.wrDone));
          p.remove(e);
          this.slotFreed = true;
          this.updateMode();
        }
        break;
      }
      default:
        this.refresh.issue(cmd, b, T, this.openRow, ts, c);
    }
    if (this.observer !== null) this.notify(cmd, b, row, T);
  }

  private notify(cmd: number, b: number, row: number, T: number): void {
    const bpr = this.timing.banksPerRank, bpg = this.timing.banksPerGroup;
    const rank = (b / bpr) | 0, inRank = b % bpr;
    if (cmd === CMD.PREA || cmd === CMD.REFAB) this.observer!(this.channel, rank, -1, -1, -1, cmd, T);
    else if (cmd === CMD.REFPB) this.observer!(this.channel, rank, -1, inRank, -1, cmd, T);
    else this.observer!(this.channel, rank, (inRank / bpg) | 0, inRank % bpg, row, cmd, T);
  }

  /** Queued requests (reads + writes) not yet fully issued. */
  get queued(): number {
    return this.pool.readCount + this.pool.writeCount;
  }
  /** Completions issued but not yet delivered. */
  get inFlight(): number {
    return this.rdRing.size + this.wrRing.size;
  }
}
