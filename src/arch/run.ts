/**
 * `runConfig`: one whole run — workload trace → placement → SoC elaboration → event-driven replay
 * → report. Every figure in the report comes from the replay (bytes and accesses moved, device busy
 * time, action counts priced by energy tables after the run); nothing is computed in closed form.
 */
import { Engine } from '../engine/engine.js';
import type { TraceRecord } from '../workloads/trace/types.js';
import { assertFitsClock, withinClockRange } from './clock-range.js';
import { computeTimePs } from './compute.js';
import { defaultDeviceFactory, type DeviceFactory } from './device-factory.js';
import { formatPlacementError, place, type Placement, type PlacementError } from './placement/placement.js';
import { rulesFor } from './placement/policies.js';
import { replay } from './replay.js';
import { assembleReport, type RunReport } from './report.js';
import type { RunConfig } from './run-config.js';
import { Soc } from './soc.js';
import { buildSteps, groupSteps, itemsOf } from './steps.js';
import { buildWorkload } from './workload.js';

export type { RunReport } from './report.js';
export type { RunConfig } from './run-config.js';

export interface RunOptions {
  readonly seed: number;
  /** Replay each distinct layer once and reuse its measured results for identical layers. */
  readonly layerReuse?: boolean;
  /** Simulated time each distinct layer accumulates before reuse (default 100 µs, see replay.ts). */
  readonly reuseWindowPs?: number;
  readonly onProgress?: (fraction: number) => void;
  /** Device factory (tests); default: ideal + the devices layer. */
  readonly deviceFactory?: DeviceFactory;
  /**
   * Use these trace records instead of generating the decode trace from the config's model
   * (placement is then sized from the records' reads, not the quantized inventory).
   */
  readonly trace?: Iterable<TraceRecord>;
  /**
   * Keep only the generated records passing this filter (e.g. weight reads only, as QMC accounts);
   * storage is still sized from the full quantized inventory.
   */
  readonly recordFilter?: (r: TraceRecord) => boolean;
}

export type RunOutcome =
  | { readonly ok: true; readonly report: RunReport; readonly error?: never }
  | { readonly ok: false; readonly error: PlacementError; readonly message: string; readonly report?: never };

/** Raised by `runConfig` when the placement does not fit; `tryRunConfig` returns it as a value. */
export class RunFailure extends Error {
  constructor(readonly error: PlacementError) {
    super(formatPlacementError(error));
    this.name = 'RunFailure';
  }
}

/** What a run is built into before anything is replayed (elaborateRun). */
export interface ElaboratedRun {
  readonly engine: Engine;
  readonly soc: Soc;
  readonly placement: Placement;
  readonly steps: ReturnType<typeof buildSteps>;
  readonly weightBits: ReadonlyMap<string, number> | undefined;
}

/**
 * Workload trace → steps → SoC (with any `energyTables` choice) → placement → initiators → step
 * streams: the elaboration the replay (tryRunConfig) and the analytic model (analytic.ts) share.
 */
export function elaborateRun(cfg: RunConfig, opts: Pick<RunOptions, 'seed' | 'trace' | 'recordFilter' | 'deviceFactory'>): ElaboratedRun | { readonly error: PlacementError } {
  const wl = opts.trace ? { records: opts.trace, weightBytes: undefined, weightBits: undefined } : buildWorkload(cfg);
  const filter = opts.recordFilter;
  const records = filter ? [...wl.records].filter((r) => r.kind === 'layerEnd' || filter(r)) : wl.records;
  const groups = groupSteps(records);
  const engine = new Engine();
  const soc = new Soc(engine, cfg.soc, opts.deviceFactory ?? defaultDeviceFactory, opts.seed);
  // `energyTables: { <memory>: <table name> }` prices that memory with another of its device's tables.
  for (const [mem, name] of Object.entries(cfg.energyTables)) {
    const built = soc.built.get(mem);
    const table = built?.energyTables?.find((t) => t.name === name);
    if (built === undefined || table === undefined) throw new Error(`energyTables.${mem}: no table '${name}' (checked at load)`);
    soc.built.set(mem, { ...built, energyTable: table });
  }
  const items = itemsOf(groups, wl.weightBytes);
  const align = (mem: string): number => soc.port(mem).requestBytes;
  const placed = place(cfg.placement.policy, items, rulesFor(cfg.placement), soc.map, align);
  if (!placed.ok) return { error: placed.error };
  for (const t of Object.values(cfg.traffic)) soc.initiator(t);
  return { engine, soc, placement: placed.value, steps: buildSteps(groups, placed.value, cfg.traffic), weightBits: wl.weightBits };
}

/** Runs a configuration; a placement that does not fit is returned as a value. */
export function tryRunConfig(cfg: RunConfig, opts: RunOptions): RunOutcome {
  const e = elaborateRun(cfg, opts);
  if ('error' in e) return { ok: false, error: e.error, message: formatPlacementError(e.error) };
  const { engine, soc, placement, steps } = e;
  const computeIni = cfg.soc.initiators.find((i) => i.id === cfg.traffic.compute);
  const wc = cfg.soc.weightController;
  assertFitsClock(soc, steps);
  const result = withinClockRange(engine, () => replay(engine, soc, steps, {
    layerReuse: opts.layerReuse ?? false,
    ...(opts.reuseWindowPs !== undefined ? { reuseWindowPs: opts.reuseWindowPs } : {}),
    computePs: (s) => (cfg.compute.enabled && computeIni ? computeTimePs(s.flops, computeIni) : 0),
    syncPs: wc ? wc.cdcCycles * Math.round(1e12 / wc.clock) : 0,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  }));
  return { ok: true, report: assembleReport(cfg, soc, placement, result, e.weightBits, opts.seed) };
}

/** Runs a configuration and returns its report; throws RunFailure when the placement does not fit. */
export function runConfig(cfg: RunConfig, opts: RunOptions): RunReport {
  const r = tryRunConfig(cfg, opts);
  if (!r.ok) throw new RunFailure(r.error);
  return r.report;
}
