/**
 * Acceptances 1 and 3 (queue part): a sweep through BullMQ on a local redis-server with two
 * `qmcsim worker` processes, one SIGKILLed mid-point. Every point lands exactly once, the killed
 * worker's point is finished by the other, and metrics equal a local run's byte for byte.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InlineExecutor } from '../../src/sweep/executor-pool.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { QUEUE_SWEEP } from './fixtures/real-sweeps.js';
import { storedMetrics, tempDir } from './helpers.js';
import { hasRedisServer, killAll, startCli, startRedis, type Proc } from './processes.js';

afterAll(killAll);

const redis = hasRedisServer();
if (!redis) console.warn('distributed sweep test skipped: no redis-server binary on PATH (apt-get install redis-server)');

describe.skipIf(!redis)('sweep over a BullMQ queue', () => {
  it('two workers, one killed mid-point: all points land exactly once with identical metrics', async () => {
    const { proc: server, url } = await startRedis();
    const workers: Proc[] = [];
    try {
      const dir = tempDir();
      const db = join(dir, 'r.duckdb');
      for (let i = 0; i < 2; i++) workers.push(startCli(['worker', '--queue', url, '--workers', '1', '--lock-ms', '4000']));
      await Promise.all(workers.map((w) => w.waitFor(/waiting for points/)));
      const sweep = startCli(['sweep', QUEUE_SWEEP, '--queue', url, '--db', db, '--out', dir, '--no-progress', '--verbose']);
      const [victim, survivor] = workers as [Proc, Proc];
      // Kill the first worker while it is inside a point. (Waiting for it to finish one first made
      // the test hang when the other worker drained the queue meanwhile: no later start to catch.)
      const inFlight = (): string[] => {
        const ids = (verb: string): string[] => victim.lines.filter((l) => l.includes(` ${verb} `)).map((l) => l.split(` ${verb} `)[1]!.split(' ')[0]!);
        const done = new Set(ids('done'));
        return ids('start').filter((id) => !done.has(id));
      };
      await new Promise<void>((resolve) => {
        const t = setInterval(() => { if (inFlight().length > 0) { clearInterval(t); resolve(); } }, 5);
      });
      victim.kill('SIGKILL');
      await victim.exited;
      const killedPoint = inFlight()[0]!;
      expect(await sweep.exited).toBe(0);
      expect(survivor.lines.some((l) => l.includes(`done ${killedPoint}`))).toBe(true);

      const queued = await storedMetrics(db);
      const stored = sweep.lines.filter((l) => l.startsWith('stored ')).map((l) => l.split(' ')[1]);
      expect(new Set(stored).size).toBe(stored.length); // reported once each
      expect(queued.rows).toBe(stored.length);
      expect(queued.metrics.has(killedPoint)).toBe(true);

      // Reference: the same sweep evaluated locally, in this process.
      const localDb = await ResultsDb.open(join(tempDir(), 'r.duckdb'));
      await runSweep(loadSweepSpec(QUEUE_SWEEP), { db: localDb, resume: false, executor: new InlineExecutor() });
      const refPoints = await localDb.points();
      await localDb.close();
      expect([...queued.metrics].sort()).toEqual(refPoints.map((p) => [p.id, p.metricsJson]).sort());
    } finally {
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
      server.kill('SIGTERM');
      await server.exited;
    }
  }, 240_000);
});
