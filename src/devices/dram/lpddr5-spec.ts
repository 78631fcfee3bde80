/**
 * LPDDR5 device specification as data: organisation (BG / 16B / 8B bank modes), the command set and
 * every timing parameter in integer ps with its source. Values are JESD209-5B as reflected in
 * Ramulator 2.1 (`python/ramulator/dram/lpddr5.py`, LPDDR5_6400) and gem5 (`lpddr5.py`), via
 * ../shared/reference/orin-lpddr5.md Part C. Constraints between commands live in lpddr5-constraints.ts.
 */
import { DeviceParamError } from '../param-error.js';

/** The LPDDR5 commands the controller issues (CAS/WCK sync is folded into RD/WR: WCK always-on). */
export const COMMANDS = ['ACT1', 'ACT2', 'PRE', 'PREA', 'RD', 'WR', 'REFab', 'REFpb', 'PDE', 'PDX', 'SRE', 'SRX'] as const;
export type CommandName = (typeof COMMANDS)[number];
/** Numeric command codes (index into COMMANDS) used in the hot path and by observers. */
export const CMD = { ACT1: 0, ACT2: 1, PRE: 2, PREA: 3, RD: 4, WR: 5, REFAB: 6, REFPB: 7, PDE: 8, PDX: 9, SRE: 10, SRX: 11 } as const;
export const N_CMD = COMMANDS.length;

/** Which banks a command addresses: one bank, all banks of a rank, or one per-bank-refresh bank pair. */
export type CommandTarget = 'bank' | 'rank' | 'refreshPair';
export interface CommandDoc {
  readonly name: CommandName;
  readonly target: CommandTarget;
  readonly description: string;
  readonly source: string;
}
const R21 = 'Ramulator 2.1 python/ramulator/dram/lpddr5.py (JESD209-5B)';
export const COMMAND_DOCS: readonly CommandDoc[] = [
  { name: 'ACT1', target: 'bank', description: 'activate, first half (bank + upper row bits); RAS timings are measured from ACT-1', source: `${R21} ACT1; gem5 two_cycle_activate` },
  { name: 'ACT2', target: 'bank', description: 'activate, second half (lower row bits); must follow ACT-1 within tAAD', source: `${R21} ACT2, nAAD` },
  { name: 'PRE', target: 'bank', description: 'per-bank precharge (PREpb)', source: `${R21} PREpb` },
  { name: 'PREA', target: 'rank', description: 'all-bank precharge (PREab)', source: `${R21} PREab` },
  { name: 'RD', target: 'bank', description: 'read burst (BL16 = 32 B on x16 in BG mode; BL32 = 64 B in 8B mode), CAS folded in', source: `${R21} RD, CAS_RD (nCAS = 0)` },
  { name: 'WR', target: 'bank', description: 'write burst, as RD', source: `${R21} WR, CAS_WR` },
  { name: 'REFab', target: 'rank', description: 'all-bank refresh, all banks precharged', source: `${R21} REFab` },
  { name: 'REFpb', target: 'refreshPair', description: 'per-bank refresh of a bank pair (banks b and b+8 in 16-bank modes, one bank in 8B mode): 8 REFpb per tREFI cover all banks', source: `${R21} REFpb with nREFIpb = nREFI / 8 [pairing inferred from tREFIpb = tREFI/8, uncertain]` },
  { name: 'PDE', target: 'rank', description: 'power-down entry (CS low): active power-down with a row open, precharge power-down otherwise; only issued when powerDownAfter is set', source: 'JESD209-5B power-down entry; DRAMPower 5 power-down states' },
  { name: 'PDX', target: 'rank', description: 'power-down exit; the next command waits tXP', source: 'JESD209-5B power-down exit; gem5 lpddr5.py tXP' },
  { name: 'SRE', target: 'rank', description: 'self-refresh entry, all banks precharged; the device refreshes itself until SRX; only issued when selfRefreshAfter is set', source: 'JESD209-5B self-refresh entry' },
  { name: 'SRX', target: 'rank', description: 'self-refresh exit; the next command waits tXSR', source: 'JESD209-5B self-refresh exit; gem5 lpddr5.py tXS' },
];

export type BankMode = 'BG' | '16B' | '8B';

/** Named timing parameters (all in ps). */
export const TIMING_NAMES = [
  'tCK', 'RL', 'WL', 'tBL', 'tCCD_S', 'tCCD_L', 'tRCD', 'tRPpb', 'tRPab', 'tRAS', 'tRC', 'tRRD_S', 'tRRD_L',
  'tFAW', 'tWTR_S', 'tWTR_L', 'tRTP', 'tWR', 'tPPD', 'tAAD', 'tCS', 'tRFCab', 'tRFCpb', 'tREFI', 'tREFIpb',
  'tPBR2PBR', 'tPBR2ACT', 'tXP', 'tXSR', 'tCKE', 'tSR',
] as const;
export type TimingName = (typeof TIMING_NAMES)[number];
/** Resolved timing values in integer ps. */
export type TimingValues = Readonly<Record<TimingName, number>>;
export interface TimingParam {
  readonly ps: number;
  readonly source: string;
  readonly estimate?: boolean;
}
export type TimingTable = Readonly<Record<TimingName, TimingParam>>;

/** Organisation of one x16 channel and the number of channels. */
export interface Lpddr5Org {
  readonly channels: number;
  readonly ranks: number;
  readonly bankMode: BankMode;
  readonly bankGroups: number;
  readonly banksPerGroup: number;
  readonly rows: number;
  /** Columns per row (x16: one column = 2 B). */
  readonly columns: number;
  readonly dqBits: number;
  /** Burst length in beats used for every RD/WR (16 in BG mode, 32 in 8B mode). */
  readonly burstBeats: 16 | 32;
  readonly densityGbit: number;
  readonly dataRateMTps: number;
}

/** tRFCab / tRFCpb by die density in Gb (JESD209-5B via R2.1; 16 Gb tRFCpb per orin-lpddr5.md C.2). */
const T_RFC_AB: ReadonlyArray<readonly [number, number]> = [[2, 130], [4, 180], [8, 210], [16, 280], [Infinity, 380]];
const T_RFC_PB: ReadonlyArray<readonly [number, number]> = [[2, 60], [4, 90], [8, 120], [16, 140], [Infinity, 190]];
function byDensity(table: ReadonlyArray<readonly [number, number]>, gbit: number): number {
  for (const [max, ns] of table) if (gbit <= max) return ns;
  return table[table.length - 1]![1];
}

/**
 * LPDDR5-6400 timing table for a bank mode and die density. tCK = 1.25 ns (CK 800 MHz, WCK 4:1).
 * nCK values are R2.1's LPDDR5_6400 preset; ps = nCK × 1250 unless the source gives ns.
 */
export function lpddr5_6400Timings(bankMode: BankMode, densityGbit: number): TimingTable {
  const ck = 1250;
  const n = (nck: number, src: string, estimate?: boolean): TimingParam =>
    estimate ? { ps: nck * ck, source: src, estimate } : { ps: nck * ck, source: src };
  const g5 = 'gem5 lpddr5.py LPDDR5_6400_1x16_8B_BL32';
  const eightB = bankMode === '8B';
  const rfcAb = byDensity(T_RFC_AB, densityGbit);
  const rfcPb = byDensity(T_RFC_PB, densityGbit);
  return {
    tCK: n(1, 'JESD209-5B 6400 Mb/s: CK 800 MHz (gem5 tCK = 1.25ns; R2.1 tCK_ps = 1250)'),
    RL: n(17, `${R21} nCL = 17 (gem5 tCL 21.25 ns, "Base RL is 17 CK")`),
    WL: n(9, `${R21} nCWL = 9`),
    tBL: eightB ? n(4, `${g5} tBURST = 5.0 ns (BL32, 8B mode)`) : n(2, `${R21} nBL = 2 (BL16 / 8 beats per CK); gem5 tBURST 2.5 ns`),
    tCCD_S: eightB ? n(4, `${g5}: tCCD = tBURST 5.0 ns (no bank groups)`) : n(2, `${R21} nCCDS = 2`),
    tCCD_L: eightB ? n(4, `${g5}: tCCD = tBURST 5.0 ns (no bank groups)`) : n(4, `${R21} nCCDL = 4; gem5 tCCD_L 5.0 ns`),
    tRCD: n(15, `${R21} nRCD = 15 (gem5 18 ns)`),
    tRPpb: n(15, `${R21} nRP = 15 (gem5 tRP 18 ns)`),
    tRPab: n(17, `${R21} nRPab = 17`),
    tRAS: n(34, `${R21} nRAS = 34 (gem5 42 ns)`),
    tRC: n(49, `${R21} nRC = 49 (= nRAS + nRP)`),
    tRRD_S: eightB ? n(8, `${g5} tRRD = 10 ns`) : n(4, `${R21} nRRDS = max(4 nCK, 5 ns)`),
    tRRD_L: eightB ? n(8, `${g5} tRRD = 10 ns`) : n(4, `${R21} nRRDL = max(4 nCK, 5 ns)`),
    tFAW: eightB ? n(32, `${g5} tXAW = 40 ns`) : n(16, `${R21} nFAW = max(16 nCK, 20 ns) (BG mode)`),
    tWTR_S: eightB ? n(10, `${g5} tWTR = 12 ns → 10 nCK`) : n(5, `${R21} nWTRS = 5`),
    tWTR_L: eightB ? n(10, `${g5} tWTR = 12 ns → 10 nCK`) : n(10, `${R21} nWTRL = 10`),
    tRTP: n(8, `${R21} nRTP = 8 [sources disagree: gem5 4.59 ns, Ramulator 2.0 4 nCK; orin-lpddr5.md C.2 uncertain]`),
    tWR: n(28, `${R21} nWR = 28 (gem5 34 ns)`),
    tPPD: n(2, `${R21} nPPD = 2`),
    tAAD: n(8, `${R21} nAAD = 8 (maximum ACT-1 → ACT-2 gap)`),
    tCS: n(2, `${R21} nCS = 2 (rank switch)`),
    tRFCab: { ps: rfcAb * 1000, source: `${R21} _resolve_nRFC: ${rfcAb} ns for a ${densityGbit} Gb die` },
    tRFCpb: {
      ps: rfcPb * 1000,
      source: `JESD209-5B via orin-lpddr5.md C.2: ${rfcPb} ns for a ${densityGbit} Gb die [a later R2.1 revision lists 160 ns for 16 Gb, uncertain]`,
      estimate: true,
    },
    tREFI: n(3125, `${R21} nREFI = ceil(3906 ns / tCK) = 3125 (32 ms / 8192 = 3.90625 us)`),
    tREFIpb: { ps: 488_000, source: `${R21} tREFIpb = 488 ns (tREFI / 8)` },
    tPBR2PBR: { ps: densityGbit <= 2 ? 60_000 : 90_000, source: 'JESD209-5B via orin-lpddr5.md C.2: tpbR2pbR 60 ns (2 Gb), 90 ns (>= 4 Gb)' },
    tPBR2ACT: n(6, 'JESD209-5B via orin-lpddr5.md C.2: tpbR2act 7.5 ns = 6 nCK'),
    tXP: n(6, 'gem5 lpddr5.py tXP = 7 ns (power-down exit to next command), via orin-lpddr5.md C.2, rounded up to whole CK (6 nCK = 7.5 ns)'),
    tXSR: { ps: rfcAb * 1000 + 7_500, source: `gem5 lpddr5.py tXS = tRFCab + 7.5 ns (self-refresh exit to next command), via orin-lpddr5.md C.2; ${rfcAb} ns tRFCab for ${densityGbit} Gb` },
    tCKE: { ps: 7_500, source: 'minimum power-down residency (PDE → PDX): LPDDR4 tCKE = max(7.5 ns, 4 nCK) carried over [estimate: LPDDR5 tCSPD not in the reference]', estimate: true },
    tSR: { ps: 15_000, source: 'minimum self-refresh residency (SRE → SRX): LPDDR4 tSR = max(15 ns, 3 nCK) carried over [estimate: LPDDR5 value not in the reference]', estimate: true },
  };
}

/** Organisation for a bank mode, channel count, rank count and density (x16 channel). */
export function lpddr5Org(bankMode: BankMode, channels: number, ranks: number, densityGbit: number, dataRateMTps = 6400): Lpddr5Org {
  if (bankMode === '16B' && dataRateMTps > 3200) {
    throw new DeviceParamError('bankMode', `lpddr5: bank mode 16B is only specified up to 3200 Mb/s (JESD209-5 via gem5 lpddr5.py comments), data rate is ${dataRateMTps} MT/s; use 'BG' or '8B'`);
  }
  const eightB = bankMode === '8B';
  const banks = eightB ? 8 : 16;
  const columns = eightB ? 2048 : 1024; // 4 KB page in 8B mode, 2 KB otherwise (x16 × 1024 columns)
  const bytesPerBankRow = (columns * 16) / 8;
  const rows = (densityGbit * 2 ** 30) / 8 / banks / bytesPerBankRow;
  if (!Number.isInteger(rows) || rows <= 0) throw new DeviceParamError('density', `lpddr5: density ${densityGbit} Gb does not give a whole number of rows`);
  return {
    channels, ranks, bankMode,
    bankGroups: bankMode === 'BG' ? 4 : 1,
    banksPerGroup: bankMode === 'BG' ? 4 : banks,
    rows, columns, dqBits: 16, burstBeats: eightB ? 32 : 16, densityGbit, dataRateMTps,
  };
}

/** Provenance of the organisation rows (for `describe` and reports). */
export const ORG_SOURCES = {
  banks: 'BG mode 4 BG × 4 banks; 16B mode 16 banks (<= 3200 Mb/s); 8B mode 8 banks, BL32 only — gem5 lpddr5.py comments, Micron MT62F front page',
  rows: 'R2.1 org presets LPDDR5_8Gb_x16 (32768 rows) / LPDDR5_16Gb_x16 (65536 rows), 1024 columns (2 KB page); 8B mode 4 KB page (Micron MT62F)',
  orin: 'Jetson AGX Orin: 256-bit LPDDR5 = 16 × x16 channels, 204.8 GB/s (orin-lpddr5.md B.1/B.4)',
} as const;

/** Named presets: organisation defaults plus which energy table the energy engineer should price with. */
export interface Lpddr5Preset {
  readonly name: string;
  readonly org: Lpddr5Org;
  readonly energyTable: 'idd-micron-8gb' | 'qmc-table1';
  readonly source: string;
  /** The organisation rests on an estimate (Orin's channel structure and die density). */
  readonly estimate: boolean;
}
export const PRESET_NAMES = ['LPDDR5_6400', 'orin-agx', 'qmc-table1'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
export function lpddr5Preset(name: PresetName): Lpddr5Preset {
  switch (name) {
    case 'LPDDR5_6400':
      return { name, org: lpddr5Org('BG', 1, 1, 16), energyTable: 'idd-micron-8gb', source: `${R21} LPDDR5_6400 + LPDDR5_16Gb_x16: one x16 channel, 16 Gb die`, estimate: false };
    case 'orin-agx':
      return { name, org: lpddr5Org('BG', 16, 1, 16), energyTable: 'idd-micron-8gb', source: `${ORG_SOURCES.orin}; 16 Gb die per channel (32 GiB; set ranks: 2 for the 64 GB module) [die density estimate]`, estimate: true };
    case 'qmc-table1':
      return { name, org: lpddr5Org('BG', 16, 1, 16), energyTable: 'qmc-table1', estimate: true, source: 'QMC paper Table 1 LPDDR5 (3.5 pJ/bit read) on the Orin organisation (16 × x16 channels, 16 Gb die per channel [die density estimate]); timing as LPDDR5_6400 (Table 1\'s 1.7 ns LPDDR5 read latency is not used: LPDDR5 is timed by its JEDEC command timings, an unloaded 64-B read taking tRCD + RL + tCCD_L + tBL = 47.5 ns)' };
  }
}

/** Bytes moved by one RD/WR burst on one channel. */
export function burstBytes(org: Lpddr5Org): number {
  return (org.dqBits / 8) * org.burstBeats;
}
/**
 * Peak data bandwidth of the whole device in B/s: one burst per `tBLps` on each channel's DQ bus when
 * the burst time is given (a timing override), else channels × x16 × the data rate (equal for the
 * preset tBL: 32 B / 2.5 ns, 64 B / 5 ns = 12.8 GB/s at 6400 MT/s).
 */
export function peakBandwidth(org: Lpddr5Org, tBLps?: number): number {
  if (tBLps !== undefined && tBLps > 0) return (org.channels * burstBytes(org) * 1e12) / tBLps;
  return org.channels * (org.dqBits / 8) * org.dataRateMTps * 1e6;
}
/** Resolves a timing table to plain ps numbers, applying overrides (already canonical ps). */
export function resolveTimings(table: TimingTable, overrides: Partial<Record<TimingName, number>> = {}): TimingValues {
  const out = {} as Record<TimingName, number>;
  for (const k of TIMING_NAMES) {
    const v = overrides[k] ?? table[k].ps;
    if (!Number.isSafeInteger(v) || v < 0) throw new DeviceParamError(`timing.${k}`, `lpddr5: timing ${k} must be a non-negative integer ps, got ${v}`);
    out[k] = v;
  }
  checkTimingRelations(out, overrides);
  return out;
}

/**
 * Data-interface timings the JEDEC tables give in clock cycles (read/write latency, burst, column
 * spacing): a faster clock (LPDDR5X-8533: 0.9375 ns) changes them, so a tCK override must set them too.
 */
const CLOCK_COUNTED: readonly TimingName[] = ['RL', 'WL', 'tBL', 'tCCD_S', 'tCCD_L'];

/** Timings a device cannot have at zero: clock, burst, latencies, row cycle and refresh. */
const POSITIVE: readonly TimingName[] = ['tCK', 'tBL', 'RL', 'WL', 'tCCD_S', 'tCCD_L', 'tRCD', 'tRPpb', 'tRPab', 'tRAS', 'tRC', 'tRFCab', 'tRFCpb', 'tREFI', 'tREFIpb'];

/**
 * Refuses overrides no LPDDR5 device can have (a zero tBL made the peak bandwidth infinite): the
 * POSITIVE timings, tRC ≥ tRAS + tRPpb (JESD209-5: tRC = tRAS + tRPpb) and refresh intervals longer
 * than the refresh itself (tREFI > tRFCab, tREFIpb > tRFCpb; otherwise the device never leaves refresh).
 * The error names a key the user set where one of the pair was overridden.
 */
function checkTimingRelations(t: Record<TimingName, number>, set: Partial<Record<TimingName, number>>): void {
  const ns = (ps: number): string => `${ps / 1000} ns`;
  for (const k of POSITIVE) if (!(t[k] > 0)) throw new DeviceParamError(`timing.${k}`, `lpddr5: timing ${k} must be greater than 0 ns, got ${ns(t[k])}`);
  const missing = CLOCK_COUNTED.filter((k) => set[k] === undefined);
  if (set.tCK !== undefined && missing.length > 0) {
    throw new DeviceParamError('timing.tCK', `lpddr5: a tCK override (${ns(t.tCK)}) also needs ${missing.join(', ')}: the preset gives them as clock counts at 6400 Mb/s ` +
      `(${missing.map((k) => `${k} ${ns(t[k])}`).join(', ')} at tCK 1.25 ns), so the data rate and peak bandwidth would not follow the new clock`);
  }
  const named = (...keys: TimingName[]): string => `timing.${keys.find((k) => set[k] !== undefined) ?? keys[0]!}`;
  if (t.tRC < t.tRAS + t.tRPpb) {
    throw new DeviceParamError(named('tRC', 'tRAS', 'tRPpb'), `lpddr5: timing tRC (${ns(t.tRC)}) must be at least tRAS + tRPpb (${ns(t.tRAS)} + ${ns(t.tRPpb)} = ${ns(t.tRAS + t.tRPpb)}; JESD209-5 tRC = tRAS + tRPpb)`);
  }
  if (t.tREFI <= t.tRFCab) throw new DeviceParamError(named('tREFI', 'tRFCab'), `lpddr5: timing tREFI (${ns(t.tREFI)}) must be longer than tRFCab (${ns(t.tRFCab)})`);
  if (t.tREFIpb <= t.tRFCpb) throw new DeviceParamError(named('tREFIpb', 'tRFCpb'), `lpddr5: timing tREFIpb (${ns(t.tREFIpb)}) must be longer than tRFCpb (${ns(t.tRFCpb)})`);
}
