/**
 * Distributed executor (coordinator side): puts each point on a BullMQ queue with the point id as
 * job id, then collects return values from QueueEvents plus a periodic reconcile (so no completion
 * is missed across reconnects or restarts). Only this process writes the results database.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import { UserError } from '../config/errors.js';
import { DEFAULT_QUEUE_NAME, JOB_ATTEMPTS, parseRedisUrl } from './queue-common.js';
import { probeRedis, watchRedis, type RedisWatch } from './redis-link.js';
import type { Executor, ExecutorRunOptions, PointOutcome, PointTask } from './task.js';

/** Options of the queue executor. */
export interface QueueExecutorOptions {
  readonly queueName?: string;
  /** How often outstanding jobs are checked directly (ms); default 2000. */
  readonly reconcileMs?: number;
  /** Called when a point fails on the queue itself (not in the evaluator), e.g. stalled too often. */
  readonly onLost?: (id: string, reason: string) => void;
}

/** Coordinator of a BullMQ sweep. */
export class QueueExecutor implements Executor {
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly watch: RedisWatch;
  /** Set once the Redis connection is lost for good (the run fails with this one-line reason). */
  private lostReason: string | null = null;
  /** Points that failed on the queue (not stored; a --resume run queues them again). */
  readonly lost = new Map<string, string>();

  /**
   * Reaches Redis at `url` first (bounded attempts, then PING): an unreachable server or a bad URL
   * throws a one-line UserError (exit 2) before any BullMQ object exists.
   */
  static async connect(url: string, opts: QueueExecutorOptions = {}): Promise<QueueExecutor> {
    await probeRedis(url, 'qmcsim sweep');
    return new QueueExecutor(url, opts);
  }

  /** Prefer `connect`, which checks that Redis answers first. */
  constructor(url: string, private readonly opts: QueueExecutorOptions = {}) {
    const connection = parseRedisUrl(url);
    const name = opts.queueName ?? DEFAULT_QUEUE_NAME;
    this.queue = new Queue(name, { connection });
    this.events = new QueueEvents(name, { connection });
    // ioredis retries dropped connections; the watch decides when the connection is lost for good.
    this.queue.on('error', () => {});
    this.events.on('error', () => {});
    this.watch = watchRedis(url);
    void this.watch.lost.then((reason) => {
      this.lostReason = reason;
      void this.queue.disconnect().catch(() => {}); // fails every pending command now
      void this.events.disconnect().catch(() => {});
    });
  }

  /** Evaluates `tasks` through the queue; a lost Redis connection rejects with a one-line UserError (exit 1). */
  async run(tasks: readonly PointTask[], onOutcome: (o: PointOutcome) => Promise<void>, abort: AbortSignal, opts: ExecutorRunOptions = {}): Promise<void> {
    if (tasks.length === 0) return;
    let lostFail = (_reason: string): void => {};
    const lostNow = new Promise<never>((_res, rej) => {
      lostFail = (reason) => rej(new UserError(`qmcsim sweep: ${reason}; points stored so far are kept, run again with --resume`, 1));
    });
    lostNow.catch(() => {});
    const stop = new AbortController(); // the caller's abort, or the connection lost
    const onAbort = (): void => stop.abort();
    abort.addEventListener('abort', onAbort);
    if (abort.aborted) stop.abort();
    void this.watch.lost.then((r) => { lostFail(r); stop.abort(); });
    const work = this.runTasks(tasks, onOutcome, stop.signal, opts.fresh === true);
    work.catch(() => {}); // after a lost connection its rejection is replaced by the one-line reason
    try {
      await Promise.race([work, lostNow]);
    } catch (e) {
      if (this.lostReason !== null) await lostNow;
      throw e;
    } finally {
      abort.removeEventListener('abort', onAbort);
    }
  }

  private async runTasks(tasks: readonly PointTask[], onOutcome: (o: PointOutcome) => Promise<void>, abort: AbortSignal, fresh: boolean): Promise<void> {
    await this.events.waitUntilReady();
    // A finished job of an earlier run (kept 24 h) would otherwise be taken as this run's result:
    // a re-run without --resume would store it as 'run now' without evaluating anything.
    if (fresh) for (const t of tasks) await this.discardFinished(t.id);
    const outstanding = new Set(tasks.map((t) => t.id));
    let finish!: () => void;
    let fail!: (e: unknown) => void;
    const done = new Promise<void>((res, rej) => { finish = res; fail = rej; });
    let chain: Promise<void> = Promise.resolve();
    const settle = (id: string, outcome: PointOutcome | null, reason = ''): void => {
      if (!outstanding.delete(id)) return;
      chain = chain.then(async () => {
        if (outcome !== null) await onOutcome(outcome);
        else { this.lost.set(id, reason); this.opts.onLost?.(id, reason); }
        if (outstanding.size === 0) finish();
      }).catch(fail);
    };
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }): void => {
      if (outstanding.has(jobId)) settle(jobId, asOutcome(jobId, returnvalue));
    };
    const onFailed = ({ jobId }: { jobId: string }): void => {
      if (outstanding.has(jobId)) void this.check(jobId, settle).catch(fail);
    };
    this.events.on('completed', onCompleted);
    this.events.on('failed', onFailed);
    const onAbort = (): void => finish();
    abort.addEventListener('abort', onAbort);
    try {
      await this.queue.addBulk(tasks.map((t) => ({
        name: 'point',
        data: t,
        opts: {
          jobId: t.id, attempts: JOB_ATTEMPTS, backoff: { type: 'fixed', delay: 500 },
          removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 24 * 3600 },
        },
      })));
      // Jobs that already existed (an earlier run) may be finished or failed: pick up or retry them.
      for (const id of [...outstanding]) await this.check(id, settle, true);
      const timer = setInterval(() => {
        void (async () => { for (const id of [...outstanding]) await this.check(id, settle); })().catch(fail);
      }, this.opts.reconcileMs ?? 2000);
      try {
        await done;
        await chain;
      } finally {
        clearInterval(timer);
      }
    } finally {
      abort.removeEventListener('abort', onAbort);
      this.events.off('completed', onCompleted);
      this.events.off('failed', onFailed);
    }
  }

  /** Removes job `id` when it is finished (completed or failed); queued or running jobs stay. */
  private async discardFinished(id: string): Promise<void> {
    const job = await Job.fromId(this.queue, id);
    if (job === undefined) return;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') await job.remove();
  }

  /** Looks a job up directly; settles it when it completed or finally failed. */
  private async check(id: string, settle: (id: string, o: PointOutcome | null, reason?: string) => void, retryFailed = false): Promise<void> {
    // State first, then the job: a job read while active and found completed a moment later has no
    // return value yet in the copy read, which stored a computed point as failed ('worker returned
    // no result'). A job is moved to completed together with its return value, so this order is safe.
    const state = await this.queue.getJobState(id);
    if (state !== 'completed' && state !== 'failed') return;
    const job = await Job.fromId(this.queue, id);
    if (job === undefined) return;
    if (state === 'completed') settle(id, asOutcome(id, job.returnvalue));
    else if (state === 'failed') {
      if (retryFailed) await job.retry('failed');
      else settle(id, null, job.failedReason ?? 'failed');
    }
  }

  async close(): Promise<void> {
    this.watch.close();
    if (this.lostReason !== null) return; // already disconnected
    await this.events.close();
    await this.queue.close();
  }
}

function asOutcome(id: string, v: unknown): PointOutcome {
  const o = (typeof v === 'string' ? JSON.parse(v) : v) as PointOutcome | null;
  if (o === null || typeof o !== 'object' || o.id !== id) return { id, ok: false, error: 'worker returned no result' };
  return o;
}
