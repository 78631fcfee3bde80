/**
 * One replay of the study as a plain-data task (file + overrides + options → summary), so the same
 * function runs in-process or in a worker thread. Results are keyed by task id; the study's output
 * does not depend on how many threads ran the tasks or in which order they finished.
 */
import type { RunConfig } from '../arch/run-config.js';
import { summarize } from './from-run-report.js';
import { loadRunConfig } from '../arch/run-config.js';
import { displayName } from '../config/resolve.js';
import { replayConfig } from './run-one.js';
import type { RunSummary } from './run-summary.js';

export interface RunTask {
  readonly id: string;
  readonly label: string;
  /** Absolute path of the run configuration. */
  readonly file: string;
  readonly overrides: readonly string[];
  /** Overrides giving the values the run file's estimates were made for (the shipped study's `set:`); default none. */
  readonly reference?: readonly string[];
  readonly seed: number;
  readonly layerReuse: boolean;
  readonly weightTrafficOnly: boolean;
  /** The configuration `file` + `overrides` load to, when the caller has loaded it already (not loaded again). */
  readonly config?: RunConfig;
}

export interface RunTaskResult {
  readonly id: string;
  readonly summary: RunSummary;
  readonly config: RunConfig;
  readonly estimates: readonly { readonly param: string; readonly value: string; readonly derivation: string; readonly inUse?: string; readonly overridden?: boolean; readonly changes?: readonly string[] }[];
}

/** Runs one task; `onProgress` gets the fraction of this replay done. */
export function runTask(t: RunTask, onProgress?: (fraction: number) => void): RunTaskResult {
  const config = t.config ?? loadRunConfig(t.file, t.overrides, t.reference ?? []);
  const report = replayConfig(config, {
    seed: t.seed, layerReuse: t.layerReuse, weightTrafficOnly: t.weightTrafficOnly, ...(onProgress ? { onProgress } : {}),
    label: `reproduce: configuration '${t.id}' (${displayName(t.file)})`,
  });
  return {
    id: t.id,
    summary: summarize(t.id, t.label, config, report),
    config,
    estimates: report.estimates.map((e) => ({ ...e, value: String(e.value) })),
  };
}

/** Runs tasks and reports each result (any order); resolves when all are done. */
export type TaskExecutor = (
  tasks: readonly RunTask[],
  onProgress: (done: number, label: string, fraction: number) => void,
) => Promise<Map<string, RunTaskResult>>;

/** In-process executor: tasks one after another, yielding to the event loop between them. */
export function inlineExecutor(yieldBetween?: () => Promise<void>): TaskExecutor {
  return async (tasks, onProgress) => {
    const out = new Map<string, RunTaskResult>();
    for (const t of tasks) {
      const done = out.size;
      out.set(t.id, runTask(t, (f) => onProgress(done, t.label, f)));
      onProgress(out.size, t.label, 0);
      await yieldBetween?.();
    }
    return out;
  };
}
