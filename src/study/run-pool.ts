/**
 * Thread-pool executor of the study's replays (piscina 5): independent configurations replay in
 * parallel worker threads, longest first. Results are keyed by task id, so the output is identical
 * to the in-process executor's.
 */
import { Piscina } from 'piscina';
import type { RunTask, RunTaskResult, TaskExecutor } from './run-task.js';
import type { ThreadUserError } from './run-thread.js';
import { UserError } from '../config/errors.js';

/** An executor running `threads` worker threads. */
export function poolExecutor(threads: number): TaskExecutor {
  return async (tasks, onProgress) => {
    const pool = new Piscina({
      filename: new URL('./run-thread.mjs', import.meta.url).href,
      minThreads: threads, maxThreads: threads, idleTimeout: 1_000,
    });
    const out = new Map<string, RunTaskResult>();
    try {
      await Promise.all(tasks.map(async (t: RunTask) => {
        const r = (await pool.run(t)) as RunTaskResult | ThreadUserError;
        if ('userError' in r) throw new UserError(r.userError, r.exitCode);
        out.set(t.id, r);
        onProgress(out.size, t.label, 0);
      }));
    } finally {
      await pool.destroy();
    }
    return out;
  };
}
