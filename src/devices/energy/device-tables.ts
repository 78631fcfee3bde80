/**
 * Energy tables derived from device parameters (per-bit / per-pulse / per-beat energies and leakage),
 * carrying each figure's source from the preset (or 'user configuration'). LPDDR5 tables are in
 * lpddr5-tables.ts.
 */
import type { Source } from '../../config/plugin.js';
import type { SttMramParams } from '../nvm/stt-mram.js';
import type { ReramParams } from '../nvm/reram.js';
import { senseEnergyFactor } from '../nvm/sensing.js';
import type { SramParams } from '../sram/sram.js';
import type { EnergyEntry, EnergyTable } from './energy-table.js';

/** Sources of parameters by name (from a preset); missing names are 'user configuration'. */
export type ParamSources = Readonly<Record<string, Source | undefined>>;

function entry(pj: number, per: string, src: Source | undefined): EnergyEntry {
  return { pj, per, source: src?.source ?? 'user configuration', ...(src?.estimate === true ? { estimate: true } : {}) };
}
const included = (what: string): EnergyEntry => ({ pj: 0, per: 'count', source: `included in ${what}` });

/** STT-MRAM: per-bit read/write energy, leakage. */
export function sttMramEnergyTable(p: SttMramParams, s: ParamSources, name: string): EnergyTable {
  return {
    name, kind: 'stt-mram',
    actions: {
      read: included('readBits'), write: included('writeBits'),
      readBits: entry(p.readEnergy, 'bit', s.readEnergy),
      writeBits: entry(p.writeEnergy, 'bit', s.writeEnergy),
    },
    background: { watts: p.leakagePower, source: s.leakagePower?.source ?? 'user configuration', ...(s.leakagePower?.estimate === true ? { estimate: true } : {}) },
  };
}

/**
 * ReRAM read bits: the per-bit read energy, which prices all 2^b − 1 reference comparisons of a cell,
 * scaled to the comparisons the sensing scheme makes (binary: b/(2^b − 1); sensing.ts). The scaled
 * figure is derived by our energy-∝-comparisons model, hence an estimate whatever readEnergy's source.
 */
function reramReadBits(p: ReramParams, s: ParamSources): EnergyEntry {
  const k = senseEnergyFactor(p.bitsPerCell, p.sensing);
  const e = entry(p.readEnergy, 'bit', s.readEnergy);
  if (k === 1) return e;
  const all = (1 << p.bitsPerCell) - 1;
  return {
    pj: p.readEnergy * k, per: 'bit', estimate: true,
    source: `derived: readEnergy (${e.source}) × ${p.bitsPerCell}/${all}: ${p.sensing} sensing makes ${p.bitsPerCell} of the ${all} reference comparisons per cell it prices (read energy ∝ comparisons, sensing.ts)`,
  };
}

/** ReRAM: per-bit read energy of the mode and sensing scheme; writes priced per cell pulse and per cell verify. */
export function reramEnergyTable(p: ReramParams, s: ParamSources, name: string): EnergyTable {
  return {
    name, kind: 'reram',
    actions: {
      read: included('readBits'), write: included('programPulses and verifyReads'),
      readBits: reramReadBits(p, s),
      writeBits: included('programPulses and verifyReads'),
      cellReads: included('readBits'), senseComparisons: included('readBits'),
      programPulses: entry(p.programPulseEnergy, 'cell pulse', s.programPulseEnergy),
      verifyReads: entry(p.verifyEnergy, 'cell verify', s.verifyEnergy),
      programGroups: included('programPulses'),
    },
    background: { watts: p.leakagePower, source: s.leakagePower?.source ?? 'user configuration', ...(s.leakagePower?.estimate === true ? { estimate: true } : {}) },
  };
}

/** SRAM: per-beat read/write energy, leakage. */
export function sramEnergyTable(p: SramParams, s: ParamSources, name: string): EnergyTable {
  return {
    name, kind: 'sram',
    actions: {
      read: included('readBeats'), write: included('writeBeats'),
      readBits: included('readBeats'), writeBits: included('writeBeats'),
      readBeats: entry(p.readEnergy, 'beat', s.readEnergy),
      writeBeats: entry(p.writeEnergy, 'beat', s.writeEnergy),
    },
    background: { watts: p.leakagePower, source: s.leakagePower?.source ?? 'user configuration', ...(s.leakagePower?.estimate === true ? { estimate: true } : {}) },
  };
}
