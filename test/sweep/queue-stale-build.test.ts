// A `qmcsim worker` whose checkout differs from the coordinator's would evaluate a point with other
// code and return it under the coordinator's point id. A point now carries the build that planned
// it; a worker of another build hands the point back (its attempt fails, so another worker retries
// it) and stops with a one-line reason, without evaluating anything.
import { Job, Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../src/sweep/queue-common.js';
import { startQueueWorker } from '../../src/sweep/queue-worker.js';
import type { PointTask } from '../../src/sweep/task.js';
import { buildId } from '../../src/sweep/version.js';
import { TOY_EVALUATOR } from './helpers.js';
import { hasRedisServer, killAll, startRedis } from './processes.js';

afterAll(killAll);

const redis = hasRedisServer();
if (!redis) console.warn('queue stale-build test skipped: no redis-server binary on PATH');

describe.skipIf(!redis)('queue worker of another build', () => {
  it('hands the point back for a retry and stops, naming both builds', async () => {
    const { proc: server, url } = await startRedis();
    const started: string[] = [];
    const worker = await startQueueWorker(url, { threads: 1, lockMs: 2000, onStart: (id) => started.push(id) });
    const queue = new Queue('qmcsim-points', { connection: parseRedisUrl(url) });
    try {
      const task: PointTask = { id: 'pstale', config: {}, seed: 1, layerReuse: true, evaluator: TOY_EVALUATOR, build: 'qmcsim@0.0.0+000000000000' };
      await queue.add('point', task, { jobId: task.id, attempts: 5, backoff: { type: 'fixed', delay: 60_000 } });
      const reason = await worker.lost;
      expect(reason).toBe(`point pstale was planned by build qmcsim@0.0.0+000000000000, this worker runs build ${buildId()}: update this checkout (git pull && npm ci) and start the worker again`);
      expect(started).toEqual([]);
      // the failed attempt is recorded just after the worker reports the reason
      for (let i = 0; i < 100 && (await queue.getJobState('pstale')) !== 'delayed'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await queue.getJobState('pstale')).toBe('delayed'); // waiting for a retry by another worker
      expect((await Job.fromId(queue, 'pstale'))?.attemptsMade).toBe(1);
      expect(started).toEqual([]);
    } finally {
      await worker.close(true);
      await queue.close();
      server.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);
});
