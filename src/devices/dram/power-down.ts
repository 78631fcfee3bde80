/**
 * LPDDR5 power-down and self-refresh policy of one channel, per rank, timeout-based as in DRAMPower
 * and gem5's low-power states: a rank idle for `powerDownAfter` (no queued request, counted from the
 * completion of its last request) enters power-down (active power-down with a row open, precharge
 * power-down otherwise); one idle `selfRefreshAfter` closes its rows and enters self-refresh, where
 * the device refreshes itself. The first request to a sleeping rank wakes it (PDX, next command after
 * tXP; SRX, after tXSR). PowerManagedController issues the changes; both timeouts default to off.
 */
import { CMD } from './lpddr5-spec.js';
import type { TimingState } from './timing-state.js';

export const AWAKE = 0, POWER_DOWN = 1, SELF_REFRESH = 2;

export class PowerManager {
  /** 0 awake, 1 power-down, 2 self-refresh, per rank. */
  readonly state: Uint8Array;
  /** Per rank: when its idle timers start, ps — the completion time of its latest request (0: none yet). */
  readonly idleSince: Float64Array;
  /** Per rank: requests queued and not yet fully issued (a rank with any is busy). */
  readonly queued: Int32Array;
  // The next low-power command (candidate) found by `candidate`.
  candCmd = -1;
  candT = Infinity;

  constructor(
    ranks: number,
    private readonly banksPerRank: number,
    /** Timeouts in ps (Infinity: never). */
    readonly powerDownAfter: number,
    readonly selfRefreshAfter: number,
    private readonly tCK: number,
  ) {
    this.state = new Uint8Array(ranks);
    this.idleSince = new Float64Array(ranks);
    this.queued = new Int32Array(ranks);
  }

  private edge(t: number): number {
    return Math.ceil(t / this.tCK) * this.tCK;
  }

  /**
   * The next low-power command of idle rank r (no request queued, no refresh pending), at or after T, into
   * candCmd / candT (candCmd -1: none). Self-refresh wins when its timeout comes first or at the
   * same time; from power-down it first exits (PDX), then closes open rows (PREA), then enters (SRE).
   */
  candidate(r: number, T: number, openRow: Int32Array, ts: TimingState): void {
    this.candCmd = -1;
    this.candT = Infinity;
    const s = this.state[r]!;
    if (s === SELF_REFRESH) return;
    const since = this.idleSince[r]!;
    const tSr = this.selfRefreshAfter === Infinity ? Infinity : this.edge(since + this.selfRefreshAfter);
    const tPd = this.powerDownAfter === Infinity ? Infinity : this.edge(since + this.powerDownAfter);
    let cmd: number, at: number;
    if (s === POWER_DOWN) {
      if (tSr === Infinity) return;
      cmd = CMD.PDX; at = tSr;
    } else if (tSr <= (tPd > T ? tPd : T)) {
      cmd = this.anyOpen(r, openRow) ? CMD.PREA : CMD.SRE; at = tSr;
    } else {
      cmd = CMD.PDE; at = tPd;
    }
    const e = ts.earliestRank(cmd, r);
    if (e > at) at = e;
    if (T > at) at = T;
    this.candCmd = cmd;
    this.candT = at;
  }

  anyOpen(r: number, openRow: Int32Array): boolean {
    const base = r * this.banksPerRank;
    for (let b = base; b < base + this.banksPerRank; b++) if (openRow[b]! >= 0) return true;
    return false;
  }

  /** The command that wakes sleeping rank r (PDX or SRX), or -1 when it is awake. */
  wakeCommand(r: number): number {
    const s = this.state[r]!;
    return s === POWER_DOWN ? CMD.PDX : s === SELF_REFRESH ? CMD.SRX : -1;
  }
}
