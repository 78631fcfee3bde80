/**
 * The controller's timing bookkeeping for one channel: the constraint list compiled into per-scope
 * gap lists and one table of earliest issue times per (command, bank | bank group | rank | channel),
 * plus the tFAW rolling window. Exact for the minimum-gap rules of lpddr5-constraints.ts; O(1) per query.
 */
import { LPDDR5_CONSTRAINTS, type Constraint } from './lpddr5-constraints.js';
import { CMD, COMMANDS, N_CMD, type CommandName, type Lpddr5Org, type TimingValues } from './lpddr5-spec.js';
import { gapRecorders, type GapRecorder } from './gap-recorder.js';

const SCOPES = ['bank', 'bankGroup', 'rank', 'otherRank', 'channel'] as const;
const BANK = 0, GROUP = 1, RANK = 2, OTHER = 3, CHAN = 4;
const code = (c: CommandName): number => COMMANDS.indexOf(c);

export class TimingState {
  readonly banks: number;
  readonly banksPerRank: number;
  readonly banksPerGroup: number;
  readonly groups: number;
  readonly ranks: number;
  readonly pairSize: number;
  /**
   * Every earliest issue time in one table (fewer objects to reach on the hot path), in sections:
   * tt[cmd * banks + b] per bank, tt[groupBase + cmd * groups + g] per bank group, tt[rankBase +
   * cmd * ranks + r] per rank, tt[chanBase + cmd] per channel, then the tFAW rings from fawBase.
   */
  readonly tt: Float64Array;
  readonly groupBase: number;
  readonly rankBase: number;
  readonly chanBase: number;
  readonly fawBase: number;
  /** Views of the bank and bank-group sections: next[cmd * n + i], earliest issue time of cmd at bank / group i. */
  readonly bankNext: Float64Array;
  readonly groupNext: Float64Array;
  /** Earliest issue time of every command from channel rules that bind all commands alike (CA bus). */
  chanAll = 0;
  /** Per from-command gap that channel rules impose on every command (0: none). */
  private readonly chanAllGap: Float64Array;
  /** Bank group and rank of each global bank. */
  readonly groupOf: Int32Array;
  readonly rankOf: Int32Array;
  /** tFAW: per rank a ring of its last fawWindow ACT-1 times at tt[fawBase + r * fawWindow], oldest at fawIdx[r]; an ACT-1 waits fawGap after it. */
  readonly fawIdx: Int32Array;
  readonly fawWindow: number;
  readonly fawGap: number;
  /**
   * Gap rules, gap > 0 only: for scope s and from-command f, (tt index of the to-command's slot 0,
   * gap) pairs in gapData[gapStart[s * N_CMD + f] .. gapStart[s * N_CMD + f + 1]).
   */
  private readonly gapData: Int32Array;
  private readonly gapStart: Int32Array;
  /** The same rules compiled into straight-line code per command (gap-recorder.ts; shared by the channels of one configuration). */
  private readonly rec: readonly GapRecorder[];
  // The request commands' recorders and channel-wide gaps, held apart for the controller's fixed-command calls.
  private readonly recAct: GapRecorder; private readonly recAct2: GapRecorder; private readonly recPre: GapRecorder; private readonly recRd: GapRecorder; private readonly recWr: GapRecorder;
  private readonly gapAct: number; private readonly gapAct2: number; private readonly gapPre: number; private readonly gapRd: number; private readonly gapWr: number;

  constructor(org: Lpddr5Org, t: TimingValues, constraints: readonly Constraint[] = LPDDR5_CONSTRAINTS) {
    this.ranks = org.ranks;
    this.banksPerGroup = org.banksPerGroup;
    this.banksPerRank = org.bankGroups * org.banksPerGroup;
    this.groups = org.ranks * org.bankGroups;
    this.banks = org.ranks * this.banksPerRank;
    this.pairSize = this.banksPerRank / 8;
    this.groupOf = Int32Array.from({ length: this.banks }, (_, b) => Math.floor(b / this.banksPerGroup));
    this.rankOf = Int32Array.from({ length: this.banks }, (_, b) => Math.floor(b / this.banksPerRank));
    const dense: Record<string, Float64Array> = {};
    for (const s of SCOPES) dense[s] = new Float64Array(N_CMD * N_CMD);
    let fawWindow = 0;
    let fawGap = 0;
    for (const c of constraints) {
      const g = c.gap(t);
      if (c.window !== undefined) {
        fawWindow = c.window;
        fawGap = g;
        continue;
      }
      const d = dense[c.scope]!;
      for (const f of c.from) for (const to of c.to) {
        const i = code(f) * N_CMD + code(to);
        if (g > d[i]!) d[i] = g;
      }
    }
    this.fawWindow = Math.max(1, fawWindow);
    this.fawGap = fawGap;
    this.groupBase = N_CMD * this.banks;
    this.rankBase = this.groupBase + N_CMD * this.groups;
    this.chanBase = this.rankBase + N_CMD * this.ranks;
    this.fawBase = this.chanBase + N_CMD;
    this.tt = new Float64Array(this.fawBase + this.ranks * this.fawWindow);
    this.tt.fill(-Infinity, this.fawBase);
    this.bankNext = this.tt.subarray(0, this.groupBase);
    this.groupNext = this.tt.subarray(this.groupBase, this.rankBase);
    this.fawIdx = new Int32Array(this.ranks);
    // Channel rules: the part common to every to-command (the 1-tCK CA-bus rule) is kept as one
    // scalar time; only larger gaps (e.g. RD→RD data bus) stay per command. max() of both is exact.
    // Commands no constraint mentions (power-down ones when disabled) are never issued: left out.
    const used = new Set<number>();
    for (const c of constraints) for (const x of [...c.from, ...c.to]) used.add(code(x));
    const ch = dense.channel!;
    this.chanAllGap = new Float64Array(N_CMD);
    for (let f = 0; f < N_CMD; f++) {
      let u = Infinity;
      for (const to of used) u = Math.min(u, ch[f * N_CMD + to]!);
      if (u === Infinity) u = 0;
      this.chanAllGap[f] = u;
      for (const to of used) if (ch[f * N_CMD + to]! <= u) ch[f * N_CMD + to] = 0;
    }
    // (tt index of to-command slot 0, gap) pairs per (scope, from-command), scope-major.
    const base = [0, this.groupBase, this.rankBase, this.rankBase, this.chanBase];
    const size = [this.banks, this.groups, this.ranks, this.ranks, 1];
    const pairs: number[] = [];
    this.gapStart = new Int32Array(SCOPES.length * N_CMD + 1);
    SCOPES.forEach((s, si) => {
      const d = dense[s]!;
      for (let f = 0; f < N_CMD; f++) {
        this.gapStart[si * N_CMD + f] = pairs.length;
        for (let to = 0; to < N_CMD; to++) if (d[f * N_CMD + to]! > 0) pairs.push(base[si]! + to * size[si]!, d[f * N_CMD + to]!);
      }
    });
    this.gapStart[SCOPES.length * N_CMD] = pairs.length;
    this.gapData = Int32Array.from(pairs);
    this.rec = gapRecorders({ data: this.gapData, start: this.gapStart, nCmd: N_CMD, ranks: this.ranks });
    this.recAct = this.rec[CMD.ACT1]!; this.recAct2 = this.rec[CMD.ACT2]!; this.recPre = this.rec[CMD.PRE]!; this.recRd = this.rec[CMD.RD]!; this.recWr = this.rec[CMD.WR]!;
    this.gapAct = this.chanAllGap[CMD.ACT1]!; this.gapAct2 = this.chanAllGap[CMD.ACT2]!; this.gapPre = this.chanAllGap[CMD.PRE]!;
    this.gapRd = this.chanAllGap[CMD.RD]!; this.gapWr = this.chanAllGap[CMD.WR]!;
  }

  /** Earliest issue time of a single-bank command at global bank b (rank-major index). */
  earliestBank(cmd: number, b: number): number {
    const tt = this.tt;
    let e = tt[cmd * this.banks + b]!;
    const eg = tt[this.groupBase + cmd * this.groups + this.groupOf[b]!]!;
    if (eg > e) e = eg;
    const er = this.earliestRankLevel(cmd, this.rankOf[b]!);
    return er > e ? er : e;
  }

  /** The rank- and channel-level part of earliestBank (incl. tFAW for ACT1). */
  earliestRankLevel(cmd: number, r: number): number {
    const tt = this.tt;
    let e = tt[this.rankBase + cmd * this.ranks + r]!;
    let ec = tt[this.chanBase + cmd]!;
    if (this.chanAll > ec) ec = this.chanAll;
    if (ec > e) e = ec;
    if (cmd === CMD.ACT1) {
      const ef = tt[this.fawBase + r * this.fawWindow + this.fawIdx[r]!]! + this.fawGap;
      if (ef > e) e = ef;
    }
    return e;
  }

  /** Earliest issue time of a rank-wide command (PREA, REFab) on rank r. */
  earliestRank(cmd: number, r: number): number {
    let e = 0;
    for (let b = r * this.banksPerRank; b < (r + 1) * this.banksPerRank; b++) {
      const v = this.earliestBank(cmd, b);
      if (v > e) e = v;
    }
    return e;
  }

  /** Earliest issue time of REFpb for bank pair p (0..7) of rank r. */
  earliestPair(cmd: number, r: number, p: number): number {
    let e = this.earliestBank(cmd, r * this.banksPerRank + p);
    if (this.pairSize === 2) {
      const e2 = this.earliestBank(cmd, r * this.banksPerRank + p + 8);
      if (e2 > e) e = e2;
    }
    return e;
  }

  /** Records a single-bank command issued at t on global bank b (every scope's gaps, compiled: gap-recorder.ts). */
  recordBank(cmd: number, b: number, t: number): void {
    const r = this.rankOf[b]!;
    this.rec[cmd]!(this.tt, b, this.groupOf[b]!, r, t);
    const ga = this.chanAllGap[cmd]!;
    if (ga > 0 && t + ga > this.chanAll) this.chanAll = t + ga;
    if (cmd === CMD.ACT1) this.fawPush(r, t);
  }
  // recordBank for one fixed command each (the controller's hot path: one inlinable call target per site).
  /** recordBank(ACT1, b, t). */
  recordAct(b: number, t: number): void {
    const r = this.rankOf[b]!;
    this.recAct(this.tt, b, this.groupOf[b]!, r, t);
    const ga = this.gapAct;
    if (ga > 0 && t + ga > this.chanAll) this.chanAll = t + ga;
    this.fawPush(r, t);
  }
  /** recordBank(ACT2, b, t). */
  recordAct2(b: number, t: number): void {
    this.recAct2(this.tt, b, this.groupOf[b]!, this.rankOf[b]!, t);
    const ga = this.gapAct2;
    if (ga > 0 && t + ga > this.chanAll) this.chanAll = t + ga;
  }
  /** recordBank(PRE, b, t). */
  recordPre(b: number, t: number): void {
    this.recPre(this.tt, b, this.groupOf[b]!, this.rankOf[b]!, t);
    const ga = this.gapPre;
    if (ga > 0 && t + ga > this.chanAll) this.chanAll = t + ga;
  }
  /** recordBank(RD, b, t). */
  recordRd(b: number, t: number): void {
    this.recRd(this.tt, b, this.groupOf[b]!, this.rankOf[b]!, t);
    const ga = this.gapRd;
    if (ga > 0 && t + ga > this.chanAll) this.chanAll = t + ga;
  }
  /** recordBank(WR, b, t). */
  recordWr(b: number, t: number): void {
    this.recWr(this.tt, b, this.groupOf[b]!, this.rankOf[b]!, t);
    const ga = this.gapWr;
    if (ga > 0 && t + ga > this.chanAll) this.chanAll = t + ga;
  }
  /** Records a rank-wide command (PREA, REFab). */
  recordRank(cmd: number, r: number, t: number): void {
    for (let b = r * this.banksPerRank; b < (r + 1) * this.banksPerRank; b++) this.raise(BANK, cmd, b, t);
    for (let g = r * (this.groups / this.ranks); g < (r + 1) * (this.groups / this.ranks); g++) this.raise(GROUP, cmd, g, t);
    this.rankUpdates(cmd, r, t);
  }
  /** Records REFpb on pair p of rank r. */
  recordPair(cmd: number, r: number, p: number, t: number): void {
    const b0 = r * this.banksPerRank + p;
    this.raise(BANK, cmd, b0, t);
    this.raise(GROUP, cmd, (b0 / this.banksPerGroup) | 0, t);
    if (this.pairSize === 2) {
      this.raise(BANK, cmd, b0 + 8, t);
      this.raise(GROUP, cmd, ((b0 + 8) / this.banksPerGroup) | 0, t);
    }
    this.rankUpdates(cmd, r, t);
  }

  private rankUpdates(cmd: number, r: number, t: number): void {
    this.raise(RANK, cmd, r, t);
    if (this.ranks > 1) for (let o = 0; o < this.ranks; o++) if (o !== r) this.raise(OTHER, cmd, o, t);
    const ga = this.chanAllGap[cmd]!;
    if (ga > 0 && t + ga > this.chanAll) this.chanAll = t + ga;
    this.raise(CHAN, cmd, 0, t);
    if (cmd === CMD.ACT1) this.fawPush(r, t);
  }

  /** An ACT-1 on rank r at t enters its tFAW ring. */
  private fawPush(r: number, t: number): void {
    const w = this.fawWindow;
    const j = this.fawIdx[r]!;
    this.tt[this.fawBase + r * w + j] = t;
    this.fawIdx[r] = j + 1 === w ? 0 : j + 1;
  }

  /**
   * Applies one command's gap list of one scope at time t: for each (index, gap) pair, the earliest
   * issue time at tt[index + i] becomes at least t + gap (i: the bank, group or rank; 0 for the channel).
   */
  private raise(scope: number, cmd: number, i: number, t: number): void {
    const tt = this.tt, gd = this.gapData, j = scope * N_CMD + cmd;
    for (let k = this.gapStart[j]!, end = this.gapStart[j + 1]!; k < end; k += 2) {
      const x = gd[k]! + i;
      const v = t + gd[k + 1]!;
      if (v > tt[x]!) tt[x] = v;
    }
  }
}
