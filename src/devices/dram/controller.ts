/**
 * Event-driven LPDDR5 channel controller: read/write queues with write-drain watermarks, FR-FCFS or
 * FCFS command selection, open or closed page policy, all-bank or per-bank refresh. It never ticks:
 * it computes the next legal issue time of the best candidate from TimingState and gives its host one
 * wake-up time (service()'s return value, or requestWake after an enqueue). Commands issue on CK edges;
 * between wake-ups no work is done. Power-down and self-refresh are the subclass in
 * power-controller.ts, so that this hot path carries none of it. Types: controller-types.ts.
 * Hot boolean fields are tested with `=== true/false` (one pointer compare): V8 compiles a plain
 * truthiness test of a class field as a full ToBoolean (false, '', 0, NaN, 0n checks) every time.
 */
import { TimingState } from './timing-state.js';
import { LPDDR5_CONSTRAINTS, LPDDR5_CONSTRAINTS_NO_POWER } from './lpddr5-constraints.js';
import { RequestPool, CompletionRing } from './request-queue.js';
import { RefreshManager } from './refresh.js';
import { CMD } from './lpddr5-spec.js';
import type { ControllerConfig, ControllerHost, CommandObserver } from './controller-types.js';
import { ChannelCounters } from './channel-counters.js';
import { CommandSelector } from './command-selector.js';

export type { SchedulerKind, PagePolicy, ControllerConfig, ControllerHost, CommandObserver } from './controller-types.js';

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
  /** Earliest done time at the heads of both completion rings (Infinity: none). */
  private doneMin = Infinity;
  private readonly tCK: number;
  /** Issue-to-last-data-beat delay of a RD (RL + tBL) / WR (WL + tBL), ps. */
  protected readonly rdDone: number;
  protected readonly wrDone: number;
  private readonly tBL: number;
  private writeMode = false;
  private inService = false;
  protected dirty = true;
  /** Set when a queue slot was freed since the host last looked (for retry). */
  slotFreed = false;
  protected readonly sel: CommandSelector;

  constructor(readonly channel: number, readonly cfg: ControllerConfig, private readonly host: ControllerHost) {
    const t = cfg.timings;
    // power-down rules are compiled in only when a subclass issues those commands
    this.timing = new TimingState(cfg.org, t, this.powerManaged() ? LPDDR5_CONSTRAINTS : LPDDR5_CONSTRAINTS_NO_POWER);
    this.pool = new RequestPool(cfg.readQueue, cfg.writeQueue, this.timing.banks);
    this.openRow = new Int32Array(this.timing.banks).fill(-1);
    this.counters = new ChannelCounters(cfg.org.ranks);
    this.refresh = new RefreshManager(cfg.refresh, cfg.org.ranks, this.timing.banksPerRank, t);
    this.tCK = t.tCK;
    this.tBL = t.tBL;
    this.rdDone = t.RL + t.tBL;
    this.wrDone = t.WL + t.tBL;
    this.sel = new CommandSelector(this.timing, this.pool, this.refresh, this.openRow, cfg.scheduler === 'fr-fcfs', cfg.pagePolicy === 'closed');
  }

  /** True in the power-managing subclass (its power-down / self-refresh rules are compiled in). */
  protected powerManaged(): boolean {
    return false;
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
    this.admit(now, reqId, bank, row, bursts, isWrite, parent);
  }

  /** enqueue() after the idle catch-up: adds the block and updates the pick / wake-up. */
  protected admit(now: number, reqId: number, bank: number, row: number, bursts: number, isWrite: boolean, parent: number): void {
    this.pool.add(reqId, now, bank, row, bursts, isWrite, parent);
    // a block queued behind others that changes no candidate input needs no recomputation
    const kept = isWrite === this.writeMode && this.sel.keepsAfterAdd(bank, isWrite ? 1 : 0, row);
    if (!kept) this.sel.invalidateBank(bank);
    this.updateMode();
    if (this.dirty === false && this.sel.pickCmd >= 0 && this.sel.pickBank !== bank && isWrite === this.writeMode && this.refresh.blocked[bank] === 0) {
      if (!kept) this.sel.considerBank(bank, this.edge(now), this.writeMode);
    } else if (this.dirty === false && (this.sel.pickBank === bank || this.sel.pickCmd < 0)) {
      this.dirty = true;
    }
    if (this.inService === false) {
      if (this.dirty === true) this.choose(this.edge(now));
      this.host.requestWake(this.channel, this.nextWake());
    }
  }

  /**
   * Runs at a wake-up time T (a CK edge): deliver completions, start due refreshes, issue one command.
   * Returns the channel's next wake-up time (Infinity: none); the host stores it instead of being asked.
   */
  service(T: number): number {
    this.inService = true;
    this.deliver(T);
    if (this.pool.readCount + this.pool.writeCount === 0) this.catchUpRefresh(T);
    if (T >= this.refresh.nextDue && this.refresh.tick(T, this.openRow)) {
      this.dirty = true;
      this.sel.invalidateAll();
    }
    if (this.dirty === true) this.choose(T);
    if (this.sel.pickCmd >= 0 && this.sel.pickT <= T) {
      this.issue(T);
      this.choose(T);
    }
    this.inService = false;
    return this.nextWake();
  }

  /** True when `cmd` could be issued to global bank b at time t by this controller's tables. */
  canIssue(cmd: number, b: number, t: number): boolean {
    return this.timing.earliestBank(cmd, b) <= t;
  }

  private nextWake(): number {
    let w = this.sel.pickT;
    if (this.doneMin < w) w = this.doneMin;
    if (!this.idle()) {
      const f = this.refresh.nextDueEdge;
      if (f < w) w = f;
    }
    return w;
  }

  /** No queued request, no activate or refresh in progress: refresh wake-ups are deferred. */
  private idle(): boolean {
    return this.pool.readCount + this.pool.writeCount === 0 && this.refresh.anyPending === false;
  }

  /**
   * While idle the controller schedules no refresh wake-ups (so an idle engine drains); on the next
   * activity (or counts()) it issues the refreshes that fell due meanwhile at their own due times,
   * which is legal because nothing else was issued on the channel in between. Exact, not approximate.
   * With no observer attached and every bank precharged, whole rounds of those refreshes are counted
   * instead of issued one by one (RefreshManager.skipIdleRounds), so long idle gaps cost no time.
   */
  catchUpRefresh(now: number): void {
    if (this.pool.readCount + this.pool.writeCount !== 0) return;
    if (this.refresh.anyPending === false && this.refresh.nextDue > now) return;
    let T = this.refresh.nextDueEdge;
    for (;;) {
      if (this.refresh.anyPending === true) {
        this.choose(T);
        if (this.sel.pickCmd < 0 || this.sel.pickT > now) break;
        T = this.sel.pickT;
        this.issue(T);
        continue;
      }
      T = this.refresh.nextDueEdge;
      if (T > now) break;
      if (this.observer === null && this.allPrecharged() && this.refresh.skipIdleRounds(now, this.counters) > 0) T = this.refresh.nextDueEdge;
      this.refresh.tick(T, this.openRow);
    }
    this.dirty = true;
  }

  private allPrecharged(): boolean {
    const o = this.openRow;
    for (let b = 0; b < o.length; b++) if (o[b]! >= 0) return false;
    return true;
  }

  private deliver(T: number): void {
    const rr = this.rdRing, wr = this.wrRing;
    while (this.doneMin <= T) {
      const ring = rr.headDone <= wr.headDone ? rr : wr;
      const i = ring.headIndex;
      const id = ring.reqId[i]!, p = ring.parent[i]!, arr = ring.arrival[i]!, done = ring.done[i]!;
      ring.pop();
      this.updateDoneMin();
      this.host.complete(this.channel, id, p, arr, done, ring === wr);
    }
  }

  private updateDoneMin(): void {
    const a = this.rdRing.headDone, b = this.wrRing.headDone;
    this.doneMin = a < b ? a : b;
  }

  private updateMode(): void {
    const p = this.pool;
    if (this.writeMode === false) {
      if (p.writeCount >= this.cfg.writeHigh || (p.readCount === 0 && p.writeCount > 0)) {
        this.writeMode = true;
        this.dirty = true;
        this.sel.invalidateAll();
      }
    } else if (p.writeCount === 0 || (p.writeCount <= this.cfg.writeLow && p.readCount > 0)) {
      this.writeMode = false;
      this.dirty = true;
      this.sel.invalidateAll();
    }
  }

  protected choose(T: number): void {
    this.dirty = false;
    this.sel.choose(T, this.writeMode);
  }

  /** Issues the pick at T. One method per command kind, so that each is small enough for V8 to inline its callees. */
  protected issue(T: number): void {
    const sel = this.sel, cmd = sel.pickCmd, b = sel.pickBank, e = sel.pickEntry;
    if (cmd === CMD.RD || cmd === CMD.WR) this.issueColumn(cmd, b, e, T);
    else if (cmd === CMD.ACT1) this.issueAct(b, e, T);
    else if (cmd === CMD.PRE) this.issuePre(b, e, T);
    else this.issueRefresh(cmd, b, T);
  }

  private issueAct(b: number, e: number, T: number): void {
    const ts = this.timing, p = this.pool, c = this.counters;
    const rank = (b / ts.banksPerRank) | 0;
    this.sel.touched(b);
    const row = p.row[e]!;
    ts.recordAct(b, T);
    if (this.openRow[b]! < 0) c.opened(rank, T);
    this.openRow[b] = row;
    if (p.rowClass[e] === 0) { p.rowClass[e] = 2; c.rowMisses++; }
    c.act++;
    if (this.observer !== null) this.notify(CMD.ACT1, b, row, T);
    // ACT-2 must be the channel's next command and only the CA bus (1 tCK) constrains it, so it
    // is issued now at its one legal time; nothing that happens before then can change it.
    const t2 = ts.earliestBank(CMD.ACT2, b);
    ts.recordAct2(b, t2);
    if (this.observer !== null) this.notify(CMD.ACT2, b, row, t2);
  }

  private issuePre(b: number, e: number, T: number): void {
    const ts = this.timing, p = this.pool, c = this.counters;
    this.sel.touched(b);
    ts.recordPre(b, T);
    this.openRow[b] = -1;
    c.closed((b / ts.banksPerRank) | 0, T);
    if (e >= 0 && p.rowClass[e] === 0) { p.rowClass[e] = 3; c.rowConflicts++; }
    c.pre++;
    if (this.observer !== null) this.notify(CMD.PRE, b, -1, T);
  }

  private issueColumn(cmd: number, b: number, e: number, T: number): void {
    const ts = this.timing, p = this.pool, c = this.counters;
    const bursts = p.bursts[e]!;
    // a RD/WR that leaves bursts of its block changes none of the bank's candidate inputs
    if (bursts === 1) this.sel.touched(b);
    const rd = cmd === CMD.RD;
    if (rd) ts.recordRd(b, T);
    else ts.recordWr(b, T);
    if (p.rowClass[e] === 0) { p.rowClass[e] = 1; c.rowHits++; }
    c.busyPs += this.tBL;
    p.bursts[e] = bursts - 1;
    if (rd) c.rd++;
    else c.wr++;
    const row = this.observer !== null ? p.row[e]! : -1;
    if (bursts === 1) {
      (rd ? this.rdRing : this.wrRing).push(p.reqId[e]!, p.parent[e]!, p.arrival[e]!, T + (rd ? this.rdDone : this.wrDone));
      this.updateDoneMin();
      p.remove(e);
      this.slotFreed = true;
      this.updateMode();
    }
    if (this.observer !== null) this.notify(cmd, b, row, T);
  }

  /** PREA / REFab / REFpb, or the PDX that wakes a powered-down rank for its refresh. */
  private issueRefresh(cmd: number, b: number, T: number): void {
    if (cmd === CMD.PREA || cmd === CMD.REFAB || cmd === CMD.REFPB) this.sel.touchedRank((b / this.timing.banksPerRank) | 0);
    else this.sel.touched(b);
    this.refresh.issue(cmd, b, T, this.openRow, this.timing, this.counters);
    if (this.observer !== null) this.notify(cmd, b, -1, T);
  }

  protected notify(cmd: number, b: number, row: number, T: number): void {
    const bpr = this.timing.banksPerRank, bpg = this.timing.banksPerGroup;
    const rank = (b / bpr) | 0, inRank = b % bpr;
    if (cmd === CMD.PREA || cmd === CMD.REFAB || cmd >= CMD.PDE) this.observer!(this.channel, rank, -1, -1, -1, cmd, T);
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
