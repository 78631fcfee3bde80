/**
 * What travels between the coordinator and whoever evaluates a point (a worker thread or a
 * `qmcsim worker` process on another machine): the task, the outcome, and evaluating one task.
 */
import { loadEvaluator } from './evaluator.js';

/** One point to evaluate; plain JSON so it can cross threads and Redis. */
export interface PointTask {
  readonly id: string;
  readonly config: unknown;
  readonly seed: number;
  readonly layerReuse: boolean;
  /** 'run-config' or an absolute evaluator module path. */
  readonly evaluator: string;
}

/** The result of one point: metrics, or the evaluator's one-line error (a deterministic failure). */
export type PointOutcome =
  | { readonly id: string; readonly ok: true; readonly metrics: Readonly<Record<string, number>>; readonly error?: never }
  | { readonly id: string; readonly ok: false; readonly error: string; readonly metrics?: never };

/** How an executor treats results an earlier run left behind (only a queue keeps any). */
export interface ExecutorRunOptions {
  /**
   * Evaluate every task anew: a result an earlier run left on the queue is discarded, not reused
   * (a sweep without --resume). Default false: such results are picked up (--resume).
   */
  readonly fresh?: boolean;
}

/** Something that evaluates tasks and reports each outcome exactly once to `onOutcome`. */
export interface Executor {
  /** Evaluates every task; resolves when all outcomes were handed to `onOutcome` (awaited) or `abort` fired. */
  run(tasks: readonly PointTask[], onOutcome: (o: PointOutcome) => Promise<void>, abort: AbortSignal, opts?: ExecutorRunOptions): Promise<void>;
  close(): Promise<void>;
}

/** Evaluates one task in this thread. Evaluator errors become `{ ok: false }` outcomes. */
export async function evaluateTask(task: PointTask): Promise<PointOutcome> {
  const ev = await loadEvaluator(task.evaluator);
  try {
    const metrics = await ev.evaluate(task.config, { seed: task.seed, layerReuse: task.layerReuse });
    const clean: Record<string, number> = {};
    for (const k of Object.keys(metrics).sort()) {
      const v = metrics[k];
      if (typeof v === 'number') clean[k] = v;
    }
    return { id: task.id, ok: true, metrics: clean };
  } catch (e) {
    const msg = e instanceof Error ? (typeof (e as unknown as { format?: () => string }).format === 'function'
      ? (e as unknown as { format(): string }).format() : e.message) : String(e);
    return { id: task.id, ok: false, error: msg.split('\n')[0] ?? 'evaluation failed' };
  }
}
