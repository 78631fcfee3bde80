/**
 * Per-channel action counts for energy pricing (commands, bursts, row hit/miss/conflict, data-bus
 * busy time) and rank background-state time: awake, any bank open = active standby, else precharge
 * standby; in power-down, active or precharge power-down by the same test; in self-refresh, self-
 * refresh time. Refresh time is counted as precharge standby (the refresh energy covers IDD5 − IDD3N).
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
  pde = 0;
  sre = 0;
  private activePs = 0;
  private prechargePs = 0;
  private activePdPs = 0;
  private prechargePdPs = 0;
  private selfRefreshPs = 0;
  /** Power state per rank (0 awake, 1 power-down, 2 self-refresh; see power-down.ts). */
  private readonly power: Uint8Array;

  constructor(readonly ranks: number) {
    this.openBanks = new Int32Array(ranks);
    this.since = new Float64Array(ranks);
    this.power = new Uint8Array(ranks);
  }

  /** Rank r changes power state at t (0 awake, 1 power-down, 2 self-refresh). */
  powerState(r: number, state: number, t: number): void {
    this.addSegment(r, t);
    this.since[r] = t;
    this.power[r] = state;
    if (state === 1) this.pde++;
    else if (state === 2) this.sre++;
  }

  private addSegment(r: number, t: number): void {
    const d = t - this.since[r]!;
    const open = this.openBanks[r]! > 0;
    switch (this.power[r]) {
      case 0: if (open) this.activePs += d; else this.prechargePs += d; break;
      case 1: if (open) this.activePdPs += d; else this.prechargePdPs += d; break;
      default: this.selfRefreshPs += d;
    }
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
  /** Number of values save() writes. */
  get savedLength(): number {
    return 18 + this.ranks;
  }
  /** Saves every count, state-time sum and each rank's current segment start (idle fast-forward). */
  save(into: Float64Array): void {
    const v = [this.act, this.pre, this.prea, this.rd, this.wr, this.refab, this.refpb, this.rowHits, this.rowMisses, this.rowConflicts, this.busyPs,
      this.pde, this.sre, this.activePs, this.prechargePs, this.activePdPs, this.prechargePdPs, this.selfRefreshPs];
    for (let i = 0; i < v.length; i++) into[i] = v[i]!;
    for (let r = 0; r < this.ranks; r++) into[18 + r] = this.since[r]!;
  }
  /**
   * Adds m × (b − a) to every saved value: m more repetitions of an idle period that took the counters
   * from save a to save b and left every rank in the state it started in (same open banks and power state).
   */
  repeat(a: Float64Array, b: Float64Array, m: number): void {
    const d = (i: number): number => m * (b[i]! - a[i]!);
    this.act += d(0); this.pre += d(1); this.prea += d(2); this.rd += d(3); this.wr += d(4); this.refab += d(5); this.refpb += d(6);
    this.rowHits += d(7); this.rowMisses += d(8); this.rowConflicts += d(9); this.busyPs += d(10);
    this.pde += d(11); this.sre += d(12);
    this.activePs += d(13); this.prechargePs += d(14); this.activePdPs += d(15); this.prechargePdPs += d(16); this.selfRefreshPs += d(17);
    for (let r = 0; r < this.ranks; r++) this.since[r]! += d(18 + r);
  }

  /**
   * Rank-time (summed over ranks) up to `now` in each background state: awake with any bank open /
   * all banks precharged, power-down with a bank open / all precharged, self-refresh.
   */
  standby(now: number): { activePs: number; prechargePs: number; activePdPs: number; prechargePdPs: number; selfRefreshPs: number } {
    const keep = [this.activePs, this.prechargePs, this.activePdPs, this.prechargePdPs, this.selfRefreshPs] as const;
    for (let r = 0; r < this.ranks; r++) this.addSegment(r, now);
    const out = { activePs: this.activePs, prechargePs: this.prechargePs, activePdPs: this.activePdPs, prechargePdPs: this.prechargePdPs, selfRefreshPs: this.selfRefreshPs };
    [this.activePs, this.prechargePs, this.activePdPs, this.prechargePdPs, this.selfRefreshPs] = keep;
    return out;
  }
}
