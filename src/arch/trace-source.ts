/**
 * Decode-trace source for runs. Delegates to the workloads layer's decodeTrace.
 */
import type { ModelShape } from '../workloads/model-shape.js';
import type { QuantizedTensor } from '../workloads/quant/accounting.js';
import type { TraceRecord } from '../workloads/trace/types.js';

export function decodeRecords(_shape: ModelShape, _qinv: readonly QuantizedTensor[], _o: { contextLength: number; batch: number }): Iterable<TraceRecord> {
  throw new Error('decodeTrace not available yet');
}
