/**
 * Prefill trace: a fresh prompt of S tokens per sequence (plus the model's meta tokens, which are
 * prepended and processed like prompt tokens), batch B. Weights streamed once; GEMMs over
 * B·(S + meta) rows; every position's K/V written once and read once (flash-style tiling);
 * recurrent state written at the end. Logits for the last position only unless logits = 'all'.
 */
import type { ModelShape } from '../model-shape.js';
import type { QuantizedTensor } from '../quant/accounting.js';
import { traceRecords, type TraceOptions } from './emit.js';
import type { TraceRecord } from './types.js';

export interface PrefillOptions extends TraceOptions {
  /** Prompt tokens per sequence (S). */
  readonly promptLength: number;
  /** Rows the lm_head is applied to: last position per sequence (default) or all. */
  readonly logits?: 'last' | 'all';
}

/** Lazy record stream of one prefill pass. */
export function prefillTrace(shape: ModelShape, qinv: Iterable<QuantizedTensor>, o: PrefillOptions): Generator<TraceRecord> {
  const batch = o.batch ?? 1;
  if (!Number.isInteger(o.promptLength) || o.promptLength < 1) throw new Error(`prefillTrace: promptLength must be a positive integer, got ${o.promptLength}`);
  if (!Number.isInteger(batch) || batch < 1) throw new Error(`prefillTrace: batch must be a positive integer, got ${batch}`);
  const tokens = o.promptLength + shape.metaTokens;
  return traceRecords(shape, qinv, {
    phase: 'prefill', batch, tokens, contextLength: 0,
    actBytes: o.actBytes ?? 2, kvBytes: o.kvBytes ?? 2, stateBytes: o.stateBytes ?? 2,
  }, o.promptLength, (o.logits ?? 'last') === 'all' ? batch * o.promptLength : batch, o);
}
