/**
 * `qmcsim worker --queue redis://HOST:PORT`: takes sweep points from the BullMQ queue and evaluates
 * them on worker threads until stopped (SIGINT/SIGTERM finish running points first). Run any
 * number of these on any machines that can reach Redis and have this repository.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { isUserError, UserError } from '../../config/errors.js';
import { MAX_THREADS } from '../../sweep/executor-pool.js';
import { err } from '../io.js';

interface WorkerOpts {
  queue?: string;
  queueName?: string;
  workers?: string;
  lockMs?: string;
  quiet?: boolean;
}

/** Registers `worker`. */
export function register(program: Command): void {
  program
    .command('worker')
    .description('evaluate sweep points from a BullMQ queue (see `qmcsim sweep --queue`)')
    .requiredOption('--queue <url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
    .option('--queue-name <name>', 'BullMQ queue name (default qmcsim-points)')
    .option('--workers <n>', 'points evaluated at once (worker threads)', String(availableParallelism()))
    .option('--lock-ms <ms>', "job lock time; a dead worker's point is retried after about this long", '10000')
    .option('--quiet', 'do not log each point')
    .action(async (opts: WorkerOpts) => {
      // Digits only: Number('') is 0, Number('1e1') is 10 and Number('0x2') is 2, which would pass silently.
      const whole = (text: string | undefined): number => (/^\d+$/.test(text ?? '') ? Number(text) : NaN);
      const threads = whole(opts.workers);
      const lockMs = whole(opts.lockMs);
      if (!Number.isSafeInteger(threads) || threads < 1) throw new UserError(`--workers: expected a whole number ≥ 1, found '${opts.workers ?? ''}'`);
      if (threads > MAX_THREADS) throw new UserError(`--workers: expected at most ${MAX_THREADS} worker threads (this machine has ${availableParallelism()} cores), found ${threads}`);
      if (!Number.isSafeInteger(lockMs) || lockMs < 500) throw new UserError(`--lock-ms: expected milliseconds ≥ 500, found '${opts.lockMs ?? ''}'`);
      if (opts.queueName !== undefined && opts.queueName.trim() === '') throw new UserError(`qmcsim worker: --queue-name: expected a queue name, found an empty string`);
      const log = opts.quiet === true ? (): void => {} : (s: string): void => err(s);
      let handle;
      try {
        const { startQueueWorker } = await import('../../sweep/queue-worker.js'); // bullmq loads only when used
        handle = await startQueueWorker(opts.queue ?? '', {
          threads, lockMs, ...(opts.queueName !== undefined ? { queueName: opts.queueName } : {}),
          onStart: (id) => log(`worker ${process.pid}: start ${id}`),
          onDone: (o) => log(`worker ${process.pid}: done ${o.id}${o.ok ? '' : ` (failed: ${o.error})`}`),
        });
      } catch (e) {
        if (isUserError(e)) throw e;
        throw new UserError(`qmcsim worker: ${(e as Error).message.split('\n')[0]}`, 1);
      }
      log(`worker ${process.pid}: waiting for points on ${opts.queue} (${threads} threads)`);
      let stop = (): void => {};
      const stopped = new Promise<null>((resolveStop) => { stop = () => resolveStop(null); });
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const lost = await Promise.race([stopped, handle.lost]);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (lost !== null) {
        // Running points lose their locks; BullMQ hands them to another worker.
        await handle.close(true);
        throw new UserError(`qmcsim worker: ${lost}; points it was running go back to the queue for other workers`, 1);
      }
      log(`worker ${process.pid}: stopping`);
      await handle.close();
    });
}
