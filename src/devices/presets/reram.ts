/**
 * ReRAM presets. QMC Table 1 (22 nm, 3-bit MLC): 1.8 GiB/s per 256×256 array, < 5 ns read,
 * 1.56 pJ/bit read, 30.1 Mb/mm² (read as binary megabits, Mib). The 2-bit and 1-bit modes are derived from the 3-bit figures by
 * the sensing model (sensing.ts): sequential references, latency = base + (L-1) × step, array
 * bandwidth ∝ bits per cell / sense latency, read energy ∝ comparisons per bit, density ∝ bits per
 * cell — all derived, hence estimates. A QMC preset given another bitsPerCell is that mode's preset
 * (rederive). NVMExplorer tentpoles (lpentecost/NVMExplorer, AE_dnn_output/RRAM_1BPC-combined.csv;
 * cells RRAM_best_case.cell / RRAM_worst_case.cell) are SLC: at 2 or 3 bits they need the per-mode figures given.
 */
import type { ReramParams } from '../nvm/reram.js';
import type { DevicePreset, SourcedValue } from './param-spec.js';
import { DeviceParamError } from '../param-error.js';

const QMC = 'QMC (arXiv 2601.14549) Table 1';
const NVMX_AE = 'NVMExplorer AE_dnn_output/RRAM_1BPC-combined.csv';
const BASE_NS = 1.5;
const STEP_NS = 0.45;
const fmt = (v: number): string => String(Number(v.toPrecision(5)));
const senseNs = (b: number): number => BASE_NS + ((1 << b) - 1) * STEP_NS;
/** Energy of one reference comparison, from 1.56 pJ/bit × 3 bit / 7 comparisons (3-bit sequential). */
const E_CMP = (1.56 * 3) / 7;

const SHARED = {
  channels: {
    value: 2, estimate: true,
    source: 'QMC §4 RECON: the paper\'s latency claim needs ≈ 170 arrays in parallel at the LPDDR5 peak (QMC §7: array parallelism unknown); '
      + 'this preset: 2 × 5 × 17 = 170. The QMC study SoCs (configs/soc/orin-agx-qmc.yaml) set 2 × 6 × 13 = 156, from the achieved LPDDR5 bandwidth',
  },
  banksPerChannel: { value: 5, source: 'see channels', estimate: true },
  arraysPerBank: { value: 17, source: 'see channels', estimate: true },
  arrayRows: { value: 256, source: QMC },
  arrayCols: { value: 256, source: QMC },
  interleave: { value: '64 B', source: 'QMC §3: ReRAM memory bus with a 64-byte IO' },
  channelBandwidth: { value: '0 B/s', source: 'not modelled in the device: the 3.3 GHz × 64 B off-chip bus (QMC §3) belongs to the SoC model' },
  sensing: { value: 'sequential', source: 'model choice (sensing.ts): worst-case sequential reference walk; binary sensing (b comparisons) is priced at b/(2^b − 1) of readEnergy', estimate: true },
  parallelCells: { value: 64, source: 'modelling choice: write drivers per array', estimate: true },
  leakagePower: { value: '0 W', source: 'QMC gives none; non-volatile arrays power-gated when idle', estimate: true },
  queueDepth: { value: 32, source: 'modelling choice: per-bank request queue (≥ arrays per bank)', estimate: true },
  programPulse: { value: '5 ns', source: 'NVMExplorer RRAM_best_case.cell SET pulse 5 ns, used as the MLC program pulse', estimate: true },
  programPulseEnergy: { value: '0.777 pJ', source: `${NVMX_AE}: RRAM_best_case.cell 49.729 pJ per 64-bit write, taken per cell pulse`, estimate: true },
} as const;

const ITER: Record<1 | 2 | 3, readonly [number, number, number]> = { 1: [1, 0.8, 8], 2: [1, 0.5, 12], 3: [2, 0.3, 20] };

const isMode = (b: unknown): b is 1 | 2 | 3 => b === 1 || b === 2 || b === 3;

/**
 * QMC ReRAM in 1-, 2- or 3-bit-per-cell mode (3-bit = QMC Table 1; others derived). Given another
 * bitsPerCell it re-derives as that mode's preset (capacity, bandwidth, energies, density, verify),
 * so `preset: qmc-reram-2bit, bitsPerCell: 3` is qmc-reram-3bit; other overrides still win.
 */
export function qmcReramMode(bits: 1 | 2 | 3): DevicePreset<ReramParams> {
  const is3 = bits === 3;
  const d = (v: string, how: string): SourcedValue => (is3 ? { value: v, source: QMC } : { value: v, source: `derived from ${QMC} 3-bit figure: ${how}`, estimate: true });
  const [iMin, iP, iMax] = ITER[bits];
  const verifyCmp = Math.min(2, (1 << bits) - 1);
  return {
    name: `qmc-reram-${bits}bit`,
    type: 'reram',
    summary: `MLC ReRAM as in QMC Table 1, ${bits}-bit-per-cell mode${is3 ? '' : ' (derived from the 3-bit figures)'}`,
    rederive: (o) => (isMode(o.bitsPerCell) && o.bitsPerCell !== bits ? qmcReramMode(o.bitsPerCell) : undefined),
    params: {
      ...SHARED,
      capacity: { value: `${128 * bits} MiB`, source: `derived: QMC §3 ReRAM area 100.65 mm² × 30.1 Mib/mm² ≈ 379 MiB in 3-bit mode, rounded up to 384 MiB; same cells at ${bits} bit/cell`, estimate: true },
      bitsPerCell: { value: bits, source: is3 ? QMC : 'mode of the same cells' },
      arrayBandwidth: d(`${fmt(1.8 * (bits / 3) * (senseNs(3) / senseNs(bits)))} GiB/s`, '1.8 GiB/s × (b/3) × tSense(3)/tSense(b)'),
      senseBase: { value: `${BASE_NS} ns`, source: 'split of QMC Table 1 "< 5 ns" read: 1.5 ns decode/settle + 7 × 0.45 ns = 4.65 ns in 3-bit mode', estimate: true },
      senseStep: { value: `${STEP_NS} ns`, source: 'see senseBase', estimate: true },
      verifyRead: { value: `${fmt(BASE_NS + verifyCmp * STEP_NS)} ns`, source: `derived: base + ${verifyCmp} comparisons (target window bounds)`, estimate: true },
      iterationsMin: { value: iMin, source: 'program-and-verify round model; MLC needs more rounds than SLC (no figure in QMC)', estimate: true },
      iterationSuccessProbability: { value: iP, source: 'see iterationsMin', estimate: true },
      iterationsMax: { value: iMax, source: 'see iterationsMin', estimate: true },
      readEnergy: d(`${fmt((E_CMP * ((1 << bits) - 1)) / bits)} pJ/bit`, 'comparison energy 1.56 × 3/7 pJ × (2^b − 1)/b'),
      verifyEnergy: { value: `${fmt(E_CMP * verifyCmp)} pJ`, source: `derived: ${verifyCmp} comparisons × 1.56 × 3/7 pJ`, estimate: true },
      // Table 1's Mb read as binary megabits: the reading under which the paper's own areas follow from its densities (experiments/qmc/study.yaml)
      density: is3 ? { value: '30.1 Mib/mm^2', source: `${QMC}, 30.1 Mb/mm² read as binary megabits` } : d(`${fmt(30.1 * (bits / 3))} Mib/mm^2`, '30.1 Mb/mm² (binary megabits) × b/3'),
    },
  };
}

const SLC_TENTPOLE = {
  ...SHARED,
  capacity: { value: '128 MiB', source: 'same cell count as the QMC 3-bit preset at 1 bit/cell', estimate: true },
  bitsPerCell: { value: 1, source: 'NVMExplorer tentpoles are SLC (1BPC)' },
  arrayBandwidth: { value: '1.8 GiB/s', source: `${QMC}: organisation held at QMC's so only cell figures differ`, estimate: true },
  senseStep: { value: '0 ns', source: 'SLC: the single comparison is inside the NVSim read latency' },
  verifyRead: { value: '0 ns', source: 'NVSim/NVMExplorer model a single write pulse without verify' },
  iterationsMin: { value: 1, source: 'NVSim/NVMExplorer single-pulse write' },
  iterationSuccessProbability: { value: 1, source: 'NVSim/NVMExplorer single-pulse write' },
  iterationsMax: { value: 1, source: 'NVSim/NVMExplorer single-pulse write' },
  verifyEnergy: { value: '0 pJ', source: 'no verify in the NVSim write model' },
} as const;

/** Parameters an SLC tentpole needs given when used at 2 or 3 bits per cell (its figures are 1-bit ones). */
const PER_MODE = ['arrayBandwidth', 'readEnergy', 'density', 'senseStep'] as const;

/**
 * Refuses an SLC tentpole at another bitsPerCell unless every per-mode figure (PER_MODE) is given:
 * NVSim's array results are single-level and no source gives their MLC counterparts.
 */
function slcOnly(name: string): (o: Readonly<Record<string, unknown>>) => undefined {
  return (o) => {
    const b = o.bitsPerCell;
    if (b === undefined || b === 1) return undefined;
    const missing = PER_MODE.filter((k) => o[k] === undefined);
    if (missing.length === 0) return undefined;
    const use = isMode(b) ? `use preset qmc-reram-${b}bit for ${b}-bit cells, or ` : '';
    throw new DeviceParamError('bitsPerCell', `preset ${name} has bitsPerCell 1 (NVMExplorer SLC figures) and no ${String(b)}-bit derivation: ${use}also give ${missing.join(', ')} for ${String(b)} bit/cell`, undefined, ['preset']);
  };
}

/** NVMExplorer optimistic ReRAM tentpole (RRAM_best_case.cell: 53 F², 0.4 V read, 5 ns SET). */
export const nvmexplorerReramOptimistic: DevicePreset<ReramParams> = {
  name: 'nvmexplorer-reram-optimistic',
  type: 'reram',
  summary: 'NVMExplorer optimistic ReRAM tentpole (SLC, 22 nm 2 MB NVSim array results), QMC organisation',
  rederive: slcOnly('nvmexplorer-reram-optimistic'),
  params: {
    ...SLC_TENTPOLE,
    senseBase: { value: '0.848789 ns', source: `${NVMX_AE}, RRAM_best_case.cell read latency` },
    programPulse: { value: '5.51 ns', source: `${NVMX_AE}, RRAM_best_case.cell write latency` },
    readEnergy: { value: '0.17420 pJ/bit', source: `${NVMX_AE}, RRAM_best_case.cell 11.149 pJ per 64-bit read` },
    programPulseEnergy: { value: '0.77702 pJ', source: `${NVMX_AE}, RRAM_best_case.cell 49.729 pJ per 64-bit write` },
    leakagePower: { value: '2.8421 W', source: `derived: ${NVMX_AE} 44.408 mW per 2 MB array × 64 arrays (128 MiB)`, estimate: true },
    density: { value: '26.264 Mb/mm^2', source: `derived: ${NVMX_AE}, 2 MB (16.78 Mb) in 0.6388 mm²` },
  },
};

/** NVMExplorer pessimistic ReRAM tentpole (RRAM_worst_case.cell: 4 F², 0.7 V read, 100 µs SET/RESET). */
export const nvmexplorerReramPessimistic: DevicePreset<ReramParams> = {
  name: 'nvmexplorer-reram-pessimistic',
  type: 'reram',
  summary: 'NVMExplorer pessimistic ReRAM tentpole (SLC; NVSim gave no array result for this cell, array figures estimated)',
  rederive: slcOnly('nvmexplorer-reram-pessimistic'),
  params: {
    ...SLC_TENTPOLE,
    senseBase: { value: '5 ns', source: `estimate: ${NVMX_AE} has no array result for RRAM_worst_case.cell (-1); QMC's 5 ns bound used`, estimate: true },
    programPulse: { value: '100 us', source: 'NVMExplorer RRAM_worst_case.cell SET/RESET pulse 100000 ns' },
    readEnergy: { value: '0.5335 pJ/bit', source: 'derived: optimistic 0.17420 pJ/bit × (0.7 V / 0.4 V)² read-voltage scaling', estimate: true },
    programPulseEnergy: { value: '0.6 pJ', source: 'NVMExplorer RRAM_worst_case.cell SET/RESET energy 0.6 pJ' },
    leakagePower: { value: '2.8421 W', source: 'no array result; optimistic tentpole figure reused', estimate: true },
    density: { value: '10.033 Mib/mm^2', source: 'no array result; QMC 30.1 Mb/mm² (binary megabits) scaled to 1 bit/cell', estimate: true },
  },
};

export const reramPresets = [
  qmcReramMode(3), qmcReramMode(2), qmcReramMode(1), nvmexplorerReramOptimistic, nvmexplorerReramPessimistic,
] as const;
