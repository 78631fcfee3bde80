/**
 * The controller's timing bookkeeping for one channel: the constraint list compiled into per-scope
 * gap tables and earliest-issue tables per (command, bank | bank group | rank | channel), plus the
 * tFAW rolling window. Exact for the minimum-gap rules of lpddr5-constraints.ts; O(1) per query.
 */
import { LPDDR5_CONSTRAINTS, type Constraint } from './lpddr5-constraints.js';
import { CMD, COMMANDS, N_CMD, type CommandName, type Lpddr5Org, type TimingValues } from './lpddr5-spec.js';

const SCOPES = ['bank', 'bankGroup', 'rank', 'otherRank', 'channel'] as const;
const code = (c: CommandName): number => COMMANDS.indexOf(c);

/** Per from-command list of (to-command × scope size, gap) pairs for one scope, gap > 0 only. */
type GapLists = Int32Array[];

export class TimingState {
  readonly banks: number;
  readonly banksPerRank: number;
  readonly banksPerGroup: number;
  readonly groups: number;
  readonly ranks: number;
  readonly pairSize: number;
  /** next[cmd * n + i]: earliest issue time of cmd at bank / group / rank i. */
  readonly bankNext: Float64Array;
  readonly groupNext: Float64Array;
  readonly rankNext: Float64Array;
  readonly chanNext: Float64Array;
  /** Earliest issue time of every command from channel rules that bind all commands alike (CA bus). */
  private chanAll = 0;
  /** Per from-command gap that channel rules impose on every command (0: none). */
  private readonly chanAllGap: Float64Array;
  /** Bank group and rank of each global bank. */
  readonly groupOf: Int32Array;
  readonly rankOf: Int32Array;
  private readonly fawRing: Float64Array;
  private readonly fawIdx: Int32Array;
  private readonly fawWindow: number;
  private readonly fawGap: number;
  private readonly gBank: GapLists;
  private readonly gGroup: GapLists;
  private readonly gRank: GapLists;
  private readonly gOther: GapLists;
  private readonly gChan: GapLists;

  constructor(org: Lpddr5Org, t: TimingValues, constraints: readonly Constraint[] = LPDDR5_CONSTRAINTS) {
    this.ranks = org.ranks;
    this.banksPerGroup = org.banksPerGroup;
    this.banksPerRank = org.bankGroups * org.banksPerGroup;
    this.groups = org.ranks * org.bankGroups;
    this.banks = org.ranks * this.banksPerRank;
    this.pairSize = this.banksPerRank / 8;
    this.groupOf = Int32Array.from({ length: this.banks }, (_, b) => Math.floor(b / this.banksPerGroup));
    this.rankOf = Int32Array.from({ length: this.banks }, (_, b) => Math.floor(b / this.banksPerRank));
    this.bankNext = new Float64Array(N_CMD * this.banks);
    this.groupNext = new Float64Array(N_CMD * this.groups);
    this.rankNext = new Float64Array(N_CMD * this.ranks);
    this.chanNext = new Float64Array(N_CMD);
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
    this.fawRing = new Float64Array(this.ranks * this.fawWindow).fill(-Infinity);
    this.fawIdx = new Int32Array(this.ranks);
    // Per from-command (target index offset, gap) pairs; the offset is to-command × scope size.
    const lists = (s: string, n: number): GapLists => {
      const out: Int32Array[] = [];
      const d = dense[s]!;
      for (let f = 0; f < N_CMD; f++) {
        const pairs: number[] = [];
        for (let to = 0; to < N_CMD; to++) if (d[f * N_CMD + to]! > 0) pairs.push(to * n, d[f * N_CMD + to]!);
        out.push(Int32Array.from(pairs));
      }
      return out;
    };
    this.gBank = lists('bank', this.banks);
    this.gGroup = lists('bankGroup', this.groups);
    this.gRank = lists('rank', this.ranks);
    this.gOther = lists('otherRank', this.ranks);
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
    this.gChan = lists('channel', 1);
  }

  /** Earliest issue time of a single-bank command at global bank b (rank-major index). */
  earliestBank(cmd: number, b: number): number {
    const g = this.groupOf[b]!;
    const r = this.rankOf[b]!;
    let e = this.bankNext[cmd * this.banks + b]!;
    const eg = this.groupNext[cmd * this.groups + g]!;
    if (eg > e) e = eg;
    const er = this.earliestRankLevel(cmd, r);
    return er > e ? er : e;
  }

  /** The rank- and channel-level part of earliestBank (incl. tFAW for ACT1). */
  earliestRankLevel(cmd: number, r: number): number {
    let e = this.rankNext[cmd * this.ranks + r]!;
    let ec = this.chanNext[cmd]!;
    if (this.chanAll > ec) ec = this.chanAll;
    if (ec > e) e = ec;
    if (cmd === CMD.ACT1) {
      const ef = this.fawRing[r * this.fawWindow + this.fawIdx[r]!]! + this.fawGap;
      if (ef > e) e = ef;
    }
    return e;
  }

  /** Earliest issue time of a rank-wide command (PREA, REFab) on rank r. */
  earliestRank(cmd: number, r: number): number {
    let e = 0;
    for (let b = r * this.banksPerRank; b < (r + 1) * this.banksPerRank; b += this.banksPerGroup) {
      const v = this.earliestBankRange(cmd, b, this.banksPerGroup);
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

  private earliestBankRange(cmd: number, b0: number, n: number): number {
    let e = 0;
    for (let b = b0; b < b0 + n; b++) {
      const v = this.earliestBank(cmd, b);
      if (v > e) e = v;
    }
    return e;
  }

  /** Records a single-bank command issued at t on global bank b. */
  recordBank(cmd: number, b: number, t: number): void {
    this.bankUpdate(cmd, b, t);
    this.groupUpdate(cmd, this.groupOf[b]!, t);
    this.rankUpdates(cmd, this.rankOf[b]!, t);
  }
  /** Records a rank-wide command (PREA, REFab). */
  recordRank(cmd: number, r: number, t: number): void {
    for (let b = r * this.banksPerRank; b < (r + 1) * this.banksPerRank; b++) this.bankUpdate(cmd, b, t);
    for (let g = r * (this.groups / this.ranks); g < (r + 1) * (this.groups / this.ranks); g++) this.groupUpdate(cmd, g, t);
    this.rankUpdates(cmd, r, t);
  }
  /** Records REFpb on pair p of rank r. */
  recordPair(cmd: number, r: number, p: number, t: number): void {
    const b0 = r * this.banksPerRank + p;
    this.bankUpdate(cmd, b0, t);
    this.groupUpdate(cmd, (b0 / this.banksPerGroup) | 0, t);
    if (this.pairSize === 2) {
      this.bankUpdate(cmd, b0 + 8, t);
      this.groupUpdate(cmd, ((b0 + 8) / this.banksPerGroup) | 0, t);
    }
    this.rankUpdates(cmd, r, t);
  }

  private bankUpdate(cmd: number, b: number, t: number): void {
    raiseEarliest(this.gBank[cmd]!, this.bankNext, b, t);
  }
  private groupUpdate(cmd: number, g: number, t: number): void {
    raiseEarliest(this.gGroup[cmd]!, this.groupNext, g, t);
  }
  private rankUpdates(cmd: number, r: number, t: number): void {
    raiseEarliest(this.gRank[cmd]!, this.rankNext, r, t);
    if (this.ranks > 1) {
      const l = this.gOther[cmd]!;
      for (let o = 0; o < this.ranks; o++) if (o !== r) raiseEarliest(l, this.rankNext, o, t);
    }
    const ga = this.chanAllGap[cmd]!;
    if (ga > 0 && t + ga > this.chanAll) this.chanAll = t + ga;
    raiseEarliest(this.gChan[cmd]!, this.chanNext, 0, t);
    if (cmd === CMD.ACT1) {
      const w = this.fawWindow;
      const j = this.fawIdx[r]!;
      this.fawRing[r * w + j] = t;
      this.fawIdx[r] = j + 1 === w ? 0 : j + 1;
    }
  }
}

/**
 * Applies one command's gap list at time t: for each (slot offset, gap) pair, the earliest issue
 * time at `next[offset + base]` becomes at least t + gap.
 */
function raiseEarliest(gaps: ArrayLike<number>, next: Float64Array, base: number, t: number): void {
  for (let i = 0; i < gaps.length; i += 2) {
    const k = gaps[i]! + base;
    const v = t + gaps[i + 1]!;
    if (v > next[k]!) next[k] = v;
  }
}
