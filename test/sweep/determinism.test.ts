/**
 * Acceptance 1 (local part): the same real sweep (runConfig on SmolLM2-135M) stores byte-identical
 * metrics, configs and ids with 1, 2 and 4 worker threads.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PoolExecutor } from '../../src/sweep/executor-pool.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { REAL_SWEEP } from './fixtures/real-sweeps.js';
import { tempDir } from './helpers.js';

async function run(threads: number): Promise<string[][]> {
  const db = await ResultsDb.open(join(tempDir(), 'r.duckdb'));
  const pool = new PoolExecutor(threads);
  try {
    await runSweep(loadSweepSpec(REAL_SWEEP), { db, resume: false, executor: pool });
    return (await db.points()).map((p) => [p.id, p.status, p.configJson, p.metricsJson]);
  } finally {
    await pool.close();
    await db.close();
  }
}

describe('sweep determinism across worker counts', () => {
  it('1, 2 and 4 workers store identical bytes', async () => {
    const one = await run(1);
    expect(one).toHaveLength(6);
    expect(one.every((r) => r[1] === 'ok')).toBe(true);
    expect(new Set(one.map((r) => r[3])).size).toBe(6); // the points really differ
    expect(await run(2)).toEqual(one);
    expect(await run(4)).toEqual(one);
  }, 240_000);
});
