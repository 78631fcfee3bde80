/**
 * Per-channel action counts for energy pricing (commands, bursts, row hit/miss/conflict, data-bus
 * busy time) and rank background-state time (any bank open = active standby, else precharge
 * standby). Refresh time is counted as precharge standby (the refresh energy covers IDD5 − IDD3N).
 */
export class ChannelCounters {
  act = 0;
  pre = 0;
  prea = 0;
  rd = 0;
  wr = 0;
  refab = 0;
  refpb = 0;
  rowHits = 0;
  rowMisses = 0;
  rowConflicts = 0;
  busyPs = 0;
  private readonly openBanks: Int32Array;
  private readonly since: Float64Array;
  private activePs = 0;
  private prechargePs = 0;

  constructor(readonly ranks: number) {
    this.openBanks = new Int32Array(ranks);
    this.since = new Float64Array(ranks);
  }

  /** A bank of rank r went from precharged to open at t. */
  opened(r: number, t: number): void {
    if (this.openBanks[r]!++ === 0) {
      this.prechargePs += t - this.since[r]!;
      this.since[r] = t;
    }
  }
  /** An open bank of rank r was precharged at t. */
  closed(r: number, t: number): void {
    if (--this.openBanks[r]! === 0) {
      this.activePs += t - this.since[r]!;
      this.since[r] = t;
    }
  }
  /** Rank-time (summed over ranks) with any bank open / all banks precharged, up to `now`. */
  standby(now: number): { activePs: number; prechargePs: number } {
    let a = this.activePs, p = this.prechargePs;
    for (let r = 0; r < this.ranks; r++) {
      if (this.openBanks[r]! > 0) a += now - this.since[r]!;
      else p += now - this.since[r]!;
    }
    return { activePs: a, prechargePs: p };
  }
}
