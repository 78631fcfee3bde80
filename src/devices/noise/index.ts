/**
 * Device noise models (MLC ReRAM Gaussian levels, QMC ±1-level form, STT-MRAM, SRAM low voltage,
 * LPDDR5 retention), per-access sampling for devices, per-tag tallies and code injection.
 * Public entry point of src/devices/noise.
 */
export { erf, erfc, normalCdf, normalSf, normalSfInverse } from './erf.js';
export {
  levelStepConfusion, withStuckAt, levelFaultRates, meanCellFaultProbability, normaliseOccupancy, rowSumError,
  type ConfusionMatrix, type LevelFaultRates, type LevelStepParams, type StuckAtParams,
} from './confusion.js';
export {
  crossing, crossingThreshold, readThresholds, effectiveLevels, gaussianConfusion, NVMEXPLORER_2BIT, NVMEXPLORER_3BIT,
  type LevelSet, type DriftParams, type GaussianLevelParams, type Crossing,
} from './gaussian-levels.js';
export {
  cellEncoding, levelToPattern, patternToLevel, popcount, valueLayout, codeRange, codeToPattern, patternToCode,
  type CellEncoding, type CellLayout, type LevelCoding, type ValueCoding, type ValueLayout,
} from './cell-encoding.js';
export {
  MTJ_DEFAULTS, readDisturbProbability, retentionFailureProbability, writeErrorRate, mtjBitErrorProbability,
  thermalSwitchProbability, type MtjParams,
} from './mtj-switching.js';
export { SRAM_DEFAULTS, SRAM_FIT_ANCHORS, fitSramFailure, sramBitFailureProbability, type SramLowVoltageParams } from './sram-lowvoltage.js';
export {
  DRAM_RETENTION_DEFAULTS, DRAM_RETENTION_ANCHORS, fitLognormal, dramRetentionErrorProbability, type DramRetentionParams,
} from './dram-retention.js';
export {
  bitFlipAccessNoise, mlcAccessNoise, BitFlipAccessNoise, MlcAccessNoise, NO_NOISE, type AccessNoise,
} from './access-noise.js';
export { ErrorTally } from './error-tally.js';
export { ReadNoiseDevice, withReadNoise, type ReadNoiseModel } from './read-noise-device.js';
export { BinomialSampler } from './sampling.js';
export {
  accessNoiseFor, bitErrorProbability, bitFlipConfusion, modelConfusion, modelBitsPerCell, isMlcModel,
  mtjAccessNoise, sramAccessNoise, dramRetentionAccessNoise, gaussianLevelsAccessNoise, levelStepAccessNoise,
  noisePresets, noisePreset, noiseModelEstimates, NVMEXPLORER_3BIT_STEPS,
  type NoiseModelSpec, type GaussianLevelsSpec, type LevelStepSpec, type SttMramSpec, type SramSpec,
  type DramRetentionSpec, type BitFlipSpec, type NoneSpec, type MlcCommon,
} from './models.js';
export { injectNoise, type CodeArray, type InjectOptions, type InjectResult, type ErrorMap } from './inject.js';
export {
  expectedValueErrorStats, stepProbabilities, type ValueModel, type ValueErrorStats, type ValueErrorStatsOptions,
} from './value-stats.js';
export { noiseDescriptors } from './descriptors.js';
export { noiseModelSchema, noiseModelFromConfig } from './from-config.js';
