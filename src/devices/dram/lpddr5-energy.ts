/**
 * LPDDR5 per-action energy table derived from IDD currents and supply voltages (Micron MT62F 8 Gb
 * die, 6400 Mb/s, via orin-lpddr5.md C.3(a) — [secondary, uncertain]) with the Micron power-note /
 * DRAMPower decomposition of C.4. Every entry carries its formula, parts, source and estimate flag.
 */
import { lpddr5_6400Timings, type PresetName, type TimingValues, resolveTimings } from './lpddr5-spec.js';

/** One priced action: energy per count (pJ; for *Ps actions pJ per ps = W), the sum of `parts`. */
export interface EnergyEntry {
  readonly pj: number;
  readonly unit: 'pJ/command' | 'pJ/bit' | 'pJ/ps';
  readonly parts: Readonly<Record<string, number>>;
  readonly formula: string;
  readonly source: string;
  readonly estimate: boolean;
}
export interface Lpddr5EnergyTable {
  readonly name: string;
  /** Keys match the action names of Lpddr5Device.counts(). */
  readonly perAction: Readonly<Record<string, EnergyEntry>>;
  /** Background powers per channel-rank in W (also present in perAction as *StandbyPs, pJ per ps). */
  readonly backgroundW: Readonly<Record<'activeStandby' | 'prechargeStandby' | 'prechargePowerDown' | 'activePowerDown' | 'selfRefresh', { readonly w: number; readonly source: string; readonly estimate: boolean }>>;
}

/** IDD currents (mA) and supplies (V): orin-lpddr5.md C.3(a), Micron MT62F512M32D2 Rev. D, per x16 die. */
export const LPDDR5_IDD = {
  VDD2H: 1.05, VDD1: 1.8, VDDQ: 0.5,
  IDD0: 45.0, IDD2N: 30.0, IDD3N: 39.0, IDD4R: 372, IDD4W: 310, IDD5: 170, IDD2P: 2.5,
  IDD0_VDD1: 2.9, IDD4R_VDD1: 7.2, IDD4RQ_VDDQ: 106,
  /** Not in the reference table [estimate]: IDD2P × IDD3N / IDD2N (active over precharge, as in standby). */
  IDD3P: (2.5 * 39.0) / 30.0,
  /** Not in the reference table [estimate]: full-array self-refresh, order of mobile-DRAM datasheets (Micron MT46H32M32 IDD6 1.0 mA, 85 °C). */
  IDD6: 1.0,
  source: 'Micron MT62F512M32D2/MT62F1G32D4 Rev. D "IDD Parameters - Single Die", 6400 Mb/s BG mode, max over PVT, via orin-lpddr5.md C.3(a) [secondary, uncertain]',
} as const;

const entry = (unit: EnergyEntry['unit'], parts: Record<string, number>, formula: string, source: string, estimate: boolean): EnergyEntry => {
  let pj = 0;
  for (const v of Object.values(parts)) pj += v;
  return { pj, unit, parts, formula, source, estimate };
};

/**
 * The energy table for a preset. Timings default to the preset's BG-mode, 16 Gb values (tRC, tRAS,
 * tBL, tRFCab enter the formulas); pass resolved timings to price a modified device.
 */
export function lpddr5EnergyTable(preset: PresetName, timings?: TimingValues): Lpddr5EnergyTable {
  const t = timings ?? resolveTimings(lpddr5_6400Timings('BG', 16));
  const I = LPDDR5_IDD;
  const ns = (ps: number): number => ps / 1000;
  const src = I.source;
  const tBL = ns(t.tBL);
  const burstBits = 16 * (t.tBL / t.tCK) * 8; // x16 × (8 beats per CK × nCK)
  const actCore = I.VDD2H * (I.IDD0 * ns(t.tRC) - I.IDD3N * ns(t.tRAS) - I.IDD2N * ns(t.tRC - t.tRAS));
  const refab = I.VDD2H * (I.IDD5 - I.IDD3N) * ns(t.tRFCab);
  const pActive = (I.VDD2H * I.IDD3N) / 1000;
  const pPre = (I.VDD2H * I.IDD2N) / 1000;
  const pPd = (I.VDD2H * I.IDD2P) / 1000;
  const pApd = (I.VDD2H * I.IDD3P) / 1000;
  const pSr = (I.VDD2H * I.IDD6) / 1000;
  const est3p = 'IDD3P not in the reference: IDD2P × IDD3N / IDD2N [estimate]';
  const est6 = 'IDD6 not in the reference: 1.0 mA, the order of mobile-DRAM datasheets (Micron MT46H32M32 full array, 85 °C) [estimate]';
  const background = {
    activeStandby: { w: pActive, source: `VDD2H × IDD3N; ${src}`, estimate: true },
    prechargeStandby: { w: pPre, source: `VDD2H × IDD2N; ${src}`, estimate: true },
    prechargePowerDown: { w: pPd, source: `VDD2H × IDD2P (entered only when powerDownAfter is set); ${src}`, estimate: true },
    activePowerDown: { w: pApd, source: `VDD2H × IDD3P (entered only when powerDownAfter is set); ${est3p}`, estimate: true },
    selfRefresh: { w: pSr, source: `VDD2H × IDD6 (entered only when selfRefreshAfter is set); ${est6}`, estimate: true },
  };
  const common: Record<string, EnergyEntry> = {
    pre: entry('pJ/command', {}, 'included in act (ACT+PRE pair)', 'orin-lpddr5.md C.4 ACT + PRE pair', false),
    prea: entry('pJ/command', {}, 'included in act (ACT+PRE pair per bank)', 'orin-lpddr5.md C.4 ACT + PRE pair', false),
    refab: entry('pJ/command', { vdd2h: refab }, 'VDD2H × (IDD5 − IDD3N) × tRFCab', `orin-lpddr5.md C.4 (IDD5 of the 8 Gb die applied to this density's tRFCab); ${src}`, true),
    refpb: entry('pJ/command', { vdd2h: refab / 8 }, 'REFab energy / 8 (8 REFpb refresh the same rows as one REFab)', 'equal charge per refreshed row [estimate: IDD5PB not available]', true),
    activeStandbyPs: entry('pJ/ps', { vdd2h: pActive }, 'VDD2H × IDD3N (W = pJ/ps)', `orin-lpddr5.md C.4; ${src}`, true),
    prechargeStandbyPs: entry('pJ/ps', { vdd2h: pPre }, 'VDD2H × IDD2N (W = pJ/ps)', `orin-lpddr5.md C.4; ${src}`, true),
    prechargePowerDownPs: entry('pJ/ps', { vdd2h: pPd }, 'VDD2H × IDD2P (W = pJ/ps)', `orin-lpddr5.md C.4 (2.6 mW per channel); ${src}`, true),
    activePowerDownPs: entry('pJ/ps', { vdd2h: pApd }, 'VDD2H × IDD3P (W = pJ/ps)', est3p, true),
    selfRefreshPs: entry('pJ/ps', { vdd2h: pSr }, 'VDD2H × IDD6 (W = pJ/ps); the self-refresh current covers the refreshes', est6, true),
    pde: entry('pJ/command', {}, 'entry and exit energy folded into the power-down background power', 'DRAMPower-style state accounting [estimate: transition energy not modelled]', true),
    sre: entry('pJ/command', {}, 'entry and exit energy folded into the self-refresh background power', 'DRAMPower-style state accounting [estimate: transition energy not modelled]', true),
  };
  if (preset === 'qmc-table1') {
    const qmc = 'QMC paper Table 1: LPDDR5 read energy 3.5 pJ/bit (covers activation and I/O)';
    return {
      name: 'qmc-table1',
      perAction: {
        ...common,
        act: entry('pJ/command', {}, 'included in the per-bit figure', qmc, false),
        rd: entry('pJ/command', {}, 'included in the per-bit figure', qmc, false),
        wr: entry('pJ/command', {}, 'included in the per-bit figure', qmc, true),
        readBits: entry('pJ/bit', { total: 3.5 }, '3.5 pJ/bit', qmc, false),
        writeBits: entry('pJ/bit', { total: 3.5 }, '3.5 pJ/bit (QMC gives read energy only; write assumed equal)', `${qmc} [estimate for writes]`, true),
      },
      backgroundW: background,
    };
  }
  return {
    name: 'idd-micron-8gb',
    perAction: {
      ...common,
      act: entry('pJ/command', { vdd2h: actCore }, 'VDD2H × [IDD0·tRC − IDD3N·tRAS − IDD2N·(tRC − tRAS)]', `orin-lpddr5.md C.4 (563 pJ at tRC 61.25 ns, tRAS 42.5 ns); ${src}`, true),
      rd: entry('pJ/command', { vdd2h: I.VDD2H * (I.IDD4R - I.IDD3N) * tBL, vdd1: I.VDD1 * I.IDD4R_VDD1 * tBL },
        'VDD2H × (IDD4R − IDD3N) × tBL + VDD1 × IDD4R(VDD1) × tBL', `orin-lpddr5.md C.4 (874 pJ per BL16 on VDD2H; VDD1 is an upper bound); ${src}`, true),
      wr: entry('pJ/command', { vdd2h: I.VDD2H * (I.IDD4W - I.IDD3N) * tBL }, 'VDD2H × (IDD4W − IDD3N) × tBL', `orin-lpddr5.md C.4 (711 pJ per BL16); ${src}`, true),
      readBits: entry('pJ/bit', { vddq: (I.VDDQ * I.IDD4RQ_VDDQ * tBL) / burstBits }, 'VDDQ × IDD4RQ × tBL / bits per burst', `orin-lpddr5.md C.4 (~0.52 pJ/bit); ${src}`, true),
      writeBits: entry('pJ/bit', {}, 'write DQ driven by the controller; DRAM-side termination not modelled', 'no IDD for write I/O in C.3(a) [estimate: 0]', true),
    },
    backgroundW: background,
  };
}
