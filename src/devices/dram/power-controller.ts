/**
 * LPDDR5 channel controller with per-rank, timeout-based power-down and self-refresh (PowerManager
 * holds the policy). A rank is idle when it has no queued request and no refresh pending; its idle
 * timers start when its last request completes, so one rank can sleep while the other is busy. Power
 * commands are replayed lazily, in time order, at their own legal CK edges: on an idle channel
 * (with its refreshes) when it is next used, on a busy one before each of its wake-ups. The first
 * request to a sleeping rank wakes it at the next legal CK edge (PDX, then tXP; SRX, then tXSR).
 */
import { ChannelController, type ControllerConfig, type ControllerHost } from './controller.js';
import { CMD } from './lpddr5-spec.js';
import { PowerManager, AWAKE, POWER_DOWN, SELF_REFRESH } from './power-down.js';
import { IdleRoundSkipper } from './idle-round-skip.js';

export class PowerManagedController extends ChannelController {
  readonly power: PowerManager;
  /** Time of the latest wake-up or replayed idle event: a replay starts here. */
  private lastT = 0;
  private readonly closedPage: boolean;
  /** Counts whole periodic refresh rounds of a sleeping idle channel instead of replaying them (no observer only). */
  readonly skipper: IdleRoundSkipper;

  constructor(channel: number, cfg: ControllerConfig, host: ControllerHost) {
    super(channel, cfg, host);
    const t = cfg.timings;
    this.power = new PowerManager(cfg.org.ranks, this.timing.banksPerRank, cfg.powerDownAfter ?? Infinity, cfg.selfRefreshAfter ?? Infinity, t.tCK);
    this.closedPage = cfg.pagePolicy === 'closed';
    // a refresh due on a powered-down rank is preceded by PDX (issued and reported by the base issue())
    this.refresh.power = { state: this.power.state, exit: (r, T) => this.applyPower(CMD.PDX, r, T) };
    this.skipper = new IdleRoundSkipper(this.timing, this.refresh, this.counters, this.power, this.openRow, t.tCK);
  }

  protected override powerManaged(): boolean {
    return true;
  }

  override enqueue(now: number, reqId: number, bank: number, row: number, bursts: number, isWrite: boolean, parent: number): void {
    this.catchUpRefresh(now);
    const r = this.timing.rankOf[bank]!;
    this.power.queued[r]!++;
    const cmd = this.power.wakeCommand(r);
    if (cmd >= 0) {
      const e = this.timing.earliestRank(cmd, r);
      const t = this.edge(now);
      this.issueIdle(cmd, r, e > t ? e : t);
      this.dirty = true;
    }
    // caught up above already (the base enqueue would replay the idle channel a second time)
    this.admit(now, reqId, bank, row, bursts, isWrite, parent);
  }

  override service(T: number): number {
    this.catchUpRefresh(T);
    if (T > this.lastT) this.lastT = T;
    return super.service(T);
  }

  /** Issues the pick; when it is the last burst of a request, that request's rank may start idling at its completion. */
  protected override issue(T: number): void {
    const cmd = this.sel.pickCmd, b = this.sel.pickBank;
    const last = (cmd === CMD.RD || cmd === CMD.WR) && this.pool.bursts[this.sel.pickEntry] === 1;
    super.issue(T);
    if (last) {
      const pm = this.power, r = this.timing.rankOf[b]!;
      pm.queued[r]!--;
      const done = T + (cmd === CMD.RD ? this.rdDone : this.wrDone);
      if (done > pm.idleSince[r]!) pm.idleSince[r] = done;
    }
  }

  /** Rank r may change power state on its own: no request queued, no refresh pending, no page-policy PRE to come. */
  private mayRest(r: number): boolean {
    return this.power.queued[r] === 0 && this.refresh.pending[r] === 0 && !(this.closedPage && this.power.anyOpen(r, this.openRow));
  }

  /**
   * Replays, in time order, what fell due while nobody looked. Idle channel (no queued request): up to
   * and including `now`, its pending commands (refresh, closed-page precharges), refreshes falling due
   * and each rank's power-state changes. Busy channel (the base controller issues its requests and
   * refreshes at their wake-ups): the idle ranks' power-state changes strictly before `now`, so that at
   * a tie the busy rank's command goes first. With no observer attached, an idle channel whose ranks
   * only wake for their refreshes skips whole periods of them exactly (IdleRoundSkipper).
   */
  override catchUpRefresh(now: number): void {
    if (this.queued !== 0) {
      this.replayIdleRanks(now);
      return;
    }
    const rf = this.refresh, pm = this.power, ts = this.timing, sel = this.sel;
    let T = this.lastT;
    const skip = this.observer === null;
    this.skipper.reset();
    for (;;) {
      this.choose(T);
      let bt = Infinity, kind = 0, bc = -1, br = -1, any = false;
      if (sel.pickCmd >= 0) { bt = sel.pickT; kind = 1; }
      if (rf.nextDueEdge < bt) { bt = rf.nextDueEdge; kind = 2; }
      for (let r = 0; r < ts.ranks; r++) {
        if (!this.mayRest(r)) continue; // work first, then sleep
        pm.candidate(r, T, this.openRow, ts);
        if (pm.candCmd >= 0) any = true;
        if (pm.candT < bt) { bt = pm.candT; kind = 3; bc = pm.candCmd; br = r; }
      }
      if (bt > now) break;
      if (skip && kind === 2 && sel.pickCmd < 0 && !any) {
        // only refreshes to come: a quiet point of the idle rounds
        const d = this.skipper.atQuietPoint(bt, now);
        if (d > 0) {
          this.lastT += d;
          T = this.lastT;
          continue;
        }
      }
      T = bt;
      this.lastT = T;
      if (kind === 1) this.issue(T);
      else if (kind === 2) { if (rf.tick(T, this.openRow)) sel.invalidateAll(); }
      else this.issueIdle(bc, br, T);
    }
    this.dirty = true;
  }

  /** Busy channel: issues the idle ranks' power-state changes due before `limit`, in time order. */
  private replayIdleRanks(limit: number): void {
    const pm = this.power, ts = this.timing;
    let T = this.lastT;
    for (;;) {
      let bt = Infinity, bc = -1, br = -1;
      for (let r = 0; r < ts.ranks; r++) {
        if (!this.mayRest(r)) continue;
        pm.candidate(r, T, this.openRow, ts);
        if (pm.candT < bt) { bt = pm.candT; bc = pm.candCmd; br = r; }
      }
      if (bt >= limit) return;
      T = bt;
      this.lastT = T;
      this.issueIdle(bc, br, T);
      this.dirty = true;
    }
  }

  /** Issues a rank-wide command chosen outside the pick (power state changes, self-refresh PREA) on rank r at T. */
  private issueIdle(cmd: number, r: number, T: number): void {
    const b = r * this.timing.banksPerRank;
    this.sel.touchedRank(r);
    if (cmd === CMD.PREA) this.refresh.issue(cmd, b, T, this.openRow, this.timing, this.counters);
    else this.applyPower(cmd, r, T);
    if (this.observer !== null) this.notify(cmd, b, -1, T);
  }

  /** Records power-state command `cmd` on rank r at T: timing, state, background counters, refresh schedule. */
  private applyPower(cmd: number, r: number, T: number): void {
    this.timing.recordRank(cmd, r, T);
    const next = cmd === CMD.PDE ? POWER_DOWN : cmd === CMD.SRE ? SELF_REFRESH : AWAKE;
    this.power.state[r] = next;
    this.counters.powerState(r, next, T);
    if (cmd === CMD.SRE) this.refresh.suspend(r);
    else if (cmd === CMD.SRX) this.refresh.resume(r, T);
  }
}
