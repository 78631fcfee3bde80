/**
 * The noise-model kinds as plain data (what YAML `noise: { type: ... }` resolves to), their named
 * presets, and dispatch to confusion matrices, per-bit rates and AccessNoise. Presets cite
 * qmc-paper.md §6 (NVMExplorer nvmFI level sets) or are marked estimates in their model files.
 */
import { gaussianConfusion, NVMEXPLORER_2BIT, NVMEXPLORER_3BIT, type GaussianLevelParams } from './gaussian-levels.js';
import { levelStepConfusion, withStuckAt, type ConfusionMatrix, type LevelStepParams, type StuckAtParams } from './confusion.js';
import { levelToPattern, popcount, type LevelCoding } from './cell-encoding.js';
import { MTJ_DEFAULTS, mtjBitErrorProbability, type MtjParams } from './mtj-switching.js';
import { SRAM_DEFAULTS, sramBitFailureProbability, type SramLowVoltageParams } from './sram-lowvoltage.js';
import { DRAM_RETENTION_DEFAULTS, dramRetentionErrorProbability, type DramRetentionParams } from './dram-retention.js';
import { bitFlipAccessNoise, mlcAccessNoise, NO_NOISE, type AccessNoise } from './access-noise.js';

/** Options shared by the multi-level kinds. */
export interface MlcCommon {
  /** Level coding of the stored bits. Default 'binary'. */
  readonly levelCoding?: LevelCoding;
  /** Level occupancy weights for averaged rates (uniform by default). */
  readonly occupancy?: readonly number[];
}

export type GaussianLevelsSpec = { readonly kind: 'gaussian-levels' } & GaussianLevelParams & MlcCommon;
export type LevelStepSpec = { readonly kind: 'level-step'; readonly stuckAt?: StuckAtParams } & LevelStepParams & MlcCommon;
export type SttMramSpec = { readonly kind: 'stt-mram' } & Partial<MtjParams>;
export type SramSpec = { readonly kind: 'sram-lowvoltage' } & Partial<SramLowVoltageParams>;
export type DramRetentionSpec = { readonly kind: 'dram-retention' } & Partial<DramRetentionParams>;
export type BitFlipSpec = { readonly kind: 'bit-flip'; readonly pBit: number };
export type NoneSpec = { readonly kind: 'none' };

/** Every noise model kind. */
export type NoiseModelSpec =
  | GaussianLevelsSpec | LevelStepSpec | SttMramSpec | SramSpec | DramRetentionSpec | BitFlipSpec | NoneSpec;

/** True for the kinds defined per multi-level cell (confusion matrix over levels). */
export function isMlcModel(m: NoiseModelSpec): m is GaussianLevelsSpec | LevelStepSpec {
  return m.kind === 'gaussian-levels' || m.kind === 'level-step';
}

/** Per-level (p₋, p₊) of NVMExplorer's 3-bit set as listed in qmc-paper.md §6 (typed from the table). */
export const NVMEXPLORER_3BIT_STEPS: LevelStepParams = {
  levels: 8,
  pDown: [0, 2.4e-4, 2.8e-3, 2.5e-3, 2.9e-3, 3.1e-4, 6.3e-3, 2.3e-4],
  pUp: [1.5e-4, 1.1e-3, 2.2e-3, 4.0e-3, 2.8e-4, 4.5e-3, 3.1e-3, 0],
};

/** Named presets. */
export const noisePresets: Readonly<Record<string, NoiseModelSpec>> = {
  'nvmexplorer-2bit': { kind: 'gaussian-levels', ...NVMEXPLORER_2BIT },
  'nvmexplorer-3bit': { kind: 'gaussian-levels', ...NVMEXPLORER_3BIT },
  'nvmexplorer-3bit-steps': { kind: 'level-step', ...NVMEXPLORER_3BIT_STEPS },
  'stt-mram-default': { kind: 'stt-mram', ...MTJ_DEFAULTS },
  'sram-default': { kind: 'sram-lowvoltage', ...SRAM_DEFAULTS },
  'lpddr5-retention': { kind: 'dram-retention', ...DRAM_RETENTION_DEFAULTS },
  'none': { kind: 'none' },
};

/** Look up a preset by name; throws a one-line error listing the names. */
export function noisePreset(name: string): NoiseModelSpec {
  const p = noisePresets[name];
  if (p === undefined) {
    throw new RangeError(`unknown noise preset '${name}'; expected one of ${Object.keys(noisePresets).join(', ')}`);
  }
  return p;
}

/**
 * Names of the presets (registry order) whose model fits cells of `bitsPerCell` bits: multi-level
 * models with that many bits per cell, then per-bit models ('none' left out), or only the per-bit
 * models of `kinds` when given. Advice in cell-mismatch errors is built from this, not from literals.
 */
export function noisePresetsFitting(bitsPerCell: number, kinds?: readonly NoiseModelSpec['kind'][]): string[] {
  const entries = Object.entries(noisePresets);
  const mlc = entries.filter(([, m]) => isMlcModel(m) && modelBitsPerCell(m) === bitsPerCell);
  const perBit = entries.filter(([, m]) => !isMlcModel(m) && m.kind !== 'none' && (kinds === undefined || kinds.includes(m.kind)));
  return [...(kinds === undefined ? mlc : []), ...perBit].map(([name]) => name);
}

/** Per-bit error probability of the bitwise kinds (0 for 'none'). */
export function bitErrorProbability(m: NoiseModelSpec): number {
  switch (m.kind) {
    case 'stt-mram': return mtjBitErrorProbability({ ...MTJ_DEFAULTS, ...m });
    case 'sram-lowvoltage': return sramBitFailureProbability({ ...SRAM_DEFAULTS, ...m });
    case 'dram-retention': return dramRetentionErrorProbability({ ...DRAM_RETENTION_DEFAULTS, ...m });
    case 'bit-flip': return m.pBit;
    case 'none': return 0;
    default: throw new RangeError(`noise model '${m.kind}' is per cell, not per bit`);
  }
}

/** Independent flips of each stored bit of a b-bit cell as a level-confusion matrix. */
export function bitFlipConfusion(pBit: number, bitsPerCell: number, coding: LevelCoding): ConfusionMatrix {
  const L = 2 ** bitsPerCell;
  const p = new Float64Array(L * L);
  for (let i = 0; i < L; i++) {
    let off = 0;
    for (let j = 0; j < L; j++) {
      if (j === i) continue;
      const h = popcount(levelToPattern(i, coding) ^ levelToPattern(j, coding));
      const v = pBit ** h * (1 - pBit) ** (bitsPerCell - h);
      p[i * L + j] = v;
      off += v;
    }
    p[i * L + i] = 1 - off;
  }
  return { levels: L, p };
}

/** Level-confusion matrix of any model for cells of `bitsPerCell` bits. */
export function modelConfusion(m: NoiseModelSpec, bitsPerCell: number, coding: LevelCoding): ConfusionMatrix {
  let cm: ConfusionMatrix;
  if (m.kind === 'gaussian-levels') cm = gaussianConfusion(m);
  else if (m.kind === 'level-step') cm = m.stuckAt === undefined ? levelStepConfusion(m) : withStuckAt(levelStepConfusion(m), m.stuckAt);
  else return bitFlipConfusion(bitErrorProbability(m), bitsPerCell, coding);
  if (cm.levels !== 2 ** bitsPerCell) {
    throw new RangeError(`noise model '${m.kind}' has ${cm.levels} levels but cells hold ${bitsPerCell} bits (${2 ** bitsPerCell} levels)`);
  }
  return cm;
}

/** Bits per cell implied by a multi-level model. */
export function modelBitsPerCell(m: GaussianLevelsSpec | LevelStepSpec): number {
  const L = m.kind === 'gaussian-levels' ? m.means.length : m.levels;
  const b = Math.round(Math.log2(L));
  // Cells hold 1..8 bits (cell-encoding.ts); a larger count also sized an L×L matrix (2^20 levels:
  // 'Invalid typed array length: 1099511627776' instead of naming the key).
  if (2 ** b !== L || b < 1 || b > 8) throw new RangeError(`noise model '${m.kind}': levels must be a power of 2 from 2 to 256 (cells of 1 to 8 bits), found ${L}`);
  return b;
}

/**
 * Parameters (spec key, YAML key) whose default is an estimate (descriptors.ts marks them), per
 * bitwise kind. The MLC kinds' estimate-flagged terms default to off, so a non-zero value is the
 * user's; their level sets are sourced (qmc-paper.md §6).
 */
const ESTIMATED_DEFAULTS: Readonly<Record<string, readonly (readonly [string, string, unknown])[]>> = {
  'stt-mram': [
    ['thermalStability', 'thermalStability', MTJ_DEFAULTS.thermalStability],
    ['readCurrentRatio', 'readCurrentRatio', MTJ_DEFAULTS.readCurrentRatio],
    ['timeSinceWriteSeconds', 'timeSinceWrite', MTJ_DEFAULTS.timeSinceWriteSeconds],
  ],
  'stt-mram+write': [
    ['writeCurrentRatio', 'writeCurrentRatio', MTJ_DEFAULTS.writeCurrentRatio],
    ['writePulseSeconds', 'writePulse', MTJ_DEFAULTS.writePulseSeconds],
    ['precessionTimeSeconds', 'precessionTime', MTJ_DEFAULTS.precessionTimeSeconds],
  ],
  'sram-lowvoltage': [['vdd', 'vdd', SRAM_DEFAULTS.vdd], ['v50', 'v50', SRAM_DEFAULTS.v50], ['sigmaV', 'sigmaV', SRAM_DEFAULTS.sigmaV]],
  'dram-retention': [
    ['medianRetentionSeconds', 'medianRetention', DRAM_RETENTION_DEFAULTS.medianRetentionSeconds],
    ['sigmaLn', 'sigmaLn', DRAM_RETENTION_DEFAULTS.sigmaLn],
  ],
};

/** 'noise.<key>' for every parameter of `m` still at an estimated default (a missing key is the default). */
export function noiseModelEstimates(m: NoiseModelSpec): string[] {
  const groups = m.kind === 'stt-mram' && m.includeWriteErrors === true ? ['stt-mram', 'stt-mram+write'] : [m.kind];
  const out: string[] = [];
  const spec = m as unknown as Readonly<Record<string, unknown>>;
  for (const g of groups) {
    for (const [key, yaml, dflt] of ESTIMATED_DEFAULTS[g] ?? []) {
      const v = spec[key];
      if (v === undefined || v === dflt) out.push(`noise.${yaml}`);
    }
  }
  return out.sort();
}

/** The AccessNoise a device attaches for a model (per-cell for MLC kinds, per-bit otherwise). */
export function accessNoiseFor(m: NoiseModelSpec): AccessNoise {
  if (m.kind === 'none') return NO_NOISE;
  if (isMlcModel(m)) {
    const coding = m.levelCoding ?? 'binary';
    return mlcAccessNoise(modelConfusion(m, modelBitsPerCell(m), coding), coding, `${m.kind} ${coding}`, m.occupancy);
  }
  const p = bitErrorProbability(m);
  return bitFlipAccessNoise(p, `${m.kind} p=${p.toExponential(3)}`, noiseModelEstimates(m));
}

/** STT-MRAM per-read noise (read disturb ⊕ retention ⊕ optional write errors); defaults fill gaps. */
export function mtjAccessNoise(p: Partial<MtjParams> = {}): AccessNoise {
  return accessNoiseFor({ kind: 'stt-mram', ...p });
}

/** SRAM low-voltage per-read noise. */
export function sramAccessNoise(p: Partial<SramLowVoltageParams> = {}): AccessNoise {
  return accessNoiseFor({ kind: 'sram-lowvoltage', ...p });
}

/** LPDDR5 retention per-read noise. */
export function dramRetentionAccessNoise(p: Partial<DramRetentionParams> = {}): AccessNoise {
  return accessNoiseFor({ kind: 'dram-retention', ...p });
}

/** MLC ReRAM per-read noise from Gaussian levels, level coding and optional level occupancy. */
export function gaussianLevelsAccessNoise(p: GaussianLevelParams, levelCoding: LevelCoding = 'binary',
  occupancy?: readonly number[]): AccessNoise {
  return accessNoiseFor({ kind: 'gaussian-levels', ...p, levelCoding, ...(occupancy !== undefined ? { occupancy } : {}) });
}

/** MLC per-read noise from QMC's direct per-level (p₋, p₊) form. */
export function levelStepAccessNoise(p: LevelStepParams, levelCoding: LevelCoding = 'binary',
  occupancy?: readonly number[]): AccessNoise {
  return accessNoiseFor({ kind: 'level-step', ...p, levelCoding, ...(occupancy !== undefined ? { occupancy } : {}) });
}
