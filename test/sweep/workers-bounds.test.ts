// --workers 64 on a 4-point sweep started 64 worker threads (each loading tsx and the simulator: it
// ran for minutes on 2 cores) and --workers 100000 tried to start 100000; now the pool starts at
// most one thread per point and both commands refuse more than MAX_THREADS. `qmcsim worker
// --workers 1e1` / `0x2` passed as 10 / 2 (Number()); only digits are a count, as for sweep.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_THREADS, PoolExecutor } from '../../src/sweep/executor-pool.js';
import type { PointOutcome } from '../../src/sweep/task.js';
import { runCli } from '../cli/cli-helpers.js';
import { evaluator as toy } from './fixtures/toy-evaluator.js';
import { FIXTURES, TOY_BASE, TOY_EVALUATOR, tempDir } from './helpers.js';

describe('worker thread bounds', () => {
  it('a pool of 16 threads for 2 points starts 2 threads and evaluates both', async () => {
    const pool = new PoolExecutor(16);
    try {
      expect(pool.startedThreads).toBe(0);
      const config = toy.resolve(TOY_BASE, []);
      const tasks = ['a', 'b'].map((id) => ({ id, config, seed: 1, layerReuse: true, evaluator: TOY_EVALUATOR }));
      const outcomes: PointOutcome[] = [];
      await pool.run(tasks, async (o) => { outcomes.push(o); }, new AbortController().signal);
      expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
      expect(pool.startedThreads).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it(`sweep --workers ${MAX_THREADS + 1}: one line, exit 2, nothing written`, async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli('sweep', join(FIXTURES, 'toy-sweep.yaml'), '--workers', String(MAX_THREADS + 1), '--out', out, '--no-progress');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^qmcsim sweep: --workers: expected at most ${MAX_THREADS} worker threads \\(this machine has \\d+ cores\\), found ${MAX_THREADS + 1}\\n$`));
    expect(existsSync(out)).toBe(false);
  });

  it.each(['1e1', '0x2', '', '2.0'])('worker --workers %j is refused before reaching Redis', async (value) => {
    const r = await runCli('worker', '--queue', 'redis://127.0.0.1:1', '--workers', value);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`--workers: expected a whole number ≥ 1, found '${value}'\n`);
  });

  it(`worker --workers ${MAX_THREADS + 1} and --lock-ms 1e4 are refused before reaching Redis`, async () => {
    const w = await runCli('worker', '--queue', 'redis://127.0.0.1:1', '--workers', String(MAX_THREADS + 1));
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/^--workers: expected at most \d+ worker threads/);
    const l = await runCli('worker', '--queue', 'redis://127.0.0.1:1', '--workers', '1', '--lock-ms', '1e4');
    expect(l.code).toBe(2);
    expect(l.stderr).toBe("--lock-ms: expected milliseconds ≥ 500, found '1e4'\n");
  });
});
