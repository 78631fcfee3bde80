/**
 * Loads and replays one run configuration for the study. With `weightTrafficOnly` the decode trace
 * keeps only weight reads, layer boundaries and compute segments, as the paper accounts its system
 * results (qmc-paper.md §3: weight traffic only, no KV cache); the replay itself is unchanged.
 */
import { loadRunConfig, type RunConfig } from '../arch/run-config.js';
import { RunFailure, runConfig, type RunReport } from '../arch/run.js';
import { UserError } from '../config/errors.js';
import type { TraceRecord } from '../workloads/trace/types.js';

export interface RunOneOptions {
  readonly seed: number;
  readonly layerReuse: boolean;
  readonly weightTrafficOnly: boolean;
  readonly onProgress?: (fraction: number) => void;
  /** Names the replay in a placement failure, e.g. "reproduce: configuration 'qmc-3bit' (…)". */
  readonly label?: string;
}

export interface RunOneResult {
  readonly file: string;
  readonly overrides: readonly string[];
  readonly config: RunConfig;
  readonly report: RunReport;
}

/**
 * The records the paper's accounting counts: weight reads and compute segments (runConfig keeps
 * layer boundaries itself). Storage is still sized from the full quantized inventory.
 */
const weightTraffic = (r: TraceRecord): boolean => r.kind === 'weightRead' || r.kind === 'compute';

/** Loads `file` with `overrides` and replays it. */
export function runOne(file: string, overrides: readonly string[], o: RunOneOptions): RunOneResult {
  const config = loadRunConfig(file, overrides);
  return { file, overrides, config, report: replayConfig(config, o) };
}

/**
 * Replays an already loaded configuration. A placement that does not fit (e.g. a --set capacity
 * too small for the model) is a UserError with exit code 1, as in `qmcsim run`, not an internal error.
 */
export function replayConfig(config: RunConfig, o: RunOneOptions): RunReport {
  const base = { seed: o.seed, layerReuse: o.layerReuse, ...(o.onProgress ? { onProgress: o.onProgress } : {}) };
  try {
    return runConfig(config, o.weightTrafficOnly ? { ...base, recordFilter: weightTraffic } : base);
  } catch (e) {
    if (!(e instanceof RunFailure)) throw e;
    throw new UserError(`${o.label ?? `replay of '${config.name}'`}: ${e.message}`, 1);
  }
}
