/**
 * SRAM presets. One 2 MB macro from NVMExplorer's SRAM reference (lpentecost/NVMExplorer,
 * AE_dnn_output/SRAM_1BPC-combined.csv: 22 nm, 64-bit word, 146 F² cell, NVSim results:
 * 3.676 ns read, 3.67 ns write, 4.606 / 2.565 pJ per access, 66.9 mW leakage, 1.387 mm²).
 * Banking, ports and clock are not in that source and are estimates.
 */
import type { SramParams } from '../sram/sram.js';
import type { DevicePreset } from './param-spec.js';

const NVMX = 'NVMExplorer AE_dnn_output/SRAM_1BPC-combined.csv (22 nm, 2 MB, 64-bit word)';

/** 2 MB SRAM scratchpad after NVMExplorer's SRAM reference array. */
export const nvmexplorerSram2mb: DevicePreset<SramParams> = {
  name: 'nvmexplorer-sram-2mb',
  type: 'sram',
  summary: '2 MB SRAM macro (NVMExplorer 22 nm reference array; banking and clock estimated)',
  params: {
    capacity: { value: '2 MiB', source: NVMX },
    banks: { value: 8, source: 'modelling choice', estimate: true },
    portsPerBank: { value: 1, source: 'modelling choice: single-ported 6T macro', estimate: true },
    width: { value: '8 B', source: `${NVMX}: 64-bit word` },
    clock: { value: '1 GHz', source: 'modelling choice', estimate: true },
    readLatencyCycles: { value: 4, source: `derived: ${NVMX} read latency 3.676 ns at the estimated 1 GHz clock, rounded up`, estimate: true },
    writeLatencyCycles: { value: 4, source: `derived: ${NVMX} write latency 3.67 ns at the estimated 1 GHz clock, rounded up`, estimate: true },
    readEnergy: { value: '4.606 pJ', source: `${NVMX} read energy per 64-bit access` },
    writeEnergy: { value: '2.565 pJ', source: `${NVMX} write energy per 64-bit access` },
    leakagePower: { value: '66.9 mW', source: `${NVMX} leakage power` },
    queueDepth: { value: 16, source: 'modelling choice: per-bank request queue', estimate: true },
  },
};

export const sramPresets = [nvmexplorerSram2mb] as const;
