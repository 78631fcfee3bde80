/**
 * PluginDescriptors (interface 'NoiseModel') for every noise kind: YAML parameter names, dimensions,
 * defaults and sources, as printed by `qmcsim describe`. Canonical defaults live in the model files;
 * test/devices/noise checks that each default string parses to the same number.
 */
import type { ParamDoc, PluginDescriptor, Source } from '../../config/plugin.js';

const COD: ParamDoc = {
  name: 'levelCoding', kind: 'enum', values: ['binary', 'gray'], default: 'binary',
  description: 'Bit pattern per cell level (binary: level i holds i, natural value order; Gray: adjacent levels differ in one bit)', source: 'design choice',
};
const OCC: ParamDoc = {
  name: 'occupancy', kind: 'list', required: false,
  description: 'Level occupancy weights for averaged per-access rates (uniform when omitted)',
};
const SA: ParamDoc[] = [
  { name: 'stuckAt0', kind: 'ratio', default: 0, description: 'Fraction of cells stuck at the lowest level (SA0)', source: 'MNSIM Device_SAF form; rate is an estimate', estimate: true },
  { name: 'stuckAt1', kind: 'ratio', default: 0, description: 'Fraction of cells stuck at the highest level (SA1)', source: 'MNSIM Device_SAF form; rate is an estimate', estimate: true },
];
const NVMFI: Source = { source: 'qmc-paper.md §6 (NVMExplorer nvmFI level set)' };

/** MLC ReRAM: Gaussian conductance levels, density-crossing thresholds. */
export const gaussianLevelsDescriptor: PluginDescriptor = {
  interface: 'NoiseModel',
  type: 'gaussian-levels',
  summary: 'MLC levels as Gaussians on normalised conductance; analytic level-confusion matrix',
  params: [
    { name: 'means', kind: 'list', description: 'Level means on normalised conductance, increasing', source: NVMFI.source },
    { name: 'sigmas', kind: 'list', description: 'Level standard deviations (same length as means)', source: NVMFI.source },
    { name: 'levelSpreadScale', kind: 'number', default: 1, description: 'Multiplies every level σ (sweep knob)', source: 'design choice' },
    { name: 'programSigma', kind: 'number', default: 0, description: 'Extra programming-noise σ, added in quadrature', source: 'off by default', estimate: true },
    { name: 'readSigma', kind: 'number', default: 0, description: 'Per-read noise σ, added in quadrature', source: 'off by default', estimate: true },
    { name: 'driftNu', kind: 'number', default: 0, description: 'Drift exponent ν of G(t) = G0·(t/t0)^−ν', source: 'aihwkit PCM-style drift form; ReRAM ν is an estimate (off)', estimate: true },
    { name: 'driftNuSigma', kind: 'number', default: 0, description: 'Spread of ν between devices (widens levels by G·ln(t/t0)·σν)', source: 'aihwkit-style; estimate', estimate: true },
    { name: 'driftT0', kind: 'duration', default: '20 s', description: 'Reference time t0 after programming', source: 'aihwkit t_0 = 20 s' },
    { name: 'timeSinceProgram', kind: 'duration', default: '0 s', description: 'Time since programming when read (drift)', source: 'run condition' },
    { name: 'thresholdsTrackDrift', kind: 'boolean', default: false, description: 'Re-place read thresholds for drifted levels', source: 'design choice' },
    ...SA, COD, OCC,
  ],
  stats: { cellErrorProbability: '1', expectedErrorsPerBit: '1' },
  presets: { 'nvmexplorer-2bit': { source: `${NVMFI.source}, 2 bits/cell (≈8e-9 per cell)` },
    'nvmexplorer-3bit': { source: `${NVMFI.source}, 3 bits/cell (≈3.8e-3 per cell)` } },
};

/** QMC's direct per-level ±1 model. */
export const levelStepDescriptor: PluginDescriptor = {
  interface: 'NoiseModel',
  type: 'level-step',
  summary: "QMC's direct form: each level is read one level low (p₋) or high (p₊)",
  params: [
    { name: 'levels', kind: 'integer', description: 'Levels per cell (a power of 2 from 2 to 256)', source: 'qmc-paper.md §2' },
    { name: 'pDown', kind: 'list', description: 'p₋ per level, a list (a one-element list [p] applies to every level)', source: 'qmc-paper.md §2; values unknown (Fig. 2), preset from §6' },
    { name: 'pUp', kind: 'list', description: 'p₊ per level, a list (a one-element list [p] applies to every level)', source: 'qmc-paper.md §2; values unknown (Fig. 2), preset from §6' },
    ...SA, COD, OCC,
  ],
  presets: { 'nvmexplorer-3bit-steps': { source: 'qmc-paper.md §6 per-level (down, up) table of the 3-bit nvmFI set' } },
};

/** STT-MRAM per-bit read errors. */
export const sttMramDescriptor: PluginDescriptor = {
  interface: 'NoiseModel',
  type: 'stt-mram',
  summary: 'MTJ read disturb + retention (+ optional write errors) as independent per-bit flips',
  params: [
    { name: 'thermalStability', kind: 'number', default: 60, description: 'Thermal stability factor Δ = Eb/kT', source: 'typical 10-year-retention MTJ', estimate: true },
    { name: 'attemptTime', kind: 'duration', default: '1 ns', description: 'Attempt time τ0', source: 'Koch, Katine & Sun, PRL 92, 088302 (2004)' },
    { name: 'readCurrentRatio', kind: 'number', default: 0.3, description: 'Read current over critical current I_r/I_c0', source: 'typical sensing margin', estimate: true },
    { name: 'readPulse', kind: 'duration', default: '3.5 ns', description: 'Read pulse width', source: 'qmc-paper.md §3 Table 1 read latency' },
    { name: 'barrierExponent', kind: 'number', default: 1, description: 'β in Δ·(1 − I/Ic0)^β (1: Koch 2004; 2: perpendicular MTJs)', source: 'Koch et al. 2004' },
    { name: 'writeCurrentRatio', kind: 'number', default: 2, description: 'Write current over critical current', source: 'estimate', estimate: true },
    { name: 'writePulse', kind: 'duration', default: '10 ns', description: 'Write pulse width', source: 'estimate', estimate: true },
    { name: 'precessionTime', kind: 'duration', default: '1 ns', description: 'Precession time τ_D = (1+α²)/(αγμ0Hk)', source: 'Butler et al., IEEE TMAG 48(12), 2012 form; value estimate', estimate: true },
    { name: 'timeSinceWrite', kind: 'duration', default: '1 year', description: 'Time since the data were written (retention)', source: 'run condition', estimate: true },
    { name: 'includeWriteErrors', kind: 'boolean', default: false, description: 'Count write errors in the per-read rate', source: 'QMC treats MRAM as error-free' },
  ],
  presets: { 'stt-mram-default': { source: 'defaults above (estimates)', estimate: true } },
};

/** SRAM low-voltage bit-cell failures. */
export const sramLowVoltageDescriptor: PluginDescriptor = {
  interface: 'NoiseModel',
  type: 'sram-lowvoltage',
  summary: 'SRAM bit-cell failure vs supply voltage, Q((V − V50)/σV)',
  params: [
    { name: 'vdd', kind: 'voltage', default: '0.75 V', description: 'Supply voltage', source: 'estimate', estimate: true },
    { name: 'v50', kind: 'voltage', default: '0.2874 V', description: 'Voltage where half the cells fail', source: 'fit through 1e-3 @ 0.5 V and 1e-9 @ 0.7 V (estimate)', estimate: true },
    { name: 'sigmaV', kind: 'voltage', default: '0.06879 V', description: 'Spread of per-cell minimum voltage', source: 'same fit (estimate)', estimate: true },
  ],
  presets: { 'sram-default': { source: 'anchor fit, estimate', estimate: true } },
};

/** LPDDR5 retention errors. */
export const dramRetentionDescriptor: PluginDescriptor = {
  interface: 'NoiseModel',
  type: 'dram-retention',
  summary: 'LPDDR5 retention errors: P(lognormal retention time < refresh window)',
  params: [
    { name: 'refreshWindow', kind: 'duration', default: '32 ms', description: 'Refresh window tREFW', source: 'JEDEC JESD209-5 (LPDDR5) tREFW' },
    { name: 'medianRetention', kind: 'duration', default: '315.2 s', description: 'Median of the retention-time tail lognormal', source: 'fit to RAIDR (Liu et al., ISCA 2012) counts (estimate)', estimate: true },
    { name: 'sigmaLn', kind: 'number', default: 1.2301, description: 'σ of ln(retention time)', source: 'same fit (estimate)', estimate: true },
  ],
  presets: { 'lpddr5-retention': { source: 'RAIDR-fitted tail, estimate', estimate: true } },
};

/** Plain independent bit flips. */
export const bitFlipDescriptor: PluginDescriptor = {
  interface: 'NoiseModel',
  type: 'bit-flip',
  summary: 'Independent bit flips with a given probability',
  params: [{ name: 'pBit', kind: 'ratio', description: 'Flip probability per bit read', source: 'user' }],
};

/** No noise. */
export const noneDescriptor: PluginDescriptor = {
  interface: 'NoiseModel', type: 'none', summary: 'Error-free (zero draws)', params: [],
};

/** Every NoiseModel descriptor. */
export const noiseDescriptors: readonly PluginDescriptor[] = [
  gaussianLevelsDescriptor, levelStepDescriptor, sttMramDescriptor, sramLowVoltageDescriptor,
  dramRetentionDescriptor, bitFlipDescriptor, noneDescriptor,
];
