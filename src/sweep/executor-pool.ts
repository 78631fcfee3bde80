/**
 * Local parallel executor: a piscina 5 pool of worker threads, each running TypeScript through tsx.
 * Outcomes are handed to the coordinator as they finish; storage is keyed by point id, so the
 * stored results do not depend on the number of threads or their finishing order.
 */
import { Piscina } from 'piscina';
import type { Executor, PointOutcome, PointTask } from './task.js';

/** A pool of `threads` worker threads. */
export class PoolExecutor implements Executor {
  private readonly pool: Piscina;
  constructor(readonly threads: number) {
    this.pool = new Piscina({
      filename: new URL('./pool-thread.mjs', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
  }

  async run(tasks: readonly PointTask[], onOutcome: (o: PointOutcome) => Promise<void>, abort: AbortSignal): Promise<void> {
    const jobs = tasks.map(async (t) => {
      let o: PointOutcome;
      try {
        o = (await this.pool.run(t, { signal: abort })) as PointOutcome;
      } catch (e) {
        if (abort.aborted) return;
        // A crashed thread is not a property of the point: stop; --resume continues later.
        throw new Error(`worker thread failed on point ${t.id}: ${(e as Error).message.split('\n')[0]}`);
      }
      if (!abort.aborted) await onOutcome(o);
    });
    await Promise.all(jobs);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
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
