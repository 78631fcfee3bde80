/**
 * RunReport (src/arch/run.ts) → RunSummary: per memory, the weight bytes the replay moved (byte
 * ledger, weight parts only), stored weight bits and cells (placement accounting), read energy
 * (priced action counts, background excluded), link energy, busy and stream time, bit errors.
 */
import type { RunConfig, RunReport } from '../arch/run.js';
import type { DeviceUse, RunSummary, Technology } from './run-summary.js';

const NON_WEIGHT_PARTS = new Set(['kv', 'state', 'activation']);
const TECH: Readonly<Record<string, Technology>> = {
  lpddr5: 'lpddr5', 'stt-mram': 'stt-mram', reram: 'reram', sram: 'sram',
};

/** Technology of a memory: the device kind, or the config's declared type for ideal devices. */
function technologyOf(kind: string, cfg: RunConfig, id: string): Technology {
  const t = TECH[kind];
  if (t) return t;
  const m = cfg.soc.memories.find((x) => x.id === id);
  const declared = (m?.device as { technology?: unknown } | undefined)?.technology;
  if (typeof declared === 'string' && TECH[declared]) return TECH[declared];
  throw new Error(`memory '${id}': device kind '${kind}' is not a technology the reproduction knows (lpddr5, stt-mram, reram, sram)`);
}

/** Summarises one replayed configuration. */
export function summarize(id: string, label: string, cfg: RunConfig, report: RunReport): RunSummary {
  const weightBytes = new Map<string, number>();
  for (const t of report.tensors) {
    if (NON_WEIGHT_PARTS.has(t.part)) continue;
    weightBytes.set(t.memory, (weightBytes.get(t.memory) ?? 0) + t.deliveredBytes);
  }
  const devices: DeviceUse[] = report.memories.map((mem) => {
    const mc = cfg.soc.memories.find((x) => x.id === mem.id);
    const bitsPerCell = mc?.bitsPerCell ?? 1;
    const e = report.energy.devices.find((d) => d.memory === mem.id);
    const link = report.energy.interconnect.find((l) => l.link === mem.id);
    const err = report.bitErrors.byMemory[mem.id];
    const cells = report.metrics[`weightCellsByMemory.${mem.id}`] ?? 0;
    return {
      id: mem.id,
      technology: technologyOf(mem.kind, cfg, mem.id),
      weightBytes: weightBytes.get(mem.id) ?? 0,
      weightBitsStored: cells * bitsPerCell,
      bitsPerCell,
      external: mem.external,
      readEnergyPj: e ? e.totalPj - e.backgroundPj : 0,
      backgroundEnergyPj: e ? e.backgroundPj : 0,
      linkEnergyPj: link ? link.energyPj : 0,
      busyPs: mem.busyPs,
      streamPs: mem.streamPs,
      bitErrors: err?.bitErrors ?? 0,
      bitsRead: err?.bitsRead ?? 0,
      expectedBitErrors: err?.expectedBitErrors ?? 0,
    };
  });
  const latencyPs = report.metrics.latencyPerTokenPs;
  if (latencyPs === undefined) throw new Error(`run '${id}': report has no latencyPerTokenPs metric`);
  return { id, label, latencyPs, devices, cdcEnergyPj: report.energy.cdcPj, metrics: report.metrics };
}
