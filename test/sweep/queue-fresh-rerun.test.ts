/**
 * A queue sweep re-run without --resume evaluates every point again: BullMQ keeps finished jobs
 * (24 h) under the point id, and the coordinator used to take those as this run's results, storing
 * them as "run now" without any worker evaluating them (stale after a code change; a local pool
 * re-evaluates). With --resume the finished jobs are still picked up.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QueueExecutor } from '../../src/sweep/executor-queue.js';
import { startQueueWorker } from '../../src/sweep/queue-worker.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { FIXTURES, tempDir } from './helpers.js';
import { hasRedisServer, killAll, startRedis } from './processes.js';

afterAll(killAll);

const redis = hasRedisServer();
if (!redis) console.warn('queue re-run test skipped: no redis-server binary on PATH');

describe.skipIf(!redis)('sweep over a queue, run again', () => {
  it('without --resume re-evaluates every point; with --resume reuses what the queue holds', async () => {
    const { proc: server, url } = await startRedis();
    const started: string[] = [];
    const worker = await startQueueWorker(url, { threads: 1, lockMs: 2000, onStart: (id) => started.push(id) });
    try {
      const spec = loadSweepSpec(join(FIXTURES, 'toy-sweep.yaml'));
      const sweep = async (resume: boolean): Promise<{ ran: number; metrics: string[] }> => {
        const db = await ResultsDb.open(join(tempDir(), 'r.duckdb'));
        const executor = await QueueExecutor.connect(url, { reconcileMs: 200 });
        try {
          const s = await runSweep(spec, { db, resume, executor });
          return { ran: s.ran, metrics: s.points.map((p) => `${p.id} ${p.status} ${p.error ?? ""} ${p.metricsJson}`) };
        } finally {
          await executor.close();
          await db.close();
        }
      };
      const first = await sweep(false);
      const n = first.ran;
      expect(n).toBeGreaterThan(0);
      expect(started.length).toBe(n);

      const again = await sweep(false);
      expect(again.ran).toBe(n);
      expect(started.length).toBe(2 * n); // every point evaluated again by the worker
      expect(again.metrics).toEqual(first.metrics);

      const resumed = await sweep(true); // fresh database: nothing stored, so all come from the queue
      expect(resumed.ran).toBe(n);
      expect(started.length).toBe(2 * n); // finished jobs reused, nothing evaluated
      expect(resumed.metrics).toEqual(first.metrics);
    } finally {
      await worker.close();
      server.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000);
});
