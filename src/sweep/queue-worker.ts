/**
 * Distributed executor (worker side, `qmcsim worker`): takes points from the BullMQ queue and
 * evaluates them in a pool of worker threads, so the event loop stays free to renew job locks.
 * A worker that dies mid-point loses its lock; BullMQ's stalled check hands the point to another.
 */
import { Worker } from 'bullmq';
import { Piscina } from 'piscina';
import { DEFAULT_QUEUE_NAME, parseRedisUrl } from './queue-common.js';
import type { PointOutcome, PointTask } from './task.js';

/** Options of a queue worker. */
export interface QueueWorkerOptions {
  readonly queueName?: string;
  /** Points evaluated at once (worker threads). */
  readonly threads: number;
  /** Job lock time (ms); a dead worker's point is retried after about this long. */
  readonly lockMs: number;
  readonly onStart?: (id: string) => void;
  readonly onDone?: (o: PointOutcome) => void;
}

/** A running queue worker. */
export interface QueueWorkerHandle {
  /** Waits for running points to finish, then disconnects. */
  close(): Promise<void>;
}

/** Starts taking points from the queue at `url`. */
export async function startQueueWorker(url: string, opts: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const connection = parseRedisUrl(url);
  const pool = new Piscina({
    filename: new URL('./pool-thread.mjs', import.meta.url).href,
    minThreads: opts.threads,
    maxThreads: opts.threads,
  });
  const worker = new Worker<PointTask, PointOutcome>(
    opts.queueName ?? DEFAULT_QUEUE_NAME,
    async (job) => {
      opts.onStart?.(job.data.id);
      const o = (await pool.run(job.data)) as PointOutcome;
      opts.onDone?.(o);
      return o;
    },
    {
      connection,
      concurrency: opts.threads,
      lockDuration: opts.lockMs,
      stalledInterval: Math.max(500, Math.floor(opts.lockMs / 2)),
      maxStalledCount: 5, // a CPU-starved but live worker may miss a renewal; a dead one is retried sooner or later
    },
  );
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await pool.destroy();
    },
  };
}
