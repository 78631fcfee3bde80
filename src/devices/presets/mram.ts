/**
 * STT-MRAM presets. QMC Table 1 (5 nm chiplet): 3.5 ns read, 36.57 GiB/s per channel, 1 pJ/bit read,
 * 66 Mb/mm² (read as binary megabits, Mib). QMC gives no write figures, channel count or banking: those are taken from NVMExplorer
 * (Pentecost et al., lpentecost/NVMExplorer, AE_dnn_output/STT_1BPC-combined.csv and
 * EducationalTutorial/STT_1BPC-combined.csv: 22 nm, 64-bit word, NVSim array results) or estimated.
 * NVMExplorer tentpoles (optimistic = STT_best_case.cell, pessimistic = STT_worst_case.cell, 2 MB
 * arrays) replace the cell-level figures; channel organisation is held at QMC's so only the
 * technology differs.
 */
import type { SttMramParams } from '../nvm/stt-mram.js';
import type { DevicePreset } from './param-spec.js';

const QMC = 'QMC (arXiv 2601.14549) Table 1';
const NVMX_AE = 'NVMExplorer AE_dnn_output/STT_1BPC-combined.csv';
const ORG = {
  capacity: { value: '288 MiB', source: 'derived: Hymba-1.5B outliers, 1.51e9 × 0.3 × 5 bit ≈ 283 MB (QMC §3-4), rounded up', estimate: true },
  channels: { value: 6, source: 'QMC §4 RECON: ρ sweep puts the MRAM bottleneck at ρ = 0.4 with ≈ 6 channels (QMC §7: channel count unknown)', estimate: true },
  banksPerChannel: { value: 8, source: 'modelling choice: enough banks to hide the 3.5 ns read behind the channel bus', estimate: true },
  granule: { value: '64 B', source: 'modelling choice: 64 B transfers as on the QMC memory bus (QMC §3)', estimate: true },
  channelBandwidth: { value: '36.57 GiB/s', source: QMC },
  queueDepth: { value: 32, source: 'modelling choice: per-channel request queue', estimate: true },
} as const;

/** QMC Table 1 STT-MRAM (outlier store). */
export const qmcMram: DevicePreset<SttMramParams> = {
  name: 'qmc-mram',
  type: 'stt-mram',
  summary: 'STT-MRAM as in QMC Table 1 (5 nm UCIe chiplet, 36.57 GiB/s per channel, 3.5 ns, 1 pJ/bit)',
  params: {
    ...ORG,
    readLatency: { value: '3.5 ns', source: QMC },
    writeLatency: { value: '10.967 ns', source: 'NVMExplorer EducationalTutorial/STT_1BPC-combined.csv, STT_default.cell (10 ns pulse, 22 nm, 1 MB) array write latency; QMC gives none', estimate: true },
    readEnergy: { value: '1 pJ/bit', source: QMC },
    writeEnergy: { value: '1.0667 pJ/bit', source: 'NVMExplorer STT_default.cell array write energy 68.267 pJ per 64-bit word; QMC gives none', estimate: true },
    leakagePower: { value: '0 W', source: 'QMC: leakage near zero (non-volatile, power-gated periphery); no figure given', estimate: true },
    density: { value: '66 Mib/mm^2', source: `${QMC}, 66 Mb/mm² read as binary megabits (the reading under which the paper's own areas follow from its densities; experiments/qmc/study.yaml)` },
  },
};

/** NVMExplorer optimistic STT-MRAM tentpole (STT_best_case.cell: 14 F², 2 ns / 0.6 pJ write pulse). */
export const nvmexplorerMramOptimistic: DevicePreset<SttMramParams> = {
  name: 'nvmexplorer-mram-optimistic',
  type: 'stt-mram',
  summary: 'NVMExplorer optimistic STT-MRAM tentpole (22 nm, 2 MB NVSim array results), QMC channel organisation',
  params: {
    ...ORG,
    readLatency: { value: '0.562962 ns', source: `${NVMX_AE}, STT_best_case.cell read latency` },
    writeLatency: { value: '2.385 ns', source: `${NVMX_AE}, STT_best_case.cell write latency` },
    readEnergy: { value: '0.11234 pJ/bit', source: `${NVMX_AE}, STT_best_case.cell 7.19 pJ per 64-bit read` },
    writeEnergy: { value: '0.71309 pJ/bit', source: `${NVMX_AE}, STT_best_case.cell 45.638 pJ per 64-bit write` },
    leakagePower: { value: '6.1214 W', source: `derived: ${NVMX_AE} 42.51 mW per 2 MB array × 144 arrays (288 MiB)`, estimate: true },
    density: { value: '58.1 Mb/mm^2', source: `derived: ${NVMX_AE}, 2 MB (16.78 Mb) in 0.28878 mm²` },
  },
};

/** NVMExplorer pessimistic STT-MRAM tentpole (STT_worst_case.cell: 75 F², 200 ns / 4.5 pJ write pulse). */
export const nvmexplorerMramPessimistic: DevicePreset<SttMramParams> = {
  name: 'nvmexplorer-mram-pessimistic',
  type: 'stt-mram',
  summary: 'NVMExplorer pessimistic STT-MRAM tentpole (22 nm, 2 MB NVSim array results), QMC channel organisation',
  params: {
    ...ORG,
    readLatency: { value: '0.885299 ns', source: `${NVMX_AE}, STT_worst_case.cell read latency` },
    writeLatency: { value: '200.595 ns', source: `${NVMX_AE}, STT_worst_case.cell write latency` },
    readEnergy: { value: '0.12359 pJ/bit', source: `${NVMX_AE}, STT_worst_case.cell 7.91 pJ per 64-bit read` },
    writeEnergy: { value: '4.6141 pJ/bit', source: `${NVMX_AE}, STT_worst_case.cell 295.301 pJ per 64-bit write` },
    leakagePower: { value: '3.3549 W', source: `derived: ${NVMX_AE} 23.298 mW per 2 MB array × 144 arrays (288 MiB)`, estimate: true },
    density: { value: '21.25 Mb/mm^2', source: `derived: ${NVMX_AE}, 2 MB (16.78 Mb) in 0.78941 mm²` },
  },
};

export const mramPresets = [qmcMram, nvmexplorerMramOptimistic, nvmexplorerMramPessimistic] as const;
