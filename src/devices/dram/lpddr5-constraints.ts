/**
 * LPDDR5 inter-command timing constraints as data: from-commands, to-commands, scope, gap as a
 * function of named timings, optional rolling window (tFAW) and a citation each. Minimum-gap rules
 * follow Ramulator 2.1's LPDDR5 constraint list (JESD209-5B); a few are derived and say so.
 */
import type { CommandName, TimingValues } from './lpddr5-spec.js';

/**
 * Where a constraint applies, comparing the earlier command A with the later command B:
 * 'bank' — their bank sets intersect; 'bankGroup' — their bank-group sets intersect (same rank);
 * 'rank' — same rank; 'otherRank' — different ranks of the channel; 'channel' — any two commands.
 */
export type Scope = 'bank' | 'bankGroup' | 'rank' | 'otherRank' | 'channel';

export interface Constraint {
  readonly id: string;
  readonly from: readonly CommandName[];
  readonly to: readonly CommandName[];
  readonly scope: Scope;
  /** Minimum gap in ps between the issue times (B − A ≥ gap), from resolved timings. */
  readonly gap: (t: TimingValues) => number;
  /** The gap as written in the source. */
  readonly formula: string;
  /** Rolling window: at most `window` `from` commands within `gap` before a `to` command (tFAW). */
  readonly window?: number;
  readonly source: string;
  readonly derived?: boolean;
}

/** A maximum-gap rule: `to` must follow `from` (same bank) within `gap`. */
export interface MaxConstraint {
  readonly id: string;
  readonly from: CommandName;
  readonly to: CommandName;
  readonly gap: (t: TimingValues) => number;
  readonly formula: string;
  readonly source: string;
}

const R = 'Ramulator 2.1 lpddr5.py timing_constraints';
const ALL_CMDS: readonly CommandName[] = ['ACT1', 'ACT2', 'PRE', 'PREA', 'RD', 'WR', 'REFab', 'REFpb', 'PDE', 'PDX', 'SRE', 'SRX'];
/** Every command that may follow a power-down or self-refresh exit. */
const AFTER_EXIT: readonly CommandName[] = ['ACT1', 'PRE', 'PREA', 'RD', 'WR', 'REFab', 'REFpb', 'PDE', 'SRE'];
const LOW_POWER_ENTRY: readonly CommandName[] = ['PDE', 'SRE'];
const PD = 'power-down / self-refresh rules, only exercised when powerDownAfter / selfRefreshAfter are set';

export const LPDDR5_CONSTRAINTS: readonly Constraint[] = [
  // ---- bank ----
  { id: 'ACT-ACT.bank', from: ['ACT1'], to: ['ACT1'], scope: 'bank', gap: (t) => t.tRC, formula: 'tRC', source: `${R} Bank ACT1→ACT1 nRC` },
  { id: 'ACT-CAS.bank', from: ['ACT1'], to: ['RD', 'WR'], scope: 'bank', gap: (t) => t.tRCD, formula: 'tRCD', source: `${R} Bank ACT1→RD/WR nRCD (measured from ACT-1)` },
  { id: 'ACT-PRE.bank', from: ['ACT1'], to: ['PRE', 'PREA'], scope: 'bank', gap: (t) => t.tRAS, formula: 'tRAS', source: `${R} Bank ACT1→PREpb nRAS; Rank ACT1→PREab nRAS` },
  { id: 'PRE-ACT.bank', from: ['PRE'], to: ['ACT1'], scope: 'bank', gap: (t) => t.tRPpb, formula: 'tRPpb', source: `${R} Bank PREpb→ACT1 nRP` },
  { id: 'PREA-ACT.bank', from: ['PREA'], to: ['ACT1'], scope: 'bank', gap: (t) => t.tRPab, formula: 'tRPab', source: `${R} Rank PREab→ACT1 nRPab` },
  { id: 'RD-PRE.bank', from: ['RD'], to: ['PRE', 'PREA'], scope: 'bank', gap: (t) => t.tRTP, formula: 'tRTP', source: `${R} Bank RD→PREpb nRTP; Rank RD→PREab nRTP` },
  { id: 'WR-PRE.bank', from: ['WR'], to: ['PRE', 'PREA'], scope: 'bank', gap: (t) => t.WL + t.tBL + t.tWR, formula: 'WL + tBL + tWR', source: `${R} Bank WR→PREpb nCWL + nBL + nWR` },
  { id: 'ACT-REF.bank', from: ['ACT1'], to: ['REFab', 'REFpb'], scope: 'bank', gap: (t) => t.tRC, formula: 'tRC', source: `${R} Rank ACT1→REFab nRC; Bank ACT1→REFpb nRC` },
  { id: 'PRE-REF.bank', from: ['PRE'], to: ['REFab', 'REFpb'], scope: 'bank', gap: (t) => t.tRPpb, formula: 'tRPpb', source: `${R} PREpb→REFab/REFpb nRP` },
  { id: 'PREA-REF.bank', from: ['PREA'], to: ['REFab', 'REFpb'], scope: 'bank', gap: (t) => t.tRPab, formula: 'tRPab', source: `${R} PREab→REFab nRP, tightened to tRPab because PREA closes every bank (all-bank precharge time)`, derived: true },
  { id: 'REFab-busy.bank', from: ['REFab'], to: ['ACT1', 'PRE', 'PREA', 'REFab', 'REFpb'], scope: 'bank', gap: (t) => t.tRFCab, formula: 'tRFCab', source: `${R} Rank REFab→ACT1/PREab nRFC; extended to every bank command (banks busy during tRFCab)`, derived: true },
  { id: 'REFpb-busy.bank', from: ['REFpb'], to: ['ACT1', 'PRE', 'PREA', 'REFab', 'REFpb'], scope: 'bank', gap: (t) => t.tRFCpb, formula: 'tRFCpb', source: `${R} Bank REFpb→ACT1 nRFCpb; extended to every command on the refreshing banks`, derived: true },
  // ---- bank group ----
  { id: 'RD-RD.bg', from: ['RD'], to: ['RD'], scope: 'bankGroup', gap: (t) => t.tCCD_L, formula: 'tCCD_L', source: `${R} BankGroup RD→RD nCCDL` },
  { id: 'WR-WR.bg', from: ['WR'], to: ['WR'], scope: 'bankGroup', gap: (t) => t.tCCD_L, formula: 'tCCD_L', source: `${R} BankGroup WR→WR nCCDL_WR` },
  { id: 'WR-RD.bg', from: ['WR'], to: ['RD'], scope: 'bankGroup', gap: (t) => t.WL + t.tBL + t.tWTR_L, formula: 'WL + tBL + tWTR_L', source: `${R} BankGroup WR→RD nCWL + nBL + nWTRL` },
  { id: 'ACT-ACT.bg', from: ['ACT1'], to: ['ACT1'], scope: 'bankGroup', gap: (t) => t.tRRD_L, formula: 'tRRD_L', source: `${R} BankGroup ACT1→ACT1 nRRDL` },
  // ---- rank ----
  { id: 'RD-RD.rank', from: ['RD'], to: ['RD'], scope: 'rank', gap: (t) => t.tCCD_S, formula: 'tCCD_S', source: `${R} Rank RD→RD nCCDS` },
  { id: 'WR-WR.rank', from: ['WR'], to: ['WR'], scope: 'rank', gap: (t) => t.tCCD_S, formula: 'tCCD_S', source: `${R} Rank WR→WR nCCDS_WR` },
  { id: 'RD-WR.rank', from: ['RD'], to: ['WR'], scope: 'rank', gap: (t) => t.RL + t.tBL + 2 * t.tCK - t.WL, formula: 'RL + tBL + 2 tCK − WL', source: `${R} Rank RD→WR nCL + nBL + 2 − nCWL` },
  { id: 'WR-RD.rank', from: ['WR'], to: ['RD'], scope: 'rank', gap: (t) => t.WL + t.tBL + t.tWTR_S, formula: 'WL + tBL + tWTR_S', source: `${R} Rank WR→RD nCWL + nBL + nWTRS` },
  { id: 'ACT-ACT.rank', from: ['ACT1'], to: ['ACT1'], scope: 'rank', gap: (t) => t.tRRD_S, formula: 'tRRD_S', source: `${R} Rank ACT1→ACT1 nRRDS` },
  { id: 'FAW.rank', from: ['ACT1'], to: ['ACT1'], scope: 'rank', gap: (t) => t.tFAW, formula: 'tFAW', window: 4, source: `${R} Rank ACT1→ACT1 nFAW window 4` },
  { id: 'PRE-PRE.rank', from: ['PRE', 'PREA'], to: ['PRE', 'PREA'], scope: 'rank', gap: (t) => t.tPPD, formula: 'tPPD', source: `${R} Rank PREpb/PREab→PREpb/PREab nPPD` },
  { id: 'REFpb-REFpb.rank', from: ['REFpb'], to: ['REFpb'], scope: 'rank', gap: (t) => t.tPBR2PBR, formula: 'tPBR2PBR', source: 'JESD209-5B tpbR2pbR via orin-lpddr5.md C.2' },
  { id: 'REFpb-ACT.rank', from: ['REFpb'], to: ['ACT1'], scope: 'rank', gap: (t) => t.tPBR2ACT, formula: 'tPBR2ACT', source: 'JESD209-5B tpbR2act via orin-lpddr5.md C.2' },
  { id: 'ACT-REFpb.rank', from: ['ACT1'], to: ['REFpb'], scope: 'rank', gap: (t) => t.tRRD_S, formula: 'tRRD_S', source: 'REFpb counts as an activate for tRRD (LPDDR4/5 convention) [uncertain: not in R2.1]', derived: true },
  // ---- power-down and self-refresh (rank) ----
  { id: 'PDX-any.rank', from: ['PDX'], to: AFTER_EXIT, scope: 'rank', gap: (t) => t.tXP, formula: 'tXP', source: `gem5 lpddr5.py tXP (power-down exit to any valid command); ${PD}` },
  { id: 'SRX-any.rank', from: ['SRX'], to: AFTER_EXIT, scope: 'rank', gap: (t) => t.tXSR, formula: 'tXSR', source: `gem5 lpddr5.py tXS (self-refresh exit to any valid command); ${PD}` },
  { id: 'PDE-PDX.rank', from: ['PDE'], to: ['PDX'], scope: 'rank', gap: (t) => t.tCKE, formula: 'tCKE', source: `minimum power-down residency [estimate, see tCKE]; ${PD}` },
  { id: 'SRE-SRX.rank', from: ['SRE'], to: ['SRX'], scope: 'rank', gap: (t) => t.tSR, formula: 'tSR', source: `minimum self-refresh residency [estimate, see tSR]; ${PD}` },
  { id: 'RD-PDE.rank', from: ['RD'], to: LOW_POWER_ENTRY, scope: 'rank', gap: (t) => t.RL + t.tBL + t.tCK, formula: 'RL + tBL + tCK', source: `read data must leave the device before CS goes low (DDR4 tRDPDEN analogue); ${PD}`, derived: true },
  { id: 'WR-PDE.rank', from: ['WR'], to: LOW_POWER_ENTRY, scope: 'rank', gap: (t) => t.WL + t.tBL + t.tWR, formula: 'WL + tBL + tWR', source: `write recovery completes before power-down (DDR4 tWRPDEN analogue); ${PD}`, derived: true },
  { id: 'ACT-PDE.rank', from: ['ACT1'], to: LOW_POWER_ENTRY, scope: 'rank', gap: (t) => t.tRCD, formula: 'tRCD', source: `the activate completes before power-down (conservative) [estimate]; ${PD}`, derived: true },
  { id: 'PRE-SRE.rank', from: ['PRE'], to: ['SRE'], scope: 'rank', gap: (t) => t.tRPpb, formula: 'tRPpb', source: `self-refresh entry needs every bank precharged; ${PD}`, derived: true },
  { id: 'PREA-SRE.rank', from: ['PREA'], to: ['SRE'], scope: 'rank', gap: (t) => t.tRPab, formula: 'tRPab', source: `self-refresh entry needs every bank precharged; ${PD}`, derived: true },
  { id: 'REFab-PDE.rank', from: ['REFab'], to: LOW_POWER_ENTRY, scope: 'rank', gap: (t) => t.tRFCab, formula: 'tRFCab', source: `refresh completes before power-down or self-refresh (conservative); ${PD}`, derived: true },
  { id: 'REFpb-PDE.rank', from: ['REFpb'], to: LOW_POWER_ENTRY, scope: 'rank', gap: (t) => t.tRFCpb, formula: 'tRFCpb', source: `refresh completes before power-down or self-refresh (conservative); ${PD}`, derived: true },
  // ---- other rank of the same channel (data-bus handover, rank switch tCS) ----
  { id: 'RD-RD.otherRank', from: ['RD'], to: ['RD'], scope: 'otherRank', gap: (t) => t.tBL + t.tCS, formula: 'tBL + tCS', source: `${R} Rank sibling RD→RD nBL + nCS` },
  { id: 'RD-WR.otherRank', from: ['RD'], to: ['WR'], scope: 'otherRank', gap: (t) => t.RL + t.tBL + t.tCS - t.WL, formula: 'RL + tBL + tCS − WL', source: `${R} sibling nCL + nBL + nCS − nCWL (read data must clear the bus before the write data)` },
  { id: 'WR-WR.otherRank', from: ['WR'], to: ['WR'], scope: 'otherRank', gap: (t) => t.tBL + t.tCS, formula: 'tBL + tCS', source: 'data-bus occupancy plus rank switch, by analogy with R2.1 sibling RD→RD', derived: true },
  { id: 'WR-RD.otherRank', from: ['WR'], to: ['RD'], scope: 'otherRank', gap: (t) => Math.max(t.tCK, t.WL + t.tBL + t.tCS - t.RL), formula: 'max(tCK, WL + tBL + tCS − RL)', source: 'data-bus occupancy: read data may start tCS after the write data ends', derived: true },
  // ---- channel (shared CA and DQ buses) ----
  { id: 'CA.channel', from: ALL_CMDS, to: ALL_CMDS, scope: 'channel', gap: (t) => t.tCK, formula: 'tCK', source: `${R}: every LPDDR5 command takes 1 nCK of the CA bus` },
  { id: 'RD-RD.channel', from: ['RD'], to: ['RD'], scope: 'channel', gap: (t) => t.tBL, formula: 'tBL', source: `${R} Channel RD→RD nBL (data bus)` },
  { id: 'WR-WR.channel', from: ['WR'], to: ['WR'], scope: 'channel', gap: (t) => t.tBL, formula: 'tBL', source: `${R} Channel WR→WR nBL (data bus)` },
];

const POWER_CMDS: readonly CommandName[] = ['PDE', 'PDX', 'SRE', 'SRX'];
/**
 * The constraint list without the power-down / self-refresh commands: what a controller with both
 * options off compiles, so that its hot path does not update timing slots no command can read.
 */
export const LPDDR5_CONSTRAINTS_NO_POWER: readonly Constraint[] = LPDDR5_CONSTRAINTS.flatMap((c) => {
  const from = c.from.filter((x) => !POWER_CMDS.includes(x));
  const to = c.to.filter((x) => !POWER_CMDS.includes(x));
  return from.length > 0 && to.length > 0 ? [{ ...c, from, to }] : [];
});

export const LPDDR5_MAX_CONSTRAINTS: readonly MaxConstraint[] = [
  { id: 'ACT1-ACT2.max', from: 'ACT1', to: 'ACT2', gap: (t) => t.tAAD, formula: 'tAAD', source: 'Ramulator 2.1 nAAD = 8; gem5 tAAD: ACT-2 must follow ACT-1 within tAAD' },
];

/** State rules (not timings) the checker enforces, listed for documentation. */
export const LPDDR5_STATE_RULES: readonly string[] = [
  'ACT1 only to a precharged bank that is not refreshing; ACT2 only to the bank with a pending ACT1',
  'RD/WR only to an open bank (ACT2 issued) whose open row is the addressed row',
  'REFab only when every bank of the rank is precharged; REFpb only when both banks of the pair are precharged',
  'every bank is refreshed at least once per 9 × tREFI (JEDEC allows postponing up to 8 refreshes)',
  'data bursts (RD at RL, WR at WL, tBL long) never overlap on a channel DQ bus',
  'in power-down a rank takes only PDX; in self-refresh only SRX; SRE only with every bank precharged',
  'a rank in self-refresh refreshes itself: the refresh-interval rule restarts at SRX',
];
