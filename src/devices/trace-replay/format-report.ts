/**
 * Text and JSON renderings of a replay run. Both are pure functions of the run (fixed key order,
 * fixed number formatting), so the same trace and seed give byte-identical output.
 */
import { formatBytes, formatQuantity } from '../../units/format.js';
import type { LatencySummary } from './latency-log.js';
import type { ReplayRun } from './run-replay.js';

const t = (ps: number): string => formatQuantity(ps, 'time', 5);
const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;

function lat(name: string, l: LatencySummary): string {
  if (l.count === 0) return `${name}: none`;
  return `${name}: ${l.count} ${l.count === 1 ? 'access' : 'accesses'}, mean ${t(l.meanPs)}, p50 ${t(l.p50Ps)}, p99 ${t(l.p99Ps)}, max ${t(l.maxPs)}`;
}

/** Human-readable report, one fact per line. */
export function formatReplayText(run: ReplayRun): string {
  const r = run.result;
  const lines: string[] = [];
  lines.push(`replay ${run.trace} (${r.traceFormat}) on ${run.preset} [${r.kind}], seed ${run.seed}`);
  lines.push(`accesses: ${r.reads} read${r.reads === 1 ? '' : 's'} (${formatBytes(r.bytesRead, 6)}), ${r.writes} write${r.writes === 1 ? '' : 's'} (${formatBytes(r.bytesWritten, 6)})`);
  const many = r.maxOutstanding === 1 ? '' : 's';
  lines.push(`in flight: at most ${r.maxOutstanding} ${r.postedWrites ? `read${many}; writes posted (they leave on acceptance; latency still runs to completion)` : `read${many} and write${many} (writes held until they complete)`}`);
  const ofPeak = r.peakBandwidth > 0 ? ` = ${pct(r.bandwidth / r.peakBandwidth)} of peak ${formatQuantity(r.peakBandwidth, 'bandwidth', 5)}` : '';
  lines.push(`span: ${t(r.spanPs)}; achieved bandwidth ${formatQuantity(r.bandwidth, 'bandwidth', 5)}${ofPeak}`);
  if (r.foldedAccesses > 0) lines.push(`addresses: ${r.foldedAccesses} of ${r.reads + r.writes} accesses reach past the capacity (${formatBytes(r.capacityBytes, 6)}) and were folded into it (address modulo capacity)`);
  lines.push(lat('read latency', r.readLatency));
  lines.push(lat('write latency', r.writeLatency));
  const rb = r.rowBuffer;
  lines.push(rb === null ? 'row buffer: not applicable (device has no row buffers)'
    : `row buffer (per 64-B column block): hits ${rb.hits} (${pct(rb.hitRate)}), misses ${rb.misses} (${pct(rb.missRate)}), conflicts ${rb.conflicts} (${pct(rb.conflictRate)})`);
  for (const e of r.energy) {
    lines.push(`energy [${e.table}]: total ${formatQuantity(e.totalPj, 'energy', 6)}`);
    for (const [k, v] of Object.entries(e.parts)) if (v !== 0) lines.push(`  ${k}: ${formatQuantity(v, 'energy', 6)}${e.estimates.includes(k) ? ' (estimate)' : ''}`);
    if (e.unpriced.length > 0) lines.push(`  unpriced actions: ${e.unpriced.join(', ')}`);
  }
  if (run.noise === null) lines.push('bit errors: no noise model attached');
  else {
    const est = run.estimates.filter((e) => e.startsWith('noise.'));
    lines.push(`bit errors: noise model ${run.noise}${est.length > 0 ? ` (rests on estimates: ${est.join(', ')})` : ''}`);
  }
  for (const s of r.errors.byTag) {
    lines.push(`bit errors tag ${s.tag}: ${s.bitErrors} sampled in ${s.bitsRead} bits (expected ${Number(s.expectedBitErrors.toPrecision(6))}), ${s.accessesWithErrors}/${s.accesses} accesses with errors`);
  }
  lines.push(`estimates behind these numbers: ${run.estimates.length === 0 ? 'none' : run.estimates.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** A latency summary for JSON: with no access of that kind its statistics are null, not zeros a reader could take for measured values. */
function latencyJson(l: LatencySummary): LatencySummary | { readonly [K in keyof LatencySummary]: K extends 'count' ? 0 : null } {
  return l.count > 0 ? l : { count: 0, meanPs: null, p50Ps: null, p99Ps: null, minPs: null, maxPs: null };
}

/** Machine-readable report (stable key order). */
export function formatReplayJson(run: ReplayRun): string {
  const r = run.result;
  const doc = {
    preset: run.preset, kind: r.kind, trace: run.trace, traceFormat: r.traceFormat, seed: run.seed,
    reads: r.reads, writes: r.writes, bytesRead: r.bytesRead, bytesWritten: r.bytesWritten,
    maxOutstanding: r.maxOutstanding, postedWrites: r.postedWrites, capacityBytes: r.capacityBytes, foldedAccesses: r.foldedAccesses,
    spanPs: r.spanPs, bandwidthBytesPerSec: r.bandwidth, peakBandwidthBytesPerSec: r.peakBandwidth,
    readLatency: latencyJson(r.readLatency), writeLatency: latencyJson(r.writeLatency), rowBuffer: r.rowBuffer,
    energy: r.energy, noiseModel: run.noise, bitErrors: r.errors.byTag, counts: r.counts, estimates: run.estimates,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
