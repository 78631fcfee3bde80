/**
 * Exact fast-forward of an idle, power-managed LPDDR5 channel: ranks asleep in power-down wake only
 * for their refreshes (PDX, PREA/REF, PDE every tREFI or tREFIpb). When two quiet points one period
 * apart (just before a refresh falls due, every timing constraint expired) show the same channel
 * state shifted by that period, the replay is periodic from there on, so whole periods are counted
 * (counts and per-state times) instead of stepped. Period: the least multiple of a refresh round
 * that is a whole number of tCK, so that every command lands on the same CK edge of its period.
 */
import { N_CMD } from './lpddr5-spec.js';
import type { TimingState } from './timing-state.js';
import type { RefreshManager } from './refresh.js';
import type { ChannelCounters } from './channel-counters.js';
import type { PowerManager } from './power-down.js';

export class IdleRoundSkipper {
  /** Total periods counted instead of replayed (for tests). */
  skipped = 0;
  private readonly period: number;
  private valid = false;
  private x1 = 0;
  private readonly power1: Uint8Array;
  private readonly open1: Int32Array;
  private readonly refresh1: Float64Array;
  private readonly refresh2: Float64Array;
  private readonly counters1: Float64Array;
  private readonly counters2: Float64Array;

  constructor(
    private readonly ts: TimingState,
    private readonly rf: RefreshManager,
    private readonly counters: ChannelCounters,
    private readonly pm: PowerManager,
    private readonly openRow: Int32Array,
    tCK: number,
  ) {
    let p = Infinity;
    const round = rf.round;
    if (Number.isInteger(round) && Number.isInteger(tCK)) for (let k = 1; k <= 64 && p === Infinity; k++) if ((k * round) % tCK === 0) p = k * round;
    this.period = p;
    this.power1 = new Uint8Array(pm.state.length);
    this.open1 = new Int32Array(openRow.length);
    this.refresh1 = new Float64Array(4 * rf.ranks);
    this.refresh2 = new Float64Array(4 * rf.ranks);
    this.counters1 = new Float64Array(counters.savedLength);
    this.counters2 = new Float64Array(counters.savedLength);
  }

  /** Forgets the saved quiet point (the channel did something other than idle refresh rounds). */
  reset(): void {
    this.valid = false;
  }

  /**
   * Called at X, a refresh due edge the idle replay is about to process, when nothing else is pending
   * (no pick, no power-state change to come, no request queued). Returns the time skipped (a multiple
   * of the period, ≤ now − X), after which the replay continues at X + the returned time; 0: none.
   */
  atQuietPoint(X: number, now: number): number {
    if (!this.quiet(X)) {
      this.valid = false;
      return 0;
    }
    if (this.valid && X - this.x1 === this.period && this.samePeriodic(X - this.x1)) {
      this.valid = false;
      const m = Math.floor((now - X) / this.period);
      if (m < 1) return 0;
      this.counters.save(this.counters2);
      this.counters.repeat(this.counters1, this.counters2, m);
      this.rf.repeat(this.refresh1, this.refresh2, m);
      this.skipped += m;
      return m * this.period;
    }
    if (!this.valid || X - this.x1 >= this.period) this.saveAt(X);
    return 0;
  }

  /** Every earliest-issue time of every command is at or before X: the timing tables no longer matter. */
  private quiet(X: number): boolean {
    const ts = this.ts;
    for (const a of [ts.bankNext, ts.groupNext]) for (let i = 0; i < a.length; i++) if (a[i]! > X) return false;
    for (let r = 0; r < ts.ranks; r++) for (let c = 0; c < N_CMD; c++) if (ts.earliestRankLevel(c, r) > X) return false;
    return true;
  }

  private saveAt(X: number): void {
    this.valid = true;
    this.x1 = X;
    this.power1.set(this.pm.state);
    this.open1.set(this.openRow);
    this.rf.save(this.refresh1);
    this.counters.save(this.counters1);
  }

  /** Same power states, open rows, refresh pairs / flags; every running refresh schedule moved by exactly dt. */
  private samePeriodic(dt: number): boolean {
    const n = this.rf.ranks, a = this.refresh1, b = this.refresh2;
    this.rf.save(b);
    for (let r = 0; r < n; r++) {
      if (this.pm.state[r] !== this.power1[r]) return false;
      for (let k = 1; k < 4; k++) if (a[k * n + r] !== b[k * n + r]) return false;
      if (b[r]! - a[r]! !== (b[2 * n + r] === 0 ? dt : 0)) return false;
    }
    for (let i = 0; i < this.openRow.length; i++) if (this.openRow[i] !== this.open1[i]) return false;
    return true;
  }
}
