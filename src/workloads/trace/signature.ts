/**
 * Layer grouping and signatures: split a trace at layerEnd records and fingerprint each group by
 * its sequence of record kinds, roles, parts, bytes, ops and FLOPs (tensor ids and layer numbers
 * excluded), so the SoC can simulate one layer and reuse it for identical layers.
 */
import { createHash } from 'node:crypto';
import type { TraceRecord } from './types.js';

/** Canonical text of one record without layer number or tensor id. */
function canon(r: TraceRecord): string {
  switch (r.kind) {
    case 'weightRead': return `W|${r.role}|${r.part}|${r.bytes}|${r.metaOf ?? ''}|${r.access ?? ''}`;
    case 'compute': return `C|${r.op}|${r.name ?? ''}|${r.flops}|${r.bytes}|${r.dtype}|${r.weightBits ?? ''}`;
    case 'layerEnd': return 'E';
    default: return `${r.kind}|${r.role}|${r.bytes}|${r.positions ?? ''}`;
  }
}

/** Fingerprint (sha1 hex) of a layer's records; equal for layers the SoC may treat as identical. */
export function layerSignature(records: Iterable<TraceRecord>): string {
  const h = createHash('sha1');
  for (const r of records) h.update(canon(r)).update('\n');
  return h.digest('hex');
}

/** Records grouped per layerEnd (the layerEnd included), one group alive at a time. */
export function* layerGroups(trace: Iterable<TraceRecord>): Generator<TraceRecord[]> {
  let g: TraceRecord[] = [];
  for (const r of trace) {
    g.push(r);
    if (r.kind === 'layerEnd') { yield g; g = []; }
  }
  if (g.length > 0) yield g;
}
