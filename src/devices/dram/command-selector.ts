/**
 * Command selection for one LPDDR5 channel: per-bank candidate commands (cached until the bank's
 * queue, row or the read/write mode change) and the pick — the candidate with the earliest legal
 * issue time, ties broken by class (refresh, row hit under FR-FCFS, request, page-policy PRE), age, bank.
 * Stale banks are kept on a dirty list and refreshed once per pick. Candidates are kept per (command,
 * rank) class in (class, age, bank) order, so a pick walks each class only up to its first ready bank
 * (or the first that can no longer beat the best so far).
 */
import { CMD } from './lpddr5-spec.js';
import type { TimingState } from './timing-state.js';
import type { RequestPool } from './request-queue.js';
import type { RefreshManager } from './refresh.js';

const CLS_REFRESH = 1, CLS_HIT = 2, CLS_REQ = 3, CLS_POLICY = 4;
/** (class, age) packed into one exact float: class × 2^50 + seq (seq < 2^50; none = 2^50 − 1). */
const CLS_SCALE = 2 ** 50;
const NO_SEQ = CLS_SCALE - 1;
/** Request commands and their slot in the per-(command, rank) table of rank/channel-level times. */
const REQ_CMDS = [CMD.ACT1, CMD.PRE, CMD.RD, CMD.WR];
const SLOT_OF_CMD = [0, -1, 1, -1, 2, 3, -1, -1];

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
  /** Packed (class, age) priority of each bank's candidate. */
  private readonly cPri: Float64Array;
  /** (command slot, rank) class of each bank's candidate, -1 = no candidate. */
  private readonly cKey: Int32Array;
  private readonly stale: Uint8Array;
  private readonly dirty: Int32Array;
  private nDirty = 0;
  /** Members of each (command slot, rank) class: a doubly linked list per class in (priority, bank) order. */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** Read/write mode and options as 0/1 (V8 checks a boolean field's type at every test; a small integer it does not). */
  private writeMode = 0;
  private readonly frfcfs: number;
  private readonly closedPage: number;
  private readonly nb: number;
  private readonly bpr: number;
  private readonly nClasses: number;
  /**
   * Per class k (command slot-major, then rank), six values at 6k, TimingState.tt indices but the
   * rank: its rank-level time, channel-level time, rank, (cmd, bank 0), (cmd, group 0) and its tFAW ring (-1: none).
   */
  private readonly clsOff: Int32Array;
  // Arrays of the timing state, request pool and refresh manager read on the hot path, held directly.
  private readonly tt: Float64Array; private readonly groupOf: Int32Array; private readonly rankOf: Int32Array;
  private readonly fawIdx: Int32Array; private readonly blocked: Uint8Array; private readonly nr: number;
  private readonly qHead: Int32Array; private readonly qSeq: Float64Array; private readonly qRow: Int32Array; private readonly qNext: Int32Array;

  constructor(
    private readonly timing: TimingState,
    private readonly pool: RequestPool,
    private readonly refresh: RefreshManager,
    private readonly openRow: Int32Array,
    frfcfs: boolean,
    closedPage: boolean,
  ) {
    const nb = timing.banks;
    this.nb = nb;
    this.bpr = timing.banksPerRank;
    this.cCmd = new Int8Array(nb);
    this.cEntry = new Int32Array(nb);
    this.cCls = new Int8Array(nb);
    this.cSeq = new Float64Array(nb);
    this.cPri = new Float64Array(nb);
    this.cKey = new Int32Array(nb);
    this.stale = new Uint8Array(nb);
    this.dirty = new Int32Array(nb);
    this.head = new Int32Array(4 * timing.ranks).fill(-1);
    this.tail = new Int32Array(4 * timing.ranks).fill(-1);
    this.next = new Int32Array(nb).fill(-1);
    this.prev = new Int32Array(nb).fill(-1);
    this.cKey.fill(-1);
    const nr = timing.ranks;
    this.nClasses = 4 * nr;
    this.clsOff = new Int32Array(6 * this.nClasses);
    for (let k = 0; k < this.nClasses; k++) {
      const cmd = REQ_CMDS[(k / nr) | 0]!, r = k % nr;
      this.clsOff.set([timing.rankBase + cmd * nr + r, timing.chanBase + cmd, r, cmd * nb, timing.groupBase + cmd * timing.groups,
        cmd === CMD.ACT1 ? timing.fawBase + r * timing.fawWindow : -1], 6 * k);
    }
    this.frfcfs = frfcfs ? 1 : 0;
    this.closedPage = closedPage ? 1 : 0;
    this.tt = timing.tt; this.groupOf = timing.groupOf; this.rankOf = timing.rankOf; this.fawIdx = timing.fawIdx;
    this.blocked = refresh.blocked; this.qHead = pool.head; this.qSeq = pool.seq; this.nr = nr;
    this.qRow = pool.row; this.qNext = pool.next;
    this.invalidateAll();
  }

  /** stale[b]: 0 clean, 1 stale (on the dirty list), 2 clean again but still on the dirty list. */
  private mark(b: number): void {
    const s = this.stale[b]!;
    if (s === 0) this.dirty[this.nDirty++] = b;
    this.stale[b] = 1;
  }
  /** Forgets every cached candidate (mode change, refresh start). */
  invalidateAll(): void { this.invalidate(0, this.nb); }
  /** Forgets cached candidates of banks [b0, b1). */
  invalidate(b0: number, b1: number): void { for (let b = b0; b < b1; b++) this.mark(b); }
  /** Bank b's queue changed. */
  invalidateBank(b: number): void { this.mark(b); }
  /**
   * True when a block of row `row` just appended to bank b's queue q (the queue of the current mode,
   * not empty before) leaves b's cached candidate as it is: the head is unchanged, so only a new
   * FR-FCFS row hit could change it. The unchanged candidate also needs no new offer to the pick.
   */
  keepsAfterAdd(b: number, q: number, row: number): boolean {
    const c = this.cCmd[b]!;
    return this.stale[b] !== 1 && c >= 0 && this.pool.count[b * 2 + q]! > 1 && this.blocked[b] === 0 &&
      (this.frfcfs === 0 || this.openRow[b] !== row || c === (q ? CMD.WR : CMD.RD));
  }
  /** Bank b's queue or row changed (bank/group timing is read afresh at every pick). */
  touched(b: number): void { this.mark(b); }
  /** A rank-wide command was issued on rank r. */
  touchedRank(r: number): void {
    const bpr = this.bpr;
    this.invalidate(r * bpr, (r + 1) * bpr);
  }

  consider(t: number, cls: number, seq: number, cmd: number, bank: number, entry: number): void {
    if (t < this.pickT || (t === this.pickT && (cls < this.pickCls || (cls === this.pickCls && seq < this.pickSeq)))) {
      this.pickT = t; this.pickCls = cls; this.pickSeq = seq; this.pickCmd = cmd; this.pickBank = bank; this.pickEntry = entry;
    }
  }

  /** Recomputes stale candidates. */
  private refreshStale(): void {
    const stale = this.stale, dirty = this.dirty;
    for (let i = 0; i < this.nDirty; i++) {
      const b = dirty[i]!;
      if (stale[b] === 1) this.bankCandidate(b);
      stale[b] = 0;
    }
    this.nDirty = 0;
  }

  /** Recomputes the pick: the candidate with the earliest legal time ≥ T, ties by class, age, bank. */
  choose(T: number, writeMode: boolean): void {
    this.writeMode = writeMode ? 1 : 0;
    const ts = this.timing;
    const rf = this.refresh;
    // Best so far as locals (bt time, bp packed priority, bb bank); written to the pick fields once.
    let bt = Infinity, bp = Infinity, bb = -1, refreshPick = false;
    if (rf.anyPending === true) {
      this.clearPick();
      for (let r = 0; r < rf.ranks; r++) {
        if (!rf.pending[r]) continue;
        rf.candidate(r, this.openRow, ts);
        const e = rf.candT;
        this.consider(e > T ? e : T, CLS_REFRESH, 0, rf.candCmd, rf.candBank, -1);
      }
      if (this.pickCmd >= 0) { bt = this.pickT; bp = CLS_REFRESH * CLS_SCALE; refreshPick = true; }
    }
    if (this.nDirty > 0) this.refreshStale();
    // Per class: every member's time is max(local, common) where local is its bank- and group-level
    // earliest time; the first member (in priority order) whose local time is reached by the class's
    // common time x wins the class at x. Common: the rank- and channel-level earliest time (as
    // TimingState.earliestRankLevel, inlined: tFAW for ACT-1 only) and T.
    const tt = this.tt, groupOf = this.groupOf, co = this.clsOff, fawIdx = this.fawIdx, fawGap = ts.fawGap;
    // Math.max (not a ?: of the field and the Smi-tagged T) keeps chanAll, x, e and bt untagged
    // doubles, so V8 boxes no HeapNumber per call (an Infinity bt was allocated on every pick).
    const chanAll = Math.max(ts.chanAll, T);
    const cPri = this.cPri, head = this.head, next = this.next;
    // Classes are visited WR, RD, PRE, ACT-1 (any order gives the same pick: (time, priority, bank)
    // is a total order): column commands first when the data bus allows one at chanAll, as a ready row
    // hit lets the other walks stop early; else PRE, ACT-1, WR, RD, so that a row command ready at
    // chanAll lets the column classes be skipped unwalked.
    const nk = this.nClasses, half = nk >> 1;
    const s = tt[ts.chanBase + (writeMode ? CMD.WR : CMD.RD)]! <= chanAll ? nk - 1 : half - 1;
    for (let i = 0; i < nk; i++) {
      const k = s - i < 0 ? s - i + nk : s - i;
      const first = head[k]!;
      // x ≥ chanAll: at bt = chanAll a class whose first (best) member ranks below the best cannot win
      if (first < 0 || (bt === chanAll && cPri[first]! > bp)) continue;
      const o = 6 * k;
      let x = tt[co[o]!]!;
      const c = tt[co[o + 1]!]!;
      if (c > x) x = c;
      if (chanAll > x) x = chanAll;
      const fi = co[o + 5]!;
      if (fi >= 0) {
        const ef = tt[fi + fawIdx[co[o + 2]!]!]! + fawGap;
        if (ef > x) x = ef;
      }
      if (x > bt) continue;
      const bo = co[o + 3]!, go = co[o + 4]!;
      // at x = bt only members of higher priority than the best can win (members are in priority order)
      const lim = x < bt ? Infinity : bp;
      let e = Infinity, b = -1;
      for (let m = first; m >= 0; m = next[m]!) {
        if (cPri[m]! > lim) break;
        let l = tt[bo + m]!;
        const lg = tt[go + groupOf[m]!]!;
        if (lg > l) l = lg;
        if (l <= x) { e = x; b = m; break; }
        if (l < e) { e = l; b = m; }
      }
      if (e > bt) continue;
      const p = cPri[b]!;
      if (e === bt && (p > bp || (p === bp && b > bb))) continue;
      bt = e; bp = p; bb = b;
    }
    if (bb >= 0) {
      this.pickT = bt; this.pickCls = this.cCls[bb]!; this.pickSeq = this.cSeq[bb]!; this.pickCmd = this.cCmd[bb]!; this.pickBank = bb; this.pickEntry = this.cEntry[bb]!;
    } else if (!refreshPick) this.clearPick();
  }

  private clearPick(): void { this.pickT = Infinity; this.pickCls = 9; this.pickSeq = Infinity; this.pickCmd = -1; this.pickBank = -1; this.pickEntry = -1; }

  /** Offers bank b's candidate command (if any) to the pick (incremental path on enqueue). */
  considerBank(b: number, T: number, writeMode: boolean): void {
    this.writeMode = writeMode ? 1 : 0;
    this.bankCandidate(b);
    const cmd = this.cCmd[b]!;
    if (cmd < 0) return;
    const e = this.timing.earliestBank(cmd, b);
    this.consider(e > T ? e : T, this.cCls[b]!, this.cSeq[b]!, cmd, b, this.cEntry[b]!);
  }

  /** Computes and caches bank b's candidate command from its queue and row state. */
  private bankCandidate(b: number): void {
    const q = this.writeMode;
    const h = this.qHead[b * 2 + q]!;
    const row = this.openRow[b]!;
    let cmd: number, entry: number, cls: number;
    if (this.stale[b] === 1) this.stale[b] = 2;
    if (this.blocked[b] !== 0) {
      this.cCmd[b] = -1; // refresh pending on this bank: only the refresh sequence may use it
      this.leave(b);
      return;
    }
    if (h < 0) {
      if (this.closedPage === 0 || row < 0 || this.findHit(b, 1 - q, row) >= 0) {
        this.cCmd[b] = -1;
        this.leave(b);
        return;
      }
      cmd = CMD.PRE; entry = -1; cls = CLS_POLICY;
    } else if (row < 0) {
      cmd = CMD.ACT1; entry = h; cls = CLS_REQ;
    } else {
      const hit = this.frfcfs === 1 ? this.findHit(b, q, row) : (this.qRow[h] === row ? h : -1);
      if (hit >= 0) {
        cmd = q ? CMD.WR : CMD.RD; entry = hit; cls = this.frfcfs === 1 ? CLS_HIT : CLS_REQ;
      } else {
        cmd = CMD.PRE; entry = h; cls = CLS_REQ;
      }
    }
    const seq = entry >= 0 ? this.qSeq[entry]! : Infinity;
    this.cCmd[b] = cmd;
    this.cEntry[b] = entry;
    this.cCls[b] = cls;
    this.cSeq[b] = seq;
    const pri = cls * CLS_SCALE + (entry >= 0 ? seq : NO_SEQ);
    const key = SLOT_OF_CMD[cmd]! * this.nr + this.rankOf[b]!;
    if (key === this.cKey[b] && pri === this.cPri[b]) return;
    this.leave(b);
    this.cPri[b] = pri;
    this.cKey[b] = key;
    // insert into class `key` in (priority, bank) order, searching from the youngest end
    const cPri = this.cPri, next = this.next, prev = this.prev;
    let m = this.tail[key]!;
    while (m >= 0) {
      const mp = cPri[m]!;
      if (mp < pri || (mp === pri && m < b)) break;
      m = prev[m]!;
    }
    const n = m < 0 ? this.head[key]! : next[m]!;
    prev[b] = m;
    next[b] = n;
    if (m < 0) this.head[key] = b;
    else next[m] = b;
    if (n < 0) this.tail[key] = b;
    else prev[n] = b;
  }

  /** RequestPool.findHit on the arrays held here: oldest entry of bank b in queue q with row `row`, or -1. */
  private findHit(b: number, q: number, row: number): number {
    const r = this.qRow, n = this.qNext;
    let e = this.qHead[b * 2 + q]!;
    while (e >= 0 && r[e] !== row) e = n[e]!;
    return e;
  }

  /** Removes bank b from its class (if any). */
  private leave(b: number): void {
    const key = this.cKey[b]!;
    if (key < 0) return;
    this.cKey[b] = -1;
    const p = this.prev[b]!, n = this.next[b]!;
    if (p < 0) this.head[key] = n;
    else this.next[p] = n;
    if (n < 0) this.tail[key] = p;
    else this.prev[n] = p;
  }
}
