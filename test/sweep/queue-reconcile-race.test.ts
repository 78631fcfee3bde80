/**
 * The coordinator's reconcile (a direct look at each outstanding job) must not store a point as
 * failed when the job completes between reading the job and reading its state: it used to read the
 * job first (no return value yet, still active) and the state second ('completed'), and stored
 * 'worker returned no result', a failure --resume never re-runs. Reconciling every millisecond
 * makes that window likely; every point must come out as the in-process evaluation gives it.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InlineExecutor } from '../../src/sweep/executor-pool.js';
import { QueueExecutor } from '../../src/sweep/executor-queue.js';
import { startQueueWorker } from '../../src/sweep/queue-worker.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import type { Executor } from '../../src/sweep/task.js';
import { FIXTURES, tempDir } from './helpers.js';
import { hasRedisServer, killAll, startRedis } from './processes.js';

afterAll(killAll);

const redis = hasRedisServer();
if (!redis) console.warn('queue reconcile test skipped: no redis-server binary on PATH');

describe.skipIf(!redis)('queue coordinator reconcile', () => {
  it('a job completing while it is being looked up is stored with its metrics, not as failed', async () => {
    const spec = loadSweepSpec(join(FIXTURES, 'toy-sweep.yaml'));
    const sweep = async (executor: Executor): Promise<string[]> => {
      const db = await ResultsDb.open(join(tempDir(), 'r.duckdb'));
      try {
        const s = await runSweep(spec, { db, resume: false, executor });
        return s.points.map((p) => `${p.id} ${p.status} ${p.error ?? ''} ${p.metricsJson}`);
      } finally {
        await executor.close();
        await db.close();
      }
    };
    const reference = await sweep(new InlineExecutor());
    const { proc: server, url } = await startRedis();
    try {
      for (const queueName of ['race-1', 'race-2']) { // two rounds on fresh queues: every point evaluated each time
        const worker = await startQueueWorker(url, { threads: 2, lockMs: 2000, queueName });
        try {
          expect(await sweep(await QueueExecutor.connect(url, { reconcileMs: 1, queueName }))).toEqual(reference);
        } finally {
          await worker.close();
        }
      }
    } finally {
      server.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000);
});
