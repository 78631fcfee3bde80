/**
 * LPDDR5 channel controller with timeout-based power-down and self-refresh (PowerManager holds the
 * policy). The idle channel is replayed lazily, like its refreshes: when next used, the power-state
 * changes that fell due are issued at their own times (exact: nothing else was issued meanwhile).
 * The idle timers start when the channel's last outstanding request completes; the first request to
 * a sleeping rank wakes it at the next legal CK edge (PDX, then tXP; SRX, then tXSR).
 */
import { ChannelController, type ControllerConfig, type ControllerHost } from './controller.js';
import { CMD } from './lpddr5-spec.js';
import { PowerManager, AWAKE, POWER_DOWN, SELF_REFRESH } from './power-down.js';

export class PowerManagedController extends ChannelController {
  readonly power: PowerManager;
  /** Time of the latest wake-up or replayed idle event: an idle replay starts here. */
  private lastT = 0;
  /** A request was queued since the channel last went idle (its idle timers are not started yet). */
  private busyEpoch = false;

  constructor(channel: number, cfg: ControllerConfig, host: ControllerHost) {
    super(channel, cfg, host);
    this.power = new PowerManager(cfg.org.ranks, this.timing.banksPerRank, cfg.powerDownAfter ?? Infinity, cfg.selfRefreshAfter ?? Infinity, cfg.timings.tCK);
    // a refresh due on a powered-down rank is preceded by PDX (issued and reported by the base issue())
    this.refresh.power = { state: this.power.state, exit: (r, T) => this.applyPower(CMD.PDX, r, T) };
  }

  protected override powerManaged(): boolean {
    return true;
  }

  override enqueue(now: number, reqId: number, bank: number, row: number, bursts: number, isWrite: boolean, parent: number): void {
    if (this.queued === 0) this.catchUpRefresh(now);
    this.busyEpoch = true;
    const r = this.timing.rankOf[bank]!;
    const cmd = this.power.wakeCommand(r);
    if (cmd >= 0) {
      const e = this.timing.earliestRank(cmd, r);
      const t = this.edge(now);
      this.issueIdle(cmd, r, e > t ? e : t);
      this.dirty = true;
    }
    super.enqueue(now, reqId, bank, row, bursts, isWrite, parent);
  }

  override service(T: number): void {
    if (T > this.lastT) this.lastT = T;
    super.service(T);
  }

  /**
   * Replays, in time order up to `now`, the idle channel's pending commands (refresh, closed-page
   * precharges), refreshes falling due, and each rank's power-down / self-refresh transitions.
   */
  override catchUpRefresh(now: number): void {
    if (this.queued !== 0) return;
    const rf = this.refresh, pm = this.power, ts = this.timing, sel = this.sel;
    if (this.busyEpoch && this.inFlight === 0) {
      // the last request just completed (this runs at its delivery): the idle timers start now
      this.busyEpoch = false;
      pm.idleSince = now;
    }
    let T = this.lastT;
    for (;;) {
      this.choose(T);
      let bt = Infinity, kind = 0, bc = -1, br = -1;
      if (sel.pickCmd >= 0) { bt = sel.pickT; kind = 1; }
      const pickRank = sel.pickCmd >= 0 ? ts.rankOf[sel.pickBank]! : -1;
      if (rf.nextDueEdge < bt) { bt = rf.nextDueEdge; kind = 2; }
      if (!this.busyEpoch) {
        for (let r = 0; r < ts.ranks; r++) {
          if (rf.pending[r] !== 0 || r === pickRank) continue; // work first, then sleep
          pm.candidate(r, T, this.openRow, ts);
          if (pm.candT < bt) { bt = pm.candT; kind = 3; bc = pm.candCmd; br = r; }
        }
      }
      if (bt > now) break;
      T = bt;
      this.lastT = T;
      if (kind === 1) this.issue(T);
      else if (kind === 2) { if (rf.tick(T, this.openRow)) sel.invalidateAll(); }
      else this.issueIdle(bc, br, T);
    }
    this.dirty = true;
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
