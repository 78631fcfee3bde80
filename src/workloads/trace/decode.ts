/**
 * Decode-step trace: one new token per sequence at context length L (tokens already in context,
 * meta tokens excluded), batch B. Every weight part is streamed once per step (so bytes per token
 * = Σ parts / B); the embedding row lookup is a 'gather'; KV and SSM state as in ops.ts.
 */
import type { ModelShape } from '../model-shape.js';
import type { QuantizedTensor } from '../quant/accounting.js';
import { traceRecords, type TraceOptions } from './emit.js';
import type { TraceRecord } from './types.js';

export interface DecodeOptions extends TraceOptions {
  /** Tokens already in the context (KV positions excluding meta tokens). */
  readonly contextLength: number;
}

/** Lazy record stream of one decode step. */
export function decodeTrace(shape: ModelShape, qinv: Iterable<QuantizedTensor>, o: DecodeOptions): Generator<TraceRecord> {
  const batch = o.batch ?? 1;
  if (!Number.isInteger(o.contextLength) || o.contextLength < 0) throw new Error(`decodeTrace: contextLength must be a non-negative integer, got ${o.contextLength}`);
  if (!Number.isInteger(batch) || batch < 1) throw new Error(`decodeTrace: batch must be a positive integer, got ${batch}`);
  return traceRecords(shape, qinv, {
    phase: 'decode', batch, tokens: 1, contextLength: o.contextLength,
    actBytes: o.actBytes ?? 2, kvBytes: o.kvBytes ?? 2, stateBytes: o.stateBytes ?? 2,
  }, 1, batch, o);
}

/** Weight bytes streamed in full per decode step (gathered embedding rows excluded), from the trace itself. */
export function decodeWeightBytes(shape: ModelShape, qinv: Iterable<QuantizedTensor>, metadata: 'paper' | 'honest' = 'honest'): number {
  let b = 0;
  for (const r of decodeTrace(shape, qinv, { contextLength: 0, metadata })) if (r.kind === 'weightRead' && r.access !== 'gather') b += r.bytes;
  return b;
}
