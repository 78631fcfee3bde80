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
  /** The build (version+fingerprint, version.ts) that planned the point; a queue worker of another build refuses it. */
  readonly build?: string;
}

/** The result of one point: metrics, or the evaluator's one-line error (a deterministic failure). */
export type PointOutcome =
  | { readonly id: string; readonly ok: true; readonly metrics: Readonly<Record<string, number>>; readonly error?: never }
  | {
    readonly id: string; readonly ok: false; readonly error: string; readonly metrics?: never;
    /** True when evaluate() returned but a value was no finite number (the error names the metric, not the point or module). */
    readonly badMetric?: boolean;
  };

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
    const metrics: unknown = await ev.evaluate(task.config, { seed: task.seed, layerReuse: task.layerReuse });
    if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) {
      return { id: task.id, ok: false, badMetric: true, error: `evaluate(): expected an object of metrics (name → number), found ${shown(metrics)}` };
    }
    const clean: Record<string, number> = {};
    for (const k of Object.keys(metrics).sort()) {
      const v = (metrics as Record<string, unknown>)[k];
      // checked here, where the value is as computed: NaN and Infinity do not survive the queue's JSON
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return { id: task.id, ok: false, badMetric: true, error: `metric '${k}': expected a finite number, found ${shown(v)}` };
      }
      clean[k] = v === 0 ? 0 : v; // -0 stored as 0 on every path (JSON writes it so)
    }
    return { id: task.id, ok: true, metrics: clean };
  } catch (e) {
    const msg = e instanceof Error ? (typeof (e as unknown as { format?: () => string }).format === 'function'
      ? (e as unknown as { format(): string }).format() : e.message) : String(e);
    return { id: task.id, ok: false, error: msg.split('\n')[0] ?? 'evaluation failed' };
  }
}

/** A returned value as a message shows it: NaN, Infinity, '12' (a string), null, an array. */
function shown(v: unknown): string {
  if (typeof v === 'string') return `${JSON.stringify(v).replace(/^"|"$/g, "'")} (a string)`;
  if (typeof v === 'bigint') return `${v}n (a bigint)`;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object' && v !== null) return 'an object';
  if (typeof v === 'function') return 'a function';
  return String(v);
}
