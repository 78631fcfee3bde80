/**
 * LPDDR5 refresh manager for one channel: all-bank (REFab every tREFI per rank) or per-bank
 * (REFpb every tREFIpb, bank pairs in round-robin so that 8 REFpb cover every bank once per tREFI).
 * A due refresh blocks its banks, closes them (PREA / PRE) and issues the refresh when legal; a rank
 * in power-down exits first (PDX); a rank in self-refresh refreshes itself, so its schedule is
 * suspended until the exit (SRX) and restarts one interval after it.
 */
import { CMD, type TimingValues } from './lpddr5-spec.js';
import type { TimingState } from './timing-state.js';
import type { ChannelCounters } from './channel-counters.js';
import { POWER_DOWN } from './power-down.js';

export type RefreshMode = 'all-bank' | 'per-bank';

export class RefreshManager {
  readonly pending: Uint8Array;
  /** 1 for banks that must not receive request commands (refresh pending). */
  readonly blocked: Uint8Array;
  anyPending = false;
  candCmd = -1;
  candBank = -1;
  candT = 0;
  private readonly due: Float64Array;
  /** 1 while the rank is in self-refresh (no refresh comes due). */
  private readonly suspended: Uint8Array;
  /** Set by the power-managing controller: rank power states (power-down.ts codes) and how to issue PDX. */
  power: { readonly state: Uint8Array; exit(r: number, T: number): void } | null = null;

  private readonly pair: Int32Array;
  private readonly interval: number;
  /** Each refresh's own gaps end well before the next is due (true for every JEDEC timing set). */
  private readonly regular: boolean;
  private readonly perBank: boolean;
  private readonly pairSize: number;

  constructor(readonly mode: RefreshMode, readonly ranks: number, private readonly banksPerRank: number, t: TimingValues) {
    this.perBank = mode === 'per-bank';
    this.interval = this.perBank ? t.tREFIpb : t.tREFI;
    this.regular = t.tRFCab + t.tCK < t.tREFI && t.tPBR2PBR + t.tCK < t.tREFIpb && t.tRFCpb + t.tCK < 8 * t.tREFIpb;
    this.pairSize = banksPerRank / 8;
    this.pending = new Uint8Array(ranks);
    this.blocked = new Uint8Array(ranks * banksPerRank);
    this.pair = new Int32Array(ranks);
    this.suspended = new Uint8Array(ranks);
    // Ranks are staggered evenly within one interval [estimate: controller design choice].
    this.due = Float64Array.from({ length: ranks }, (_, r) => Math.round(this.interval * (1 + r / ranks)));
    this.tCK = t.tCK;
    this.updateNextDue();
  }
  private readonly tCK: number;

  /** Earliest time a not-yet-pending refresh becomes due (kept up to date by tick / issue). */
  nextDue = 0;
  /** nextDue rounded up to a CK edge. */
  nextDueEdge = 0;
  private updateNextDue(): void {
    let m = Infinity;
    for (let r = 0; r < this.ranks; r++) if (this.pending[r] === 0 && this.suspended[r] === 0 && this.due[r]! < m) m = this.due[r]!;
    this.nextDue = m;
    this.nextDueEdge = Math.ceil(m / this.tCK) * this.tCK;
  }

  /** Marks refreshes due at T as pending. Returns true if anything changed. */
  tick(T: number, _openRow: Int32Array): boolean {
    if (T < this.nextDue) return false;
    let changed = false;
    for (let r = 0; r < this.ranks; r++) {
      if (this.pending[r] === 0 && this.suspended[r] === 0 && T >= this.due[r]!) {
        this.pending[r] = 1;
        this.due[r]! += this.interval;
        this.setBlocked(r, 1);
        this.anyPending = true;
        changed = true;
      }
    }
    this.updateNextDue();
    return changed;
  }

  private setBlocked(r: number, v: number): void {
    const base = r * this.banksPerRank;
    if (!this.perBank) {
      this.blocked.fill(v, base, base + this.banksPerRank);
      return;
    }
    const p = this.pair[r]!;
    this.blocked[base + p] = v;
    if (this.pairSize === 2) this.blocked[base + p + 8] = v;
  }

  /**
   * Fast-forward for an idle channel with every bank precharged and no refresh pending: each refresh
   * due up to `now` would issue exactly at its due edge (its own gaps end long before the next is
   * due), so whole rounds of them (one REFab per rank, or eight REFpb: every pair once) are counted
   * without being issued. The last `keep` rounds before `now` are left to be issued normally, so the
   * timing tables still see every bank's latest refresh. Returns the number of refreshes counted.
   */
  skipIdleRounds(now: number, c: ChannelCounters, keep = 2): number {
    if (this.anyPending || !this.regular) return 0;
    const round = this.round;
    let skipped = 0;
    for (let r = 0; r < this.ranks; r++) {
      if (this.suspended[r] !== 0) continue;
      const m = Math.floor((now - this.due[r]!) / round) - keep;
      if (m <= 0) continue;
      this.due[r]! += m * round;
      const n = this.perBank ? 8 * m : m;
      if (this.perBank) c.refpb += n;
      else c.refab += n;
      skipped += n;
    }
    if (skipped > 0) this.updateNextDue();
    return skipped;
  }

  /** Length of one refresh round: every bank of a rank refreshed once (tREFI, or 8 × tREFIpb), ps. */
  get round(): number {
    return this.perBank ? 8 * this.interval : this.interval;
  }

  /** Saves each rank's due time, pair index, suspended and pending flags (4 × ranks values; idle fast-forward). */
  save(into: Float64Array): void {
    const n = this.ranks;
    for (let r = 0; r < n; r++) {
      into[r] = this.due[r]!;
      into[n + r] = this.pair[r]!;
      into[2 * n + r] = this.suspended[r]!;
      into[3 * n + r] = this.pending[r]!;
    }
  }

  /** Advances each due time by m × (b − a): m more repetitions of the idle period between saves a and b. */
  repeat(a: Float64Array, b: Float64Array, m: number): void {
    for (let r = 0; r < this.ranks; r++) this.due[r]! += m * (b[r]! - a[r]!);
    this.updateNextDue();
  }

  /** Rank r entered self-refresh: the device refreshes itself, nothing comes due. */
  suspend(r: number): void {
    this.suspended[r] = 1;
    this.updateNextDue();
  }
  /** Rank r left self-refresh at t: the next refresh is due one interval later. */
  resume(r: number, t: number): void {
    this.suspended[r] = 0;
    this.due[r] = t + this.interval;
    this.updateNextDue();
  }

  /** Computes the next refresh-related command for pending rank r into candCmd/candBank/candT. */
  candidate(r: number, openRow: Int32Array, ts: TimingState): void {
    const base = r * this.banksPerRank;
    if (this.power !== null && this.power.state[r] === POWER_DOWN) {
      this.candCmd = CMD.PDX; // a powered-down rank exits first
      this.candBank = base;
      this.candT = ts.earliestRank(CMD.PDX, r);
      return;
    }
    if (!this.perBank) {
      let open = false;
      for (let b = base; b < base + this.banksPerRank; b++) if (openRow[b]! >= 0) { open = true; break; }
      this.candCmd = open ? CMD.PREA : CMD.REFAB;
      this.candBank = base;
      this.candT = ts.earliestRank(this.candCmd, r);
      return;
    }
    const b0 = base + this.pair[r]!;
    const b1 = this.pairSize === 2 ? b0 + 8 : b0;
    if (openRow[b0]! >= 0 || openRow[b1]! >= 0) {
      this.candCmd = CMD.PRE;
      this.candBank = openRow[b0]! >= 0 ? b0 : b1;
      this.candT = ts.earliestBank(CMD.PRE, this.candBank);
      return;
    }
    this.candCmd = CMD.REFPB;
    this.candBank = b0;
    this.candT = ts.earliestPair(CMD.REFPB, r, this.pair[r]!);
  }

  /** Applies an issued PREA / REFab / REFpb, or the PDX that wakes a powered-down rank (bank b is the candidate bank). */
  issue(cmd: number, b: number, T: number, openRow: Int32Array, ts: TimingState, c: ChannelCounters): void {
    const r = (b / this.banksPerRank) | 0;
    const base = r * this.banksPerRank;
    if (cmd === CMD.PDX) {
      this.power!.exit(r, T);
      return;
    }
    if (cmd === CMD.PREA) {
      ts.recordRank(cmd, r, T);
      for (let k = base; k < base + this.banksPerRank; k++) {
        if (openRow[k]! >= 0) {
          openRow[k] = -1;
          c.closed(r, T);
        }
      }
      c.prea++;
      return;
    }
    if (cmd === CMD.REFAB) {
      ts.recordRank(cmd, r, T);
      c.refab++;
    } else {
      ts.recordPair(cmd, r, this.pair[r]!, T);
      c.refpb++;
    }
    this.setBlocked(r, 0);
    if (cmd === CMD.REFPB) this.pair[r] = (this.pair[r]! + 1) % 8;
    this.pending[r] = 0;
    this.updateNextDue();
    let any = false;
    for (let k = 0; k < this.ranks; k++) if (this.pending[k]) any = true;
    this.anyPending = any;
  }
}
