/**
 * Timing edge tests generated from the constraint table: for every constraint and every (from, to)
 * command pair, the command is issued after `from` at the last illegal CK edge and at the first legal
 * one. Both the independent checker and the controller's gate (TimingState) must refuse the first and
 * accept the second. The expected time comes from the table (max over applicable rules), and every
 * constraint must be the binding one for at least one pair.
 */
import { describe, expect, it } from 'vitest';
import {
  CMD, COMMANDS, CommandChecker, LPDDR5_CONSTRAINTS, LPDDR5_MAX_CONSTRAINTS, lpddr5Org, lpddr5_6400Timings, resolveTimings,
  type CommandName, type Scope,
} from '../../../src/devices/dram/index.js';
import { TimingState } from '../../../src/devices/dram/timing-state.js';

const org = lpddr5Org('BG', 1, 2, 16);
const t = resolveTimings(lpddr5_6400Timings('BG', 16));
const ROW = 7;

interface Issued { cmd: CommandName; rank: number; flat: number; t: number }

/** Rank-wide commands (all banks of the rank). */
const rankWide = (c: CommandName): boolean => c === 'PREA' || c === 'REFab' || c === 'PDE' || c === 'PDX' || c === 'SRE' || c === 'SRX';
const bankSet = (c: CommandName, flat: number): number[] =>
  rankWide(c) ? Array.from({ length: 16 }, (_, i) => i) : c === 'REFpb' ? [flat, flat + 8] : [flat];
function applies(scope: Scope, a: Issued, b: Issued): boolean {
  const sa = bankSet(a.cmd, a.flat), sb = bankSet(b.cmd, b.flat);
  switch (scope) {
    case 'channel': return true;
    case 'rank': return a.rank === b.rank;
    case 'otherRank': return a.rank !== b.rank;
    case 'bankGroup': return a.rank === b.rank && sa.some((x) => sb.some((y) => x >> 2 === y >> 2));
    case 'bank': return a.rank === b.rank && sa.some((x) => sb.includes(x));
  }
}
/** Table oracle: earliest time of `b` after the prior commands (min-gap rules only). */
function expectedTime(prior: readonly Issued[], b: Omit<Issued, 't'>): number {
  let e = 0;
  for (const p of prior) for (const c of LPDDR5_CONSTRAINTS) {
    if (c.window !== undefined || !c.from.includes(p.cmd) || !c.to.includes(b.cmd)) continue;
    if (applies(c.scope, p, { ...b, t: 0 })) e = Math.max(e, p.t + c.gap(t));
  }
  return e;
}

class Harness {
  readonly ts = new TimingState(org, t);
  readonly checker = new CommandChecker(org, t);
  readonly log: Issued[] = [];
  private args(cmd: CommandName, flat: number): [number, number] {
    if (rankWide(cmd)) return [-1, -1];
    if (cmd === 'REFpb') return [-1, flat];
    return [flat >> 2, flat & 3];
  }
  issue(cmd: CommandName, rank: number, flat: number, time: number): void {
    const code = CMD[cmd === 'REFab' ? 'REFAB' : cmd === 'REFpb' ? 'REFPB' : cmd];
    if (rankWide(cmd)) this.ts.recordRank(code, rank, time);
    else if (cmd === 'REFpb') this.ts.recordPair(code, rank, flat, time);
    else this.ts.recordBank(code, rank * 16 + flat, time);
    const [bg, bank] = this.args(cmd, flat);
    this.checker.observe(0, rank, bg, bank, ROW, COMMANDS.indexOf(cmd), time);
    this.log.push({ cmd, rank, flat, t: time });
  }
  gateEarliest(cmd: CommandName, rank: number, flat: number): number {
    const code = COMMANDS.indexOf(cmd);
    if (rankWide(cmd)) return this.ts.earliestRank(code, rank);
    if (cmd === 'REFpb') return this.ts.earliestPair(code, rank, flat);
    return this.ts.earliestBank(code, rank * 16 + flat);
  }
  checkerRefuses(cmd: CommandName, rank: number, flat: number, time: number): string[] {
    const [bg, bank] = this.args(cmd, flat);
    return this.checker.wouldViolate(0, rank, bg, bank, ROW, COMMANDS.indexOf(cmd), time).map((v) => v.rule);
  }
}

const T0 = 20_000_000;
const needsOpen = (c: CommandName): boolean => c === 'RD' || c === 'WR' || c === 'PRE' || c === 'PREA';
const needsClosed = (c: CommandName): boolean => c === 'ACT1' || c === 'REFab' || c === 'REFpb' || c === 'SRE';
/** Power-state commands: the entry a rank must be in before each exit. */
const ENTRY_OF: Partial<Record<CommandName, CommandName>> = { PDX: 'PDE', SRX: 'SRE' };
const EXIT_OF: Partial<Record<CommandName, CommandName>> = { PDE: 'PDX', SRE: 'SRX' };
/** Power-state combinations that no legal command stream contains (rank 0 issues `from` at T0). */
function powerImpossible(from: CommandName, to: CommandName, rank: number): boolean {
  if (rank !== 0) return false;
  const exitNeeded = EXIT_OF[from];
  if (exitNeeded !== undefined) return to !== exitNeeded; // rank 0 asleep after `from`
  if (ENTRY_OF[to] !== undefined) return true; // rank 0 awake after `from`: no exit possible
  return from === 'SRX' && (to === 'RD' || to === 'WR'); // every row closed after self-refresh
}
const targets: Record<Scope, Array<[number, number]>> = {
  bank: [[0, 0]], bankGroup: [[0, 1]], rank: [[0, 5]], otherRank: [[1, 0]], channel: [[0, 5], [1, 0]],
};

interface Case { id: string; from: CommandName; to: CommandName; rank: number; flat: number; gap: number }
const cases: Case[] = [];
for (const c of LPDDR5_CONSTRAINTS) {
  if (c.window !== undefined) continue;
  for (const from of c.from) for (const to of c.to) {
    if (from === 'ACT2' || to === 'ACT2') continue;
    for (const [rank, flat] of targets[c.scope]) {
      const sameBank = rank === 0 && bankSet(from, 0).some((x) => bankSet(to, flat).includes(x));
      if (sameBank && needsOpen(to) && (from === 'REFab' || from === 'REFpb' || from === 'PRE' || from === 'PREA') && to !== 'PRE' && to !== 'PREA') continue; // state-impossible
      if (rank === 0 && needsClosed(to) && bankSet(to, flat).includes(0) && (from === 'RD' || from === 'WR')) continue; // bank 0 stays open
      if (powerImpossible(from, to, rank)) continue;
      cases.push({ id: c.id, from, to, rank, flat, gap: c.gap(t) });
    }
  }
}

const binding = new Set<string>();
describe('generated LPDDR5 timing edges (checker and controller gate)', () => {
  for (const k of cases) {
    it(`${k.id}: ${k.from} → ${k.to} (rank ${k.rank}, bank ${k.flat}) gap ${k.gap} ps`, () => {
      const h = new Harness();
      const aBanks = bankSet(k.from, 0);
      const bBanks = bankSet(k.to, k.flat);
      const sameBank = k.rank === 0 && aBanks.some((x) => bBanks.includes(x));
      // Setup far in the past: open the banks that must be open.
      let s = 0;
      if (needsOpen(k.from)) { h.issue('ACT1', 0, 0, s); h.issue('ACT2', 0, 0, s + t.tCK); s += 100_000; }
      if (needsOpen(k.to) && k.to !== 'PRE' && k.to !== 'PREA' && !(sameBank && needsOpen(k.from))) {
        h.issue('ACT1', k.rank, k.flat, s); h.issue('ACT2', k.rank, k.flat, s + t.tCK);
      }
      // Put the ranks into the power states `from` (rank 0) and `to` (its rank) start from.
      s += 200_000;
      const fromEntry = ENTRY_OF[k.from], toEntry = ENTRY_OF[k.to];
      if (fromEntry !== undefined) h.issue(fromEntry, 0, 0, s);
      if (toEntry !== undefined && k.rank !== 0) h.issue(toEntry, k.rank, 0, s + t.tCK);
      // The `from` command at T0, then the state transitions the `to` command needs.
      h.issue(k.from, 0, 0, T0);
      if (k.from === 'ACT1') {
        h.issue('ACT2', 0, 0, T0 + t.tCK);
        if (sameBank && needsClosed(k.to)) h.issue('PRE', 0, 0, T0 + t.tRAS);
      }
      const prior = h.log.filter((p) => p.t >= T0);
      const exp = expectedTime(prior, { cmd: k.to, rank: k.rank, flat: k.flat });
      expect(exp).toBeGreaterThanOrEqual(T0 + k.gap);
      if (exp === T0 + k.gap) binding.add(k.id);
      // One cycle early: refused by both.
      expect(h.checkerRefuses(k.to, k.rank, k.flat, exp - t.tCK).length).toBeGreaterThan(0);
      expect(h.gateEarliest(k.to, k.rank, k.flat)).toBeGreaterThan(exp - t.tCK);
      // On time: accepted by both.
      expect(h.checkerRefuses(k.to, k.rank, k.flat, exp)).toEqual([]);
      expect(h.gateEarliest(k.to, k.rank, k.flat)).toBeLessThanOrEqual(exp);
    });
  }

  it('tFAW: a fifth ACT1 in the rank is refused one cycle before the window ends and accepted at it', () => {
    const h = new Harness();
    const times = [0, t.tRRD_S, 2 * t.tRRD_S, 3 * t.tRRD_S].map((x) => T0 + x);
    times.forEach((x, i) => { h.issue('ACT1', 0, i * 4, x); h.issue('ACT2', 0, i * 4, x + t.tCK); });
    const edge = T0 + t.tFAW;
    // tFAW = 4 × tRRD at 6400, so widen the window to make it the binding rule for this probe.
    const slow = resolveTimings(lpddr5_6400Timings('BG', 16), { tFAW: t.tFAW + 4 * t.tCK });
    const ts = new TimingState(org, slow);
    const ck = new CommandChecker(org, slow);
    times.forEach((x, i) => {
      for (const [cmd, when] of [['ACT1', x], ['ACT2', x + t.tCK]] as const) {
        ts.recordBank(COMMANDS.indexOf(cmd), i * 4, when);
        ck.observe(0, 0, i, 0, ROW, COMMANDS.indexOf(cmd), when);
      }
    });
    const slowEdge = T0 + slow.tFAW;
    expect(ck.wouldViolate(0, 0, 1, 1, ROW, CMD.ACT1, slowEdge - t.tCK).map((v) => v.rule)).toContain('FAW.rank');
    expect(ts.earliestBank(CMD.ACT1, 5)).toBe(slowEdge);
    expect(ck.wouldViolate(0, 0, 1, 1, ROW, CMD.ACT1, slowEdge)).toEqual([]);
    // With the JEDEC values the window and 4 × tRRD coincide.
    expect(h.gateEarliest('ACT1', 0, 5)).toBe(edge);
  });

  it('tAAD: ACT2 later than tAAD after ACT1 is refused by the checker', () => {
    const h = new Harness();
    h.issue('ACT1', 0, 0, T0);
    const max = LPDDR5_MAX_CONSTRAINTS[0]!.gap(t);
    expect(h.checkerRefuses('ACT2', 0, 0, T0 + max)).toEqual([]);
    expect(h.checkerRefuses('ACT2', 0, 0, T0 + max + t.tCK)).toContain('ACT1-ACT2.max');
  });

  it('every min-gap constraint is the binding rule for at least one generated pair', () => {
    const ids = LPDDR5_CONSTRAINTS.filter((c) => c.window === undefined).map((c) => c.id);
    expect(ids.filter((id) => !binding.has(id)).join(", ")).toBe("");
  });
});
