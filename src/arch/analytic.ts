/**
 * Analytic (roofline) screening mode: the same workload trace, placement and SoC elaboration as
 * runConfig, but per step (layer) and memory a closed form instead of the event-driven replay:
 * time = bytes / min(device peak, link bandwidth) + one unloaded path latency (device probe, one
 * request's link transfer, 2 × link flight); step = max(max over memories, compute) + CDC merge,
 * as replay.ts combines them. Energy = bits × (device pJ/bit from its table, via analytic-probe.ts
 * + link pJ/bit) + background W × time. No contention, queueing, refresh, bank/row conflicts or
 * bit errors: a lower bound on latency for streams that fill the device (see README, `run --analytic`).
 */
import type { TraceRecord } from '../workloads/trace/types.js';
import { quantLabel } from '../workloads/quant/config.js';
import { probeMemory, type ProbeResult } from './analytic-probe.js';
import { computeTimePs } from './compute.js';
import { defaultDeviceFactory, type DeviceFactory } from './device-factory.js';
import { checkFiniteMetrics } from './finite-metrics.js';
import { formatPlacementError, type Placement, type PlacementError } from './placement/placement.js';
import { readPowerW, type StreamPower } from './power-budget.js';
import { storageMetrics, storedByMemory } from './report-parts.js';
import type { RunConfig } from './run-config.js';
import { elaborateRun, RunFailure } from './run.js';
import type { Soc } from './soc.js';

/** What the analytic mode does not model, as reports list it. */
export const NOT_MODELLED = [
  'queueing and contention between streams, initiators or memories (each memory streams at its roofline bandwidth)',
  'refresh, bank/row-buffer conflicts, read/write turnarounds, power-down (the DES device models)',
  'uneven spread of a step\'s requests over channels, banks or arrays (the roofline assumes a perfect spread)',
  'bit errors (no noise model is sampled)',
  'per-port statistics: queueing delay, link wait, stall, device busy time, utilisation over time',
  'layer reuse (every step is computed; there is nothing to extrapolate)',
] as const;

export interface AnalyticOptions {
  readonly seed: number;
  readonly deviceFactory?: DeviceFactory;
  /** As RunOptions.trace: these records instead of the config's model trace. */
  readonly trace?: Iterable<TraceRecord>;
  /** As RunOptions.recordFilter. */
  readonly recordFilter?: (r: TraceRecord) => boolean;
}

/** One memory's roofline parameters and totals. */
export interface AnalyticMemory {
  readonly id: string;
  readonly kind: string;
  readonly peakBandwidth: number;
  readonly linkBandwidth: number;
  /** min(peak, link), B/s. */
  readonly bandwidth: number;
  /** Unloaded path latency charged once per step the memory takes part in, ps. */
  readonly latencyPs: number;
  readonly readEnergyPerBitPj: number;
  readonly writeEnergyPerBitPj: number;
  readonly linkEnergyPerBitPj: number;
  readonly backgroundW: number;
  readonly bytesRead: number;
  readonly bytesWritten: number;
  /** Σ over steps of this memory's roofline time, ps. */
  readonly timePs: number;
  readonly deviceEnergyPj: number;
  /** The probe bursts that calibrated latency and energy per bit (undefined: direction unused). */
  readonly probes: { readonly read?: ProbeResult; readonly write?: ProbeResult };
}

export interface AnalyticReport {
  readonly mode: 'analytic';
  readonly name: string;
  readonly model: string;
  readonly quant: string;
  readonly seed: number;
  /** Flat metrics, named as the DES report names the same quantities, plus `analytic: 1`. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly memories: readonly AnalyticMemory[];
  readonly steps: number;
  readonly notModelled: readonly string[];
}

export type AnalyticOutcome =
  | { readonly ok: true; readonly report: AnalyticReport; readonly error?: never }
  | { readonly ok: false; readonly error: PlacementError; readonly message: string; readonly report?: never };

/** Evaluates a configuration with the roofline model; a placement that does not fit is returned as a value. */
export function tryAnalyticConfig(cfg: RunConfig, opts: AnalyticOptions): AnalyticOutcome {
  const factory = opts.deviceFactory ?? defaultDeviceFactory;
  const e = elaborateRun(cfg, { ...opts, deviceFactory: factory });
  if ('error' in e) return { ok: false, error: e.error, message: formatPlacementError(e.error) };
  const { soc, placement, steps } = e;
  const ids = [...soc.ports.keys()];
  const bus = cfg.soc.interconnect.type === 'bus' ? soc.links[0] : undefined;

  // Per memory: bytes by direction, requests, and which directions need a probe.
  const read = new Map<string, number>(), written = new Map<string, number>(), accesses = new Map<string, number>();
  for (const st of steps) for (const s of st.streams) {
    (s.isWrite ? written : read).set(s.memory, ((s.isWrite ? written : read).get(s.memory) ?? 0) + s.bytes);
    accesses.set(s.memory, (accesses.get(s.memory) ?? 0) + Math.ceil(s.bytes / soc.port(s.memory).requestBytes));
  }
  const params = new Map(ids.map((id) => {
    const port = soc.port(id);
    const table = soc.built.get(id)!.energyTable;
    const probe = (isWrite: boolean): ProbeResult => probeMemory(soc.memories.get(id)!, factory, opts.seed, port.requestBytes, table, isWrite);
    const probes = { ...((read.get(id) ?? 0) > 0 || (written.get(id) ?? 0) === 0 ? { read: probe(false) } : {}), ...((written.get(id) ?? 0) > 0 ? { write: probe(true) } : {}) };
    const link = port.link;
    const devLatency = probes.read?.latencyPs ?? probes.write?.latencyPs ?? 0;
    return [id, {
      kind: port.device.kind, peak: port.device.peakBandwidth, linkBw: link.spec.bandwidth, bw: Math.min(port.device.peakBandwidth, link.spec.bandwidth),
      latencyPs: devLatency + Math.ceil(port.requestBytes * link.psPerByte - 1e-9) + 2 * link.spec.latencyPs,
      eRead: probes.read?.energyPerBitPj ?? 0, eWrite: probes.write?.energyPerBitPj ?? 0, eLink: link.spec.energyPerBit as number,
      backgroundW: soc.built.get(id)!.energyTable.background.watts, probes,
    }] as const;
  }));

  // Per step: each memory's roofline time, the max over memories (and the bus), compute, CDC merge.
  const computeIni = cfg.soc.initiators.find((i) => i.id === cfg.traffic.compute);
  const wc = cfg.soc.weightController;
  const syncPs = wc ? wc.cdcCycles * Math.round(1e12 / wc.clock) : 0;
  const timeByMem = new Map<string, number>();
  let totalPs = 0, computeAll = 0;
  const weightMemsAll = new Set<string>();
  for (const st of steps) {
    const bytes = new Map<string, number>();
    for (const s of st.streams) bytes.set(s.memory, (bytes.get(s.memory) ?? 0) + s.bytes);
    let streamPs = 0, busBytes = 0, minLat = Infinity;
    for (const [id, b] of bytes) {
      const p = params.get(id)!;
      const t = Math.ceil((b * 1e12) / p.bw - 1e-9) + p.latencyPs;
      timeByMem.set(id, (timeByMem.get(id) ?? 0) + t);
      streamPs = Math.max(streamPs, t);
      busBytes += b;
      minLat = Math.min(minLat, p.latencyPs);
    }
    // a shared bus carries every memory's bytes of the step one after another
    if (bus && busBytes > 0) streamPs = Math.max(streamPs, Math.ceil(busBytes * bus.psPerByte - 1e-9) + minLat);
    const computePs = cfg.compute.enabled && computeIni ? computeTimePs(st.flops, computeIni) : 0;
    const weightMems = new Set(st.streams.filter((s) => s.kind === 'weight').map((s) => s.memory));
    for (const m of weightMems) weightMemsAll.add(m);
    totalPs += Math.max(streamPs, computePs) + (weightMems.size >= 2 ? syncPs : 0);
    computeAll += computePs;
  }

  const m: Record<string, number> = { analytic: 1 };
  const memories: AnalyticMemory[] = [];
  let devicePj = 0, backgroundPj = 0, totalBytes = 0, external = 0, mramPs = 0, reramPs = 0;
  const linkBytes = new Map<string, number>();
  for (const id of ids) {
    const p = params.get(id)!;
    const r = read.get(id) ?? 0, w = written.get(id) ?? 0;
    const bg = p.backgroundW * totalPs;
    const dev = r * 8 * p.eRead + w * 8 * p.eWrite + bg;
    devicePj += dev; backgroundPj += bg; totalBytes += r + w;
    if (soc.memories.get(id)!.external) external += r + w;
    const linkId = soc.port(id).link.spec.id;
    linkBytes.set(linkId, (linkBytes.get(linkId) ?? 0) + r + w);
    const t = timeByMem.get(id) ?? 0;
    if (p.kind === 'stt-mram') mramPs += t;
    if (p.kind === 'reram') reramPs += t;
    m[`bytesByMemory.${id}`] = r + w;
    m[`bytesReadByMemory.${id}`] = r;
    m[`bytesWrittenByMemory.${id}`] = w;
    m[`accessesByMemory.${id}`] = accesses.get(id) ?? 0;
    m[`timePsByMemory.${id}`] = t;
    m[`energyDevicePjByMemory.${id}`] = dev;
    memories.push({
      id, kind: p.kind, peakBandwidth: p.peak, linkBandwidth: p.linkBw, bandwidth: p.bw, latencyPs: p.latencyPs,
      readEnergyPerBitPj: p.eRead, writeEnergyPerBitPj: p.eWrite, linkEnergyPerBitPj: p.eLink, backgroundW: p.backgroundW,
      bytesRead: r, bytesWritten: w, timePs: t, deviceEnergyPj: dev, probes: p.probes,
    });
  }
  let netPj = 0;
  for (const l of soc.links) {
    const pj = (linkBytes.get(l.spec.id) ?? 0) * 8 * l.spec.energyPerBit;
    m[`energyInterconnectPjByLink.${l.spec.id}`] = pj;
    netPj += pj;
  }
  const cdcPj = wc && weightMemsAll.size >= 2 ? wc.cdcPower * totalPs : 0;
  netPj += cdcPj;
  m.latencyPerTokenPs = totalPs;
  m.computePs = computeAll;
  m.energyDevicePj = devicePj;
  m.energyBackgroundPj = backgroundPj;
  m.energyInterconnectPj = netPj;
  m.energyCdcPj = cdcPj;
  m.energyPerStepPj = devicePj + netPj;
  m.energyPerTokenPj = (devicePj + netPj) / cfg.workload.batch;
  m.totalBytes = totalBytes;
  m.externalBytes = external;
  m.mramTimePs = mramPs;
  m.reramTimePs = reramPs;
  let weightBytes = 0, kvBytes = 0;
  for (const st of steps) for (const s of st.streams) {
    if (s.kind === 'weight') weightBytes += s.bytes;
    else if (s.kind === 'kv') kvBytes += s.bytes;
  }
  m.weightBytes = weightBytes;
  m.kvBytes = kvBytes;
  storageTotals(soc, placement, e.weightBits, m);
  // QMC Eq. 4 with the probed read energy per bit of each memory that delivers weights
  const streams: StreamPower[] = [...weightMemsAll].map((id) => {
    const p = params.get(id)!;
    return { bandwidth: p.bw, deviceEnergyPerBit: p.eRead, netEnergyPerBit: p.eLink };
  });
  m.weightReadPowerW = readPowerW(streams, bus ? bus.spec.bandwidth : Infinity);
  if (cfg.soc.powerBudget) m.powerBudgetW = cfg.soc.powerBudget.budget;
  checkFiniteMetrics(m, cfg);
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(m).sort()) sorted[k] = m[k] as number;
  return {
    ok: true,
    report: { mode: 'analytic', name: cfg.name, model: cfg.model, quant: quantLabel(cfg.quant), seed: opts.seed, metrics: sorted, memories, steps: steps.length, notModelled: NOT_MODELLED },
  };
}

/** Storage per memory from the placement (report-parts.ts: exact, no replay needed). */
function storageTotals(soc: Soc, placement: Placement, weightBits: ReadonlyMap<string, number> | undefined, m: Record<string, number>): void {
  const stored = storedByMemory(placement, weightBits);
  let cells = 0, bits = 0;
  for (const [id, port] of soc.ports) {
    const mc = soc.memories.get(id)!;
    const st = stored.get(id) ?? { bits: 0, weightBits: 0 };
    storageMetrics(id, mc, port.device, st, m);
    cells += st.weightBits / mc.bitsPerCell;
    bits += st.weightBits;
  }
  m.weightCells = cells;
  m.weightBitsStored = bits;
}

/** Runs the analytic model; throws RunFailure (as runConfig does) when the placement does not fit. */
export function analyticConfig(cfg: RunConfig, opts: AnalyticOptions): AnalyticReport {
  const r = tryAnalyticConfig(cfg, opts);
  if (!r.ok) throw new RunFailure(r.error);
  return r.report;
}
