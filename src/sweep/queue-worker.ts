/**
 * Distributed executor (worker side, `qmcsim worker`): takes points from the BullMQ queue and
 * evaluates them in a pool of worker threads, so the event loop stays free to renew job locks.
 * A worker that dies mid-point loses its lock; BullMQ's stalled check hands the point to another.
 */
import { Worker } from 'bullmq';
import { Piscina } from 'piscina';
import { UserError } from '../config/errors.js';
import { DEFAULT_QUEUE_NAME, parseRedisUrl } from './queue-common.js';
import { probeRedis, watchRedis } from './redis-link.js';
import type { PointOutcome, PointTask } from './task.js';
import { buildId } from './version.js';

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
  /**
   * Resolves with a one-line reason when the worker must stop: the Redis connection is lost for
   * good, or a point was planned by another build of qmcsim than this worker runs.
   */
  readonly lost: Promise<string>;
  /** Waits for running points to finish (or, with `force`, abandons them to other workers), then disconnects. */
  close(force?: boolean): Promise<void>;
}

/**
 * Starts taking points from the queue at `url`. Redis is reached first (bounded); an unreachable
 * server or a bad URL throws a one-line UserError before any thread or BullMQ object exists.
 */
export async function startQueueWorker(url: string, opts: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  await probeRedis(url, 'qmcsim worker');
  const connection = parseRedisUrl(url);
  const watch = watchRedis(url);
  // A point planned by other code than this worker's would be stored under an id it does not
  // match: the worker hands it back (the failed attempt is retried by another worker) and stops.
  const build = buildId();
  let stale = (_reason: string): void => {};
  const staleBuild = new Promise<string>((res) => { stale = res; });
  const pool = new Piscina({
    filename: new URL('./pool-thread.mjs', import.meta.url).href,
    minThreads: opts.threads,
    maxThreads: opts.threads,
  });
  const worker = new Worker<PointTask, PointOutcome>(
    opts.queueName ?? DEFAULT_QUEUE_NAME,
    async (job) => {
      const wanted = job.data.build;
      if (wanted !== undefined && wanted !== build) {
        const reason = `point ${job.data.id} was planned by build ${wanted}, this worker runs build ${build}: update this checkout (git pull && npm ci) and start the worker again`;
        stale(reason);
        throw new Error(reason);
      }
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
  // Connection errors are retried by ioredis; the watch decides when the connection is lost.
  worker.on('error', () => {});
  const close = async (force = false): Promise<void> => {
    watch.close();
    await worker.close(force);
    await pool.destroy();
  };
  const ready = await Promise.race([worker.waitUntilReady().then(() => null), watch.lost]);
  if (ready !== null) {
    await close(true);
    throw new UserError(`qmcsim worker: ${ready}`, 1);
  }
  return { lost: Promise.race([watch.lost, staleBuild]), close };
}
