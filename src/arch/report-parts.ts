/**
 * Structured report parts derived from the replay totals: bytes per memory / tensor / role,
 * storage (cells, area), per-port queueing and utilisation, bit errors, placement usage, step
 * timings and estimates. Fills the flat metric map as it goes.
 */
import type { MemoryDevice } from '../devices/device.js';
import { Reram } from '../devices/nvm/reram.js';
import { SttMram } from '../devices/nvm/stt-mram.js';
import type { BuiltDevice } from './device-factory.js';
import type { Placement } from './placement/placement.js';
import type { ReplayResult, StepTiming } from './replay.js';
import type { RunConfig } from './run-config.js';
import { ESTIMATE_USES } from './estimate-in-use.js';
import type { SocSnapshot } from './snapshot.js';
import type { MemoryConfig } from './soc-schema.js';
import type { Soc } from './soc.js';

export interface TensorBytes {
  readonly tensor: string; readonly role: string; readonly part: string; readonly memory: string;
  readonly requestedBytes: number; readonly deliveredBytes: number; readonly accesses: number;
}
export interface PortQueueing {
  readonly memory: string;
  readonly requests: number;
  /** Mean device latency (accept → data), ps. */
  readonly meanDeviceLatencyPs: number;
  /** Unloaded service latency (smallest seen), ps. */
  readonly minDeviceLatencyPs: number;
  /** Mean queueing delay in the memory: mean − unloaded latency, ps. */
  readonly meanQueueingDelayPs: number;
  /** Mean wait for the link / bus per transfer, ps. */
  readonly meanLinkWaitPs: number;
  /** Time the port was refused by the device (back-pressure stall), ps. */
  readonly stallPs: number;
  /** Device data-busy time (service), ps. */
  readonly serviceBusyPs: number;
  readonly refusals: number;
}
export interface Utilisation {
  readonly memory: string;
  readonly bucketPs: number;
  /**
   * Fraction of the memory's peak bandwidth delivered in each bucket, in [0, 1] (simulated steps
   * only: with layer reuse the series spans the simulated time, not the token). Each completion's
   * bytes are spread over their transfer time at peak bandwidth (port.ts), not put at the completion.
   */
  readonly values: readonly number[];
}
export interface TagErrors {
  readonly tensor: string; readonly part: string; readonly memory: string;
  readonly bitsRead: number; readonly bitErrors: number; readonly expectedBitErrors: number; readonly accessesWithErrors: number;
}
export interface ReportParts {
  readonly memories: readonly {
    readonly id: string; readonly kind: string; readonly bytesRead: number; readonly bytesWritten: number; readonly accesses: number;
    readonly busyPs: number; readonly streamPs: number; readonly storedBits: number; readonly cells: number; readonly external: boolean;
  }[];
  readonly bytesByRole: Readonly<Record<string, number>>;
  readonly tensors: readonly TensorBytes[];
  readonly queueing: readonly PortQueueing[];
  readonly utilisation: readonly Utilisation[];
  readonly bitErrors: { readonly byMemory: Readonly<Record<string, { bitsRead: number; bitErrors: number; expectedBitErrors: number }>>; readonly byTag: readonly TagErrors[] };
  readonly placement: { readonly policy: string; readonly regions: readonly { region: string; memory: string; usedBytes: number; capacityBytes: number }[] };
  readonly steps: readonly StepTiming[];
  readonly estimates: readonly RunEstimate[];
}

/** Bits stored per memory by the placement: exact bits for weights when known, else bytes × 8. */
export function storedByMemory(placement: Placement, weightBits: ReadonlyMap<string, number> | undefined): Map<string, { bits: number; weightBits: number }> {
  const stored = new Map<string, { bits: number; weightBits: number }>();
  for (const it of placement.items) {
    const b = it.kind === 'weight' ? (weightBits?.get(it.key) ?? it.bytes * 8) : it.bytes * 8;
    const s = stored.get(it.memory) ?? { bits: 0, weightBits: 0 };
    s.bits += b;
    if (it.kind === 'weight') s.weightBits += b;
    stored.set(it.memory, s);
  }
  return stored;
}

/** Memory `id`'s storage metrics (cells, weight cells, stored bits, area when its density is known); returns its cells. */
export function storageMetrics(id: string, mc: MemoryConfig, device: MemoryDevice, st: { bits: number; weightBits: number }, m: Record<string, number>): number {
  const cells = st.bits / mc.bitsPerCell;
  m[`cellsByMemory.${id}`] = cells;
  m[`weightCellsByMemory.${id}`] = st.weightBits / mc.bitsPerCell;
  m[`storedBitsByMemory.${id}`] = st.bits;
  const density = areaDensity(mc, device);
  if (density !== undefined) m[`areaMm2ByMemory.${id}`] = st.bits / density;
  return cells;
}

export function buildReportParts(cfg: RunConfig, soc: Soc, placement: Placement, r: ReplayResult, total: SocSnapshot, weightBits: ReadonlyMap<string, number> | undefined, m: Record<string, number>): ReportParts {
  const stored = storedByMemory(placement, weightBits);
  // Stream time per memory summed over steps.
  const streamPs = new Map<string, number>();
  for (const st of r.steps) for (const [id, t] of Object.entries(st.streamPsByMemory)) streamPs.set(id, (streamPs.get(id) ?? 0) + t);

  let external = 0, totalBytes = 0, weightCells = 0, weightBitsAll = 0, mramPs = 0, reramPs = 0;
  const memories: ReportParts['memories'][number][] = [];
  const queueing: PortQueueing[] = [];
  const utilisation: Utilisation[] = [];
  for (const [id, port] of soc.ports) {
    const s = total.ports.get(id);
    const mc = soc.memories.get(id);
    if (!s || !mc) continue;
    const bytes = s.bytesDelivered;
    totalBytes += bytes;
    if (mc.external) external += bytes;
    const st = stored.get(id) ?? { bits: 0, weightBits: 0 };
    weightCells += st.weightBits / mc.bitsPerCell;
    weightBitsAll += st.weightBits;
    const sp = streamPs.get(id) ?? 0;
    const kind = port.device.kind;
    if (kind === 'stt-mram') mramPs += sp;
    if (kind === 'reram') reramPs += sp;
    m[`bytesByMemory.${id}`] = bytes;
    m[`bytesReadByMemory.${id}`] = s.bytesRead;
    m[`bytesWrittenByMemory.${id}`] = s.bytesWritten;
    m[`accessesByMemory.${id}`] = s.requests;
    m[`busyPsByMemory.${id}`] = s.busyPs;
    m[`timePsByMemory.${id}`] = sp;
    const cells = storageMetrics(id, mc, port.device, st, m);
    memories.push({ id, kind, bytesRead: s.bytesRead, bytesWritten: s.bytesWritten, accesses: s.requests, busyPs: s.busyPs, streamPs: sp, storedBits: st.bits, cells, external: mc.external });
    const mean = s.requests > 0 ? s.deviceLatencySumPs / s.requests : 0;
    const min = Number.isFinite(port.deviceLatencyMinPs) ? port.deviceLatencyMinPs : 0;
    const li = soc.links.indexOf(port.link);
    const ls = total.links[li];
    const q: PortQueueing = {
      memory: id, requests: s.requests, meanDeviceLatencyPs: mean, minDeviceLatencyPs: min, meanQueueingDelayPs: Math.max(0, mean - min),
      meanLinkWaitPs: ls && ls.transfers > 0 ? ls.waitPs / ls.transfers : 0, stallPs: s.stallPs, serviceBusyPs: s.busyPs, refusals: s.refusals,
    };
    queueing.push(q);
    m[`queueingDelayPsByMemory.${id}`] = q.meanQueueingDelayPs;
    m[`linkWaitPsByMemory.${id}`] = q.meanLinkWaitPs;
    m[`stallPsByMemory.${id}`] = q.stallPs;
    const peakPerBucket = port.device.peakBandwidth * port.series.widthPs * 1e-12;
    // The port's peak-rate pipe bounds each bucket by peak × width; min() only absorbs float rounding (≤ 1e-12).
    utilisation.push({ memory: id, bucketPs: port.series.widthPs, values: port.series.values().map((v) => (peakPerBucket > 0 ? Math.min(1, v / peakPerBucket) : 0)) });
  }
  m.externalBytes = external;
  m.totalBytes = totalBytes;
  m.weightCells = weightCells;
  m.weightBitsStored = weightBitsAll;
  m.mramTimePs = mramPs;
  m.reramTimePs = reramPs;
  m.computePs = r.steps.reduce((a, s) => a + s.computePs, 0);

  // Per tensor / role bytes and per-tag errors.
  const tensors: TensorBytes[] = [];
  const bytesByRole: Record<string, number> = {};
  const byTag: TagErrors[] = [];
  const byMemory: Record<string, { bitsRead: number; bitErrors: number; expectedBitErrors: number }> = {};
  let weightBytes = 0, kvBytes = 0, bitErrors = 0, expectedErrors = 0;
  const L = soc.ledger;
  for (let t = 0; t < L.size; t++) {
    const v = total.tags.get(t);
    if (!v) continue;
    const tensor = L.names[t] as string, role = L.roles[t] as string, part = L.parts[t] as string, memory = L.memories[t] as string;
    tensors.push({ tensor, role, part, memory, requestedBytes: v.requested, deliveredBytes: v.delivered, accesses: v.accesses });
    bytesByRole[role] = (bytesByRole[role] ?? 0) + v.delivered;
    if (part === 'kv') kvBytes += v.delivered;
    else if (part !== 'state' && part !== 'activation') weightBytes += v.delivered;
    if (v.bitsRead > 0) {
      byTag.push({ tensor, part, memory, bitsRead: v.bitsRead, bitErrors: v.bitErrors, expectedBitErrors: v.expectedBitErrors, accessesWithErrors: v.accessesWithErrors });
      const e = byMemory[memory] ?? { bitsRead: 0, bitErrors: 0, expectedBitErrors: 0 };
      e.bitsRead += v.bitsRead; e.bitErrors += v.bitErrors; e.expectedBitErrors += v.expectedBitErrors;
      byMemory[memory] = e;
      bitErrors += v.bitErrors; expectedErrors += v.expectedBitErrors;
    }
  }
  for (const [id, e] of Object.entries(byMemory)) {
    m[`bitErrorsByMemory.${id}`] = e.bitErrors;
    m[`expectedBitErrorsByMemory.${id}`] = e.expectedBitErrors;
    m[`bitsReadNoisyByMemory.${id}`] = e.bitsRead;
  }
  m.bitErrors = bitErrors;
  m.expectedBitErrors = expectedErrors;
  m.weightBytes = weightBytes;
  m.kvBytes = kvBytes;

  const regions = soc.map.list().map((g) => ({ region: g.id, memory: g.memory, usedBytes: placement.usedByRegion.get(g.id) ?? 0, capacityBytes: g.size }));
  return {
    memories, bytesByRole, tensors, queueing, utilisation, bitErrors: { byMemory, byTag },
    placement: { policy: placement.policy, regions }, steps: r.steps, estimates: runEstimates(cfg, soc.built),
  };
}

/**
 * The storage density (bit/mm²) the area metric of a memory uses: the device block's own
 * `density:` when it writes one (an override of the device parameter, the most specific key), else
 * the memory's `density:`, else the density of the device itself (its preset's). For devices
 * without an area density (LPDDR5, whose `density` is a die size; SRAM) the memory's `density:` is
 * the only source, and without it there is no area metric. Both keys written and disagreeing is
 * refused at load (device-check.ts), so the order here never hides one.
 */
export function areaDensity(mc: Pick<MemoryConfig, 'density' | 'device'>, device: MemoryDevice): number | undefined {
  const own = deviceAreaDensity(device);
  if (own !== undefined && mc.device.density !== undefined) return own;
  return mc.density ?? own;
}

/** A device's own storage density (bit/mm²): STT-MRAM and ReRAM have one; undefined for the others. */
export function deviceAreaDensity(device: MemoryDevice): number | undefined {
  return device instanceof SttMram || device instanceof Reram ? device.params.density : undefined;
}

/** An estimate a run's results rest on: a design value of the run file, or 'preset' for a device / noise-model parameter. */
export interface RunEstimate {
  readonly param: string;
  /** The run file's text ('156 arrays (2 channels × 6 banks × 13)'), or 'preset'. */
  readonly value: string | number;
  readonly derivation: string;
  /** A run file's entry whose path resolves: the value(s) in use at it in this run. */
  readonly inUse?: string;
  /** A run file's entry: true when an override changed the value or a key of its block (then `value` is not what ran). */
  readonly overridden?: boolean;
  /** What the overrides changed ('soc.memories[reram].device.arraysPerBank: 13 → 6'); empty when overridden is false. */
  readonly changes?: readonly string[];
}

/**
 * The estimates a run's results rest on, as `qmcsim run` lists them and a sweep point reports them:
 * the run file's `estimates:`, then per memory (id → built device, in SoC order) its device preset's
 * estimated parameters ('soc.memories[<id>].device.<param>') and its noise model's ('soc.memories[<id>].noise.<key>').
 */
export function runEstimates(cfg: Pick<RunConfig, 'estimates' | typeof ESTIMATE_USES>, built: Iterable<readonly [string, Pick<BuiltDevice, 'estimates' | 'noiseEstimates'>]>): RunEstimate[] {
  const uses = cfg[ESTIMATE_USES];
  const out: RunEstimate[] = cfg.estimates.map((e, i) => {
    const u = uses?.[i];
    if (u === undefined) return e;
    return { ...e, ...(u.inUse !== undefined ? { inUse: u.inUse } : {}), overridden: u.changes.length > 0, changes: u.changes };
  });
  for (const [id, b] of built) {
    for (const p of b.estimates) out.push({ param: `soc.memories[${id}].device.${p.param}`, value: 'preset', derivation: p.source });
    for (const p of b.noiseEstimates ?? []) out.push({ param: `soc.memories[${id}].${p.param}`, value: 'preset', derivation: p.source });
  }
  return out;
}
