/**
 * LPDDR5 energy priced two ways from the same counts: (1) QMC Table 1's flat 3.5 pJ/bit (device
 * read energy; commands, refresh and background folded in), and (2) the IDD-based per-command
 * table of the LPDDR5 model (src/devices/dram), adapted to our EnergyTable by `fromLpddr5Table`.
 */
import type { EnergyTable } from './energy-table.js';
import type { Lpddr5EnergyTable } from '../dram/lpddr5-energy.js';

const QMC = 'QMC (arXiv 2601.14549) Table 1';

/** LPDDR5 priced per bit as in QMC Table 1. */
export const lpddr5QmcTable: EnergyTable = {
  name: 'qmc-table1/lpddr5',
  kind: 'lpddr5',
  actions: {
    readBits: { pj: 3.5, per: 'bit', source: `${QMC}: 3.5 pJ/bit read` },
    writeBits: { pj: 3.5, per: 'bit', source: `${QMC} gives read energy only; write assumed equal`, estimate: true },
  },
  otherActions: { pj: 0, per: 'count', source: `included in the per-bit figure (${QMC} prices LPDDR5 per bit)` },
  background: { watts: 0, source: `${QMC}: per-bit figure only, background folded in`, estimate: true },
};

/**
 * Adapts the LPDDR5 model's IDD-based table to an EnergyTable. Standby power is already priced
 * per ps through the `activeStandbyPs` / `prechargeStandbyPs` actions, so `background` is 0 here;
 * row-buffer outcome counters are statistics, priced at 0.
 */
export function fromLpddr5Table(t: Lpddr5EnergyTable): EnergyTable {
  const actions: Record<string, { pj: number; per: string; source: string; estimate?: boolean }> = {};
  for (const name of Object.keys(t.perAction).sort()) {
    const e = t.perAction[name]!;
    actions[name] = { pj: e.pj, per: e.unit.replace('pJ/', ''), source: `${e.formula}; ${e.source}`, ...(e.estimate ? { estimate: true } : {}) };
  }
  for (const stat of ['rowHits', 'rowMisses', 'rowConflicts']) {
    if (actions[stat] === undefined) actions[stat] = { pj: 0, per: 'count', source: 'statistic (no energy of its own)' };
  }
  return {
    name: `lpddr5/${t.name}`,
    kind: 'lpddr5',
    actions,
    background: { watts: 0, source: 'standby power priced per ps by activeStandbyPs / prechargeStandbyPs' },
  };
}
