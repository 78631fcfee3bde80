/**
 * Public API of src/workloads: model catalogue and shapes, weight inventories, quantizers
 * (value-level and inventory accounting), real and synthetic weights, quality metrics, and lazy
 * decode/prefill traces with a replayable file format. See docs/workload-trace-format.md.
 */
export { loadModel, loadModelFile, listModels, MODELS_DIR } from './catalog.js';
export { modelShapeSchema, kvRole, mambaInner, type ModelShape, type ModelFamily, type KvRole } from './model-shape.js';
export { WorkloadConfigError, type WorkloadConfigProblem } from './config-load.js';
export { inventory, inventoryIter, layerTensors, paramCount } from './inventory.js';
export { matrixDims, dtypeBytes, type TensorSpec, type TensorKind, type StorageDtype } from './tensor.js';

export {
  quantConfig, loadQuantConfig, quantConfigSchema, quantLabel,
  type QuantConfig, type QuantConfigInput, type QuantScheme, type QmcConfig, type RtnConfig, type MxintConfig, type QuantizingConfig,
} from './quant/config.js';
export {
  quantizeInventory, quantizeInventoryIter, quantizeTensorSpec, isQuantized, totalBytes, bitsPerWeight, bytesByPart,
  type QuantizedTensor, type QuantizedPart, type MetadataMode, type MetaKind,
} from './quant/accounting.js';
export { quantizeValues, dequantizeValues, storedParts, withLevels, type QuantizedValues } from './quant/values.js';
export { quantizeQmc, dequantizeQmc, type QmcCodes, type QmcOptions } from './quant/qmc.js';
export { quantizeRtn, dequantizeRtn, type RtnCodes, type RtnOptions } from './quant/rtn.js';
export { quantizeMxint, dequantizeMxint, type MxintCodes } from './quant/mxint.js';
export {
  searchScale, noiseAwareObjective, sqErrorAt, encodeGroup, symmetricZero, RTN_GRID,
  type UniformCodes, type ScaleGrid, type ScaleChoice,
} from './quant/uniform.js';
export { outlierCount, selectOutliers } from './quant/outliers.js';
export { roundTrip16, f32ToF16Bits, f16BitsToF32, f32ToBf16Bits, bf16BitsToF32 } from './quant/float16.js';

export { SafetensorsFile, Checkpoint, SafetensorsError, decodeFloat, DTYPE_BYTES, type SafetensorsEntry } from './weights/safetensors.js';
export {
  writeSafetensors, writeShardedSafetensors, safetensorsHeader, encodeFloat, type TensorToWrite, type TensorProducer,
} from './weights/safetensors-writer.js';
export { readGgufHeader, GgufError, type GgufHeader, type GgufTensor } from './weights/gguf.js';
export { GgufTensorFile } from './weights/gguf-tensors.js';
export { dequantize, GGML_FORMATS, type GgmlFormat } from './weights/gguf-dequant.js';
export { ggufSource } from './weights/gguf-source.js';
export { openWeightSource, isGgufPath } from './weights/open-weights.js';
export {
  syntheticTensor, syntheticRows, syntheticWeights, defaultStd, type SyntheticOptions, type WeightDistribution,
} from './weights/synthetic.js';
export { syntheticSource, checkpointSource, limitRows, type WeightSource } from './weights/source.js';

export {
  errorStats, mergeStats, applyNoise, evaluateTensor, evaluateModel, summarizeQuality, EMPTY_STATS,
  type ErrorStats, type DeviceNoise, type TensorQuality, type ModelQuality,
} from './metrics/quality.js';
export { exportDequantized, type ExportOptions } from './metrics/export.js';

export { decodeTrace, decodeWeightBytes, type DecodeOptions } from './trace/decode.js';
export { prefillTrace, type PrefillOptions } from './trace/prefill.js';
export { layerPlan, traceRecords, type TraceOptions, type TraceProbe } from './trace/emit.js';
export type { OpPlan, PhaseCtx, DataMove } from './trace/ops.js';
export { writeTraceFile, readTraceFile, TraceFileError, TRACE_FORMAT, TRACE_VERSION, type TraceHeader } from './trace/file.js';
export { layerSignature, layerGroups } from './trace/signature.js';
export type { TraceRecord, TensorRole, TensorPart } from './trace/types.js';
export { workloadDescriptors } from './descriptors.js';
