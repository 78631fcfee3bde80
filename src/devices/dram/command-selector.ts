/**
 * Command selection for one LPDDR5 channel: per-bank candidate commands (cached until the bank's
 * queue, row or the read/write mode change) and the pick — the candidate with the earliest legal
 * issue time, ties broken by class (refresh, row hit under FR-FCFS, request, page-policy PRE) then age.
 */
import { CMD } from './lpddr5-spec.js';
import type { TimingState } from './timing-state.js';
import type { RequestPool } from './request-queue.js';
import type { RefreshManager } from './refresh.js';

const CLS_REFRESH = 1, CLS_HIT = 2, CLS_REQ = 3, CLS_POLICY = 4;
const REQ_CMDS = [CMD.ACT1, CMD.PRE, CMD.RD, CMD.WR];

export class CommandSelector {
  // The pick: best next command and its issue time (pickCmd -1: none).
  pickT = Infinity;
  pickCls = 9;
  pickSeq = Infinity;
  pickCmd = -1;
  pickBank = -1;
  pickEntry = -1;
  // Cached per-bank candidates.
  readonly cCmd: Int8Array;
  readonly cEntry: Int32Array;
  readonly cCls: Int8Array;
  readonly cSeq: Float64Array;
  readonly cValid: Uint8Array;
  /** Cached bank- and group-level earliest time of each bank's candidate command. */
  readonly local: Float64Array;
  readonly lValid: Uint8Array;
  private readonly common: Float64Array;
  private writeMode = false;
  private readonly frfcfs: boolean;
  private readonly closedPage: boolean;

  constructor(
    private readonly timing: TimingState,
    private readonly pool: RequestPool,
    private readonly refresh: RefreshManager,
    private readonly openRow: Int32Array,
    frfcfs: boolean,
    closedPage: boolean,
  ) {
    const nb = timing.banks;
    this.cCmd = new Int8Array(nb);
    this.cEntry = new Int32Array(nb);
    this.cCls = new Int8Array(nb);
    this.cSeq = new Float64Array(nb);
    this.cValid = new Uint8Array(nb);
    this.local = new Float64Array(nb);
    this.lValid = new Uint8Array(nb);
    this.common = new Float64Array(8 * timing.ranks);
    this.frfcfs = frfcfs;
    this.closedPage = closedPage;
  }

  /** Forgets every cached candidate (mode change, refresh start). */
  invalidateAll(): void {
    this.cValid.fill(0);
  }
  /** Bank b's queue or row changed; the bank/group timing of its group changed. */
  touched(b: number): void {
    this.cValid[b] = 0;
    const n = this.timing.banksPerGroup;
    const g0 = this.timing.groupOf[b]! * n;
    const lv = this.lValid;
    for (let k = g0; k < g0 + n; k++) lv[k] = 0;
  }
  /** A rank-wide command was issued on rank r. */
  touchedRank(r: number): void {
    const bpr = this.timing.banksPerRank;
    this.cValid.fill(0, r * bpr, (r + 1) * bpr);
    this.lValid.fill(0, r * bpr, (r + 1) * bpr);
  }

  consider(t: number, cls: number, seq: number, cmd: number, bank: number, entry: number): void {
    if (t < this.pickT || (t === this.pickT && (cls < this.pickCls || (cls === this.pickCls && seq < this.pickSeq)))) {
      this.pickT = t; this.pickCls = cls; this.pickSeq = seq; this.pickCmd = cmd; this.pickBank = bank; this.pickEntry = entry;
    }
  }

  /** Recomputes the pick: the candidate with the earliest legal time ≥ T, ties by class then age. */
  choose(T: number, writeMode: boolean, actPendingBank: number): void {
    this.writeMode = writeMode;
    this.pickT = Infinity; this.pickCls = 9; this.pickSeq = Infinity; this.pickCmd = -1; this.pickBank = -1; this.pickEntry = -1;
    const ts = this.timing;
    if (actPendingBank >= 0) {
      const e = ts.earliestBank(CMD.ACT2, actPendingBank);
      this.consider(e > T ? e : T, 0, 0, CMD.ACT2, actPendingBank, -1);
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
    const cCmd = this.cCmd, cValid = this.cValid, cCls = this.cCls, cSeq = this.cSeq;
    const lValid = this.lValid, local = this.local;
    let bt = this.pickT, bc = this.pickCls, bs = this.pickSeq, bb = -1;
    for (let b = 0; b < nb; b++) {
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
  considerBank(b: number, T: number, writeMode: boolean): void {
    this.writeMode = writeMode;
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
    if (this.refresh.blocked[b] !== 0) {
      this.cCmd[b] = -1; // refresh pending on this bank: only the refresh sequence may use it
      return;
    }
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
  invalidate(b0: number, b1: number): void {
    this.cValid.fill(0, b0, b1);
  }
}
