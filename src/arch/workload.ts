/**
 * The workload side of a run: model shape → inventory → quantization accounting → decode trace.
 * Also returns the stored bytes and bits of every weight part (placement capacity, cells, area).
 */
import { loadModel } from '../workloads/catalog.js';
import { inventory } from '../workloads/inventory.js';
import { quantizeInventory, type QuantizedTensor } from '../workloads/quant/accounting.js';
import type { TraceRecord } from '../workloads/trace/types.js';
import type { RunConfig } from './run-config.js';
import { decodeRecords } from './trace-source.js';

export interface Workload {
  readonly records: Iterable<TraceRecord>;
  /** Stored bytes per weight item key ('<tensor>#<part>'); parts of one kind are summed. */
  readonly weightBytes: ReadonlyMap<string, number> | undefined;
  /** Stored bits per weight item key (exact, before byte rounding). */
  readonly weightBits: ReadonlyMap<string, number> | undefined;
}

/** Storage of each (tensor, part) from the quantization accounting. */
export function weightStorage(qinv: readonly QuantizedTensor[], parts: ReadonlySet<string>): { bytes: Map<string, number>; bits: Map<string, number> } {
  const bytes = new Map<string, number>();
  const bits = new Map<string, number>();
  for (const t of qinv) for (const p of t.parts) {
    if (!parts.has(p.part)) continue;
    const key = `${t.tensor.id}#${p.part}`;
    bytes.set(key, (bytes.get(key) ?? 0) + p.bytes);
    bits.set(key, (bits.get(key) ?? 0) + p.bits * p.count);
  }
  return { bytes, bits };
}

export function buildWorkload(cfg: RunConfig): Workload {
  const shape = loadModel(cfg.model);
  const qinv = quantizeInventory(inventory(shape), cfg.quant);
  const records = [...decodeRecords(shape, qinv, { contextLength: cfg.workload.contextLength, batch: cfg.workload.batch, metadata: cfg.workload.metadata })];
  const parts = new Set<string>();
  for (const r of records) if (r.kind === 'weightRead') parts.add(r.part);
  const { bytes, bits } = weightStorage(qinv, parts);
  return { records, weightBytes: bytes, weightBits: bits };
}
