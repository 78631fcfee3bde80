/**
 * Independent LPDDR5 protocol checker. Written apart from the controller: it keeps the full command
 * history per channel and checks every constraint of the spec table pairwise against it (plain
 * look-back, no earliest-time tables), plus bank-state rules, rank power states (power-down: only
 * PDX; self-refresh: only SRX, entered with every bank precharged), tAAD, refresh intervals (restarted
 * by SRX: the device refreshed itself) and DQ overlap.
 */
import { LPDDR5_CONSTRAINTS, LPDDR5_MAX_CONSTRAINTS, type Constraint, type MaxConstraint, type Scope } from './lpddr5-constraints.js';
import { COMMANDS, type CommandName, type Lpddr5Org, type TimingValues } from './lpddr5-spec.js';

export interface Violation {
  readonly rule: string;
  readonly channel: number;
  readonly timePs: number;
  readonly message: string;
}

interface Cmd {
  readonly t: number;
  readonly name: CommandName;
  readonly rank: number;
  /** Banks addressed, as bankGroup * banksPerGroup + bank within the rank. */
  readonly banks: readonly number[];
  readonly groups: readonly number[];
}
type BankState = { kind: 'closed' } | { kind: 'act1'; row: number; t: number; late: boolean } | { kind: 'open'; row: number };

interface ChannelHistory {
  cmds: Cmd[];
  state: BankState[][]; // [rank][bank]
  lastRefresh: number[][];
  data: Array<[number, number]>;
  /** Per rank: 'awake', 'pd' (power-down) or 'sr' (self-refresh). */
  power: Array<'awake' | 'pd' | 'sr'>;
}

const MAX_POSTPONED = 8;

export class CommandChecker {
  readonly violations: Violation[] = [];
  commandsChecked = 0;
  private readonly channels: ChannelHistory[] = [];
  private readonly byTo = new Map<CommandName, Array<{ c: Constraint; gap: number }>>();
  private readonly lookback: number;
  private readonly bpr: number;

  constructor(
    private readonly org: Lpddr5Org,
    private readonly t: TimingValues,
    constraints: readonly Constraint[] = LPDDR5_CONSTRAINTS,
    private readonly maxRules: readonly MaxConstraint[] = LPDDR5_MAX_CONSTRAINTS,
  ) {
    this.bpr = org.bankGroups * org.banksPerGroup;
    let lb = 0;
    for (const c of constraints) {
      const gap = c.gap(t);
      lb = Math.max(lb, gap);
      for (const to of c.to) {
        const l = this.byTo.get(to) ?? [];
        l.push({ c, gap });
        this.byTo.set(to, l);
      }
    }
    this.lookback = lb;
  }

  /** Observer entry point (matches CommandObserver): checks then records the command. */
  readonly observe = (channel: number, rank: number, bankGroup: number, bank: number, row: number, cmd: number, timePs: number): void => {
    const found = this.check(channel, rank, bankGroup, bank, row, cmd, timePs, true);
    this.commandsChecked++;
    for (const v of found) this.violations.push(v);
  };

  /** The violations `cmd` at `timePs` would cause, without recording it (for edge tests). */
  wouldViolate(channel: number, rank: number, bankGroup: number, bank: number, row: number, cmd: number, timePs: number): Violation[] {
    return this.check(channel, rank, bankGroup, bank, row, cmd, timePs, false);
  }

  /** End-of-run checks at `endPs`: refresh obligations and unfinished activates. */
  finish(endPs: number): Violation[] {
    const out: Violation[] = [];
    const limit = (MAX_POSTPONED + 1) * this.t.tREFI;
    this.channels.forEach((h, ch) => {
      h.lastRefresh.forEach((banks, r) => banks.forEach((last, b) => {
        if (h.power[r] !== 'sr' && endPs - last > limit) out.push({ rule: 'refresh.interval', channel: ch, timePs: endPs, message: `rank ${r} bank ${b} not refreshed for ${endPs - last} ps (> 9 × tREFI)` });
      }));
      h.state.forEach((banks, r) => banks.forEach((s, b) => {
        if (s.kind === 'act1' && !s.late && endPs - s.t > this.t.tAAD) out.push({ rule: 'ACT1-ACT2.max', channel: ch, timePs: endPs, message: `rank ${r} bank ${b}: ACT1 at ${s.t} never followed by ACT2` });
      }));
    });
    for (const v of out) this.violations.push(v);
    return out;
  }

  private history(ch: number): ChannelHistory {
    let h = this.channels[ch];
    while (h === undefined) {
      const ranks = this.org.ranks;
      this.channels.push({
        cmds: [],
        state: Array.from({ length: ranks }, () => Array.from({ length: this.bpr }, (): BankState => ({ kind: 'closed' }))),
        lastRefresh: Array.from({ length: ranks }, () => new Array<number>(this.bpr).fill(0)),
        data: [],
        power: new Array<'awake' | 'pd' | 'sr'>(ranks).fill('awake'),
      });
      h = this.channels[ch];
    }
    return h;
  }

  private makeCmd(rank: number, bg: number, bank: number, name: CommandName, t: number): Cmd {
    const bpg = this.org.banksPerGroup;
    let banks: number[];
    if (name === 'PREA' || name === 'REFab' || name === 'PDE' || name === 'PDX' || name === 'SRE' || name === 'SRX') banks = Array.from({ length: this.bpr }, (_, i) => i);
    else if (name === 'REFpb') banks = this.bpr === 16 ? [bank, bank + 8] : [bank];
    else banks = [bg * bpg + bank];
    const groups = [...new Set(banks.map((b) => Math.floor(b / bpg)))];
    return { t, name, rank, banks, groups };
  }

  private applies(scope: Scope, a: Cmd, b: Cmd): boolean {
    switch (scope) {
      case 'channel': return true;
      case 'rank': return a.rank === b.rank;
      case 'otherRank': return a.rank !== b.rank;
      case 'bankGroup': return a.rank === b.rank && a.groups.some((g) => b.groups.includes(g));
      case 'bank': return a.rank === b.rank && a.banks.some((x) => b.banks.includes(x));
    }
  }

  private check(ch: number, rank: number, bg: number, bank: number, row: number, code: number, t: number, record: boolean): Violation[] {
    const name = COMMANDS[code];
    const out: Violation[] = [];
    const v = (rule: string, message: string): void => { out.push({ rule, channel: ch, timePs: t, message: `${name} r${rank} bg${bg} b${bank} row ${row} at ${t} ps: ${message}` }); };
    if (name === undefined) { v('command', `unknown command code ${code}`); return out; }
    const h = this.history(ch);
    const me = this.makeCmd(rank, bg, bank, name, t);
    const last = h.cmds[h.cmds.length - 1];
    if (last !== undefined && t < last.t) v('order', `issued before the previous command (${last.t} ps)`);
    if (t % this.t.tCK !== 0) v('clock', 'not on a CK edge');
    // Pairwise minimum gaps and rolling windows, straight from the constraint table.
    for (const { c, gap } of this.byTo.get(name) ?? []) {
      let inWindow = 0;
      for (let i = h.cmds.length - 1; i >= 0; i--) {
        const a = h.cmds[i]!;
        if (t - a.t >= this.lookback) break;
        if (!c.from.includes(a.name) || !this.applies(c.scope, a, me) || t - a.t >= gap) continue;
        if (c.window === undefined) v(c.id, `only ${t - a.t} ps after ${a.name} at ${a.t} ps, needs ${c.formula} = ${gap} ps`);
        else inWindow++;
      }
      if (c.window !== undefined && inWindow >= c.window) v(c.id, `${inWindow} ${c.from.join('/')} within ${c.formula} = ${gap} ps (max ${c.window - 1} before this one)`);
    }
    // Bank state rules.
    const st = h.state[rank];
    if (st === undefined) { v('state', `rank ${rank} does not exist`); return out; }
    for (const b of h.state.keys()) {
      h.state[b]!.forEach((s, k) => {
        if (s.kind === 'act1' && !s.late && t - s.t > this.t.tAAD && !(name === 'ACT2' && b === rank && k === me.banks[0])) {
          v('ACT1-ACT2.max', `rank ${b} bank ${k}: no ACT2 within tAAD of ACT1 at ${s.t} ps`);
          if (record) s.late = true;
        }
      });
    }
    // Rank power states.
    const pw = h.power[rank]!;
    if (pw === 'pd' && name !== 'PDX') v('state.power-down', 'rank in power-down takes only PDX');
    if (pw === 'sr' && name !== 'SRX') v('state.self-refresh', 'rank in self-refresh takes only SRX');
    if (name === 'PDX' && pw !== 'pd') v('state.PDX', `rank not in power-down (${pw})`);
    if (name === 'SRX' && pw !== 'sr') v('state.SRX', `rank not in self-refresh (${pw})`);
    if (name === 'SRE' && st.some((x) => x.kind !== 'closed')) v('state.SRE', 'a bank is not precharged');
    if (name === 'PDE' && st.some((x) => x.kind === 'act1')) v('state.PDE', 'a bank is between ACT1 and ACT2');
    if (record) {
      if (name === 'PDE') h.power[rank] = 'pd';
      else if (name === 'SRE') h.power[rank] = 'sr';
      else if (name === 'PDX') h.power[rank] = 'awake';
      else if (name === 'SRX') {
        h.power[rank] = 'awake';
        h.lastRefresh[rank]!.fill(t);
      }
    }
    const bankIdx = me.banks[0]!;
    const s = st[bankIdx]!;
    const next: Array<[number, BankState]> = [];
    switch (name) {
      case 'ACT1':
        if (s.kind !== 'closed') v('state.ACT1', `bank not precharged (${s.kind})`);
        next.push([bankIdx, { kind: 'act1', row, t, late: false }]);
        break;
      case 'ACT2': {
        const rule = this.maxRules.find((m) => m.to === 'ACT2');
        if (s.kind !== 'act1' || s.row !== row) v('state.ACT2', 'no matching ACT1 pending');
        else if (rule && t - s.t > rule.gap(this.t)) v(rule.id, `ACT2 ${t - s.t} ps after ACT1, max ${rule.formula}`);
        next.push([bankIdx, { kind: 'open', row }]);
        break;
      }
      case 'RD':
      case 'WR': {
        if (s.kind !== 'open' || s.row !== row) v(`state.${name}`, s.kind === 'open' ? `row ${s.row} open, not ${row}` : `bank ${s.kind}`);
        const start = t + (name === 'RD' ? this.t.RL : this.t.WL);
        const end = start + this.t.tBL;
        for (const [a, b] of h.data) if (start < b && a < end) v('dq.overlap', `data [${start}, ${end}) overlaps [${a}, ${b})`);
        if (record) {
          h.data = h.data.filter(([, b]) => b > t);
          h.data.push([start, end]);
        }
        break;
      }
      case 'PRE':
      case 'PREA':
        for (const b of me.banks) {
          if (st[b]!.kind === 'act1') v(`state.${name}`, `bank ${b} between ACT1 and ACT2`);
          next.push([b, { kind: 'closed' }]);
        }
        break;
      case 'REFab':
      case 'REFpb':
        for (const b of me.banks) {
          if (st[b]!.kind !== 'closed') v(`state.${name}`, `bank ${b} not precharged`);
          const gapSince = t - h.lastRefresh[rank]![b]!;
          if (gapSince > (MAX_POSTPONED + 1) * this.t.tREFI) v('refresh.interval', `bank ${b} refreshed after ${gapSince} ps (> 9 × tREFI)`);
          if (record) h.lastRefresh[rank]![b] = t;
        }
        break;
    }
    if (record) {
      for (const [b, ns] of next) st[b] = ns;
      h.cmds.push(me);
      if (h.cmds.length > 4096) h.cmds.splice(0, 2048);
    }
    return out;
  }
}
