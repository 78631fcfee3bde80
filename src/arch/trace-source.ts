/**
 * Decode-trace source for runs: the workloads layer's decodeTrace with the metadata mode of the
 * run ('paper' omits scale/index metadata reads as QMC does; 'honest' streams them).
 */
import type { ModelShape } from '../workloads/model-shape.js';
import type { MetadataMode, QuantizedTensor } from '../workloads/quant/accounting.js';
import { decodeTrace } from '../workloads/trace/decode.js';
import type { TraceRecord } from '../workloads/trace/types.js';

export function decodeRecords(shape: ModelShape, qinv: readonly QuantizedTensor[], o: { contextLength: number; batch: number; metadata: MetadataMode }): Iterable<TraceRecord> {
  return decodeTrace(shape, qinv, { contextLength: o.contextLength, batch: o.batch, metadata: o.metadata });
}
