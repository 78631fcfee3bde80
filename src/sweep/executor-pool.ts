/**
 * Local parallel executor: a piscina 5 pool of worker threads, each running TypeScript through tsx.
 * Outcomes are handed to the coordinator as they finish; storage is keyed by point id, so the
 * stored results do not depend on the number of threads or their finishing order.
 */
import { Piscina } from 'piscina';
import type { Executor, PointOutcome, PointTask } from './task.js';

/**
 * Most worker threads a command starts: each loads the TypeScript toolchain and the simulator
 * (seconds of CPU and tens of MB each), so thousands would exhaust the machine before a point runs.
 */
export const MAX_THREADS = 256;

/**
 * A pool of at most `threads` worker threads, started when points arrive and never more than there
 * are points to run (`--workers 64` for a 4-point sweep starts 4; each thread costs seconds to start).
 */
export class PoolExecutor implements Executor {
  private pool: Piscina | null = null;
  constructor(readonly threads: number) {}

  async run(tasks: readonly PointTask[], onOutcome: (o: PointOutcome) => Promise<void>, abort: AbortSignal): Promise<void> {
    if (tasks.length === 0) return;
    const size = Math.min(this.threads, tasks.length);
    this.pool ??= new Piscina({
      filename: new URL('./pool-thread.mjs', import.meta.url).href,
      minThreads: size,
      maxThreads: size,
      idleTimeout: 60_000,
    });
    const pool = this.pool;
    const jobs = tasks.map(async (t) => {
      let o: PointOutcome;
      try {
        o = (await pool.run(t, { signal: abort })) as PointOutcome;
      } catch (e) {
        if (abort.aborted) return;
        // A crashed thread is not a property of the point: stop; --resume continues later.
        throw new Error(`worker thread failed on point ${t.id}: ${(e as Error).message.split('\n')[0]}`);
      }
      if (!abort.aborted) await onOutcome(o);
    });
    await Promise.all(jobs);
  }

  /** Worker threads started so far (0 before the first point). */
  get startedThreads(): number {
    return this.pool?.threads.length ?? 0;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }
}

/** In-process executor (`--workers 0`): evaluates points one after another on the main thread. */
export class InlineExecutor implements Executor {
  async run(tasks: readonly PointTask[], onOutcome: (o: PointOutcome) => Promise<void>, abort: AbortSignal): Promise<void> {
    const { evaluateTask } = await import('./task.js');
    for (const t of tasks) {
      if (abort.aborted) return;
      await onOutcome(await evaluateTask(t));
    }
  }
  async close(): Promise<void> {}
}
