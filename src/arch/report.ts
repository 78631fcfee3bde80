/**
 * The run report: a flat metric map (unit suffix in each key) plus structured breakdowns — energy
 * per device and action (device counts priced after the run), interconnect energy per link, bytes
 * per memory / tensor / role, per-port queueing and utilisation over time, bit errors per device
 * and tag, placement usage, the QMC Eq. 4 power check and every estimated parameter. All numbers
 * are read off the replay's counters (plus reused layers' measured deltas).
 */
import type { ActionCounts } from '../devices/device.js';
import { priceCounts, type EnergyBreakdown } from '../devices/energy/energy-table.js';
import type { Ps } from '../units/quantity.js';
import type { Placement } from './placement/placement.js';
import { checkBudget, readEnergyPerBit, readPowerW, type BudgetCheck, type StreamPower } from './power-budget.js';
import type { ReplayResult } from './replay.js';
import type { RunConfig } from './run-config.js';
import { combine, snapshot, type SocSnapshot } from './snapshot.js';
import type { Soc } from './soc.js';
import { buildReportParts, type ReportParts } from './report-parts.js';
import { checkFiniteMetrics } from './finite-metrics.js';
import { quantLabel } from '../workloads/quant/config.js';
import { reuseEstimates, type ReuseEstimate } from './reuse-estimates.js';

export interface RunReport extends ReportParts {
  readonly name: string;
  /** The model run (catalogue name or YAML path, as configured) and the quantizer's short label. */
  readonly model: string;
  readonly quant: string;
  readonly seed: number;
  /** Flat metrics; the key suffix is the unit (Ps, Pj, Bytes, Mm2, W) or a count. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly energy: {
    readonly devices: readonly (EnergyBreakdown & { readonly memory: string })[];
    readonly interconnect: readonly { readonly link: string; readonly bytes: number; readonly energyPerBitPj: number; readonly energyPj: number }[];
    readonly cdcPj: number;
    readonly totalPj: number;
  };
  readonly powerBudget: BudgetCheck | undefined;
  /**
   * Layer reuse: steps reused and simulated, and the metrics it cannot extrapolate within 0.5 %,
   * as estimates with their error bound against a full replay (empty without reused steps).
   */
  readonly layerReuse: { readonly reusedSteps: number; readonly simulatedSteps: number; readonly estimates: readonly ReuseEstimate[] };
}

export function assembleReport(cfg: RunConfig, soc: Soc, placement: Placement, r: ReplayResult, weightBits: ReadonlyMap<string, number> | undefined, seed: number): RunReport {
  const allTags = Array.from({ length: soc.ledger.size }, (_, i) => i);
  const total: SocSnapshot = combine(snapshot(soc, allTags), r.reused, 1);
  const m: Record<string, number> = {};
  const totalPs = r.totalPs;

  // Energy: device counts priced with each device's table; links; CDC.
  const devices: (EnergyBreakdown & { memory: string })[] = [];
  let devicePj = 0;
  for (const [id, port] of soc.ports) {
    const s = total.ports.get(id);
    if (!s) continue;
    const counts: ActionCounts = {
      path: port.device.path, kind: port.device.kind, actions: s.actions, bytesRead: s.bytesRead, bytesWritten: s.bytesWritten,
      busyPs: s.busyPs, elapsedPs: totalPs as Ps,
    };
    const built = soc.built.get(id);
    if (!built) continue;
    const e = priceCounts(counts, built.energyTable);
    devices.push({ ...e, memory: id });
    devicePj += e.totalPj;
    m[`energyDevicePjByMemory.${id}`] = e.totalPj;
  }
  const interconnect = soc.links.map((l, k) => {
    const bytes = total.links[k]?.bytes ?? 0;
    const energyPj = bytes * 8 * l.spec.energyPerBit;
    m[`energyInterconnectPjByLink.${l.spec.id}`] = energyPj;
    return { link: l.spec.id, bytes, energyPerBitPj: l.spec.energyPerBit as number, energyPj };
  });
  // The CDC merge (and its FIFO's power) is active only when the token's weights are streamed from
  // ≥ 2 memories, as the replay adds its latency; an all-LPDDR5 or single-memory run pays neither.
  const wc = cfg.soc.weightController;
  const cdcPj = wc && weightMemories(soc, total).size >= 2 ? wc.cdcPower * totalPs : 0;
  const netPj = interconnect.reduce((a, x) => a + x.energyPj, 0) + cdcPj;
  m.latencyPerTokenPs = totalPs;
  m.engineEvents = r.events;
  m.simulatedPs = r.simulatedPs;
  m.energyDevicePj = devicePj;
  m.energyInterconnectPj = netPj;
  m.energyCdcPj = cdcPj;
  // One decode step yields one token per sequence: energy per token divides by the batch.
  m.energyPerStepPj = devicePj + netPj;
  m.energyPerTokenPj = (devicePj + netPj) / cfg.workload.batch;
  m.energyBackgroundPj = devices.reduce((a, d) => a + d.backgroundPj, 0);

  const parts = buildReportParts(cfg, soc, placement, r, total, weightBits, m);

  // QMC Eq. 4: peak read power of the memories that delivered weights this token, each at its peak
  // bandwidth and its measured read energy per bit (readEnergyPerBit: read actions plus the reads'
  // share of ACT/PRE/refresh), so per-command tables (LPDDR5 IDD: ACT, RD and I/O apart) and per-beat
  // ones (SRAM) count in full, not only a `readBits` entry. A memory that read no bit: its table's readBits.
  const streams: StreamPower[] = [];
  for (const memId of weightMemories(soc, total)) {
    const port = soc.port(memId);
    const table = soc.built.get(memId)?.energyTable;
    const e = devices.find((d) => d.memory === memId);
    const s = total.ports.get(memId);
    const bitsRead = 8 * (s?.bytesRead ?? 0), bitsWritten = 8 * (s?.bytesWritten ?? 0);
    streams.push({
      bandwidth: Math.min(port.device.peakBandwidth, port.link.spec.bandwidth),
      deviceEnergyPerBit: e !== undefined && bitsRead > 0 ? readEnergyPerBit(e.parts, bitsRead, bitsWritten) : table?.actions.readBits?.pj ?? 0,
      netEnergyPerBit: port.link.spec.energyPerBit,
    });
  }
  // a shared bus carries every stream: together they cannot exceed its bandwidth
  const shared = cfg.soc.interconnect.type === 'bus' && cfg.soc.interconnect.bus !== undefined
    ? cfg.soc.interconnect.bus.transferRate * cfg.soc.interconnect.bus.width : Infinity;
  m.weightReadPowerW = readPowerW(streams, shared);
  const budget = cfg.soc.powerBudget ? checkBudget(streams, cfg.soc.powerBudget.budget, shared) : undefined;
  if (budget) m.powerBudgetW = budget.budgetW;
  checkFiniteMetrics(m, cfg);

  return {
    name: cfg.name, model: cfg.model, quant: quantLabel(cfg.quant), seed, metrics: sortKeys(m),
    energy: { devices, interconnect, cdcPj, totalPj: devicePj + netPj },
    powerBudget: budget,
    layerReuse: { reusedSteps: r.reusedSteps, simulatedSteps: r.steps.length - r.reusedSteps, estimates: reuseEstimates(r.steps, m, [...soc.ports.keys()]) },
    ...parts,
  };
}

/** Memories that delivered weight bytes this token (every part but kv, state and activation). */
function weightMemories(soc: Soc, total: SocSnapshot): Set<string> {
  const out = new Set<string>();
  const L = soc.ledger;
  for (let t = 0; t < L.size; t++) {
    const part = L.parts[t] as string;
    if (part === 'kv' || part === 'state' || part === 'activation') continue;
    if ((total.tags.get(t)?.delivered ?? 0) > 0) out.add(L.memories[t] as string);
  }
  return out;
}

function sortKeys(m: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k] as number;
  return out;
}
