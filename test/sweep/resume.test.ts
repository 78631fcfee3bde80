/**
 * Acceptance 2: SIGKILL the sweep process part-way, re-run with --resume: no finished point is
 * lost, none is stored twice, and points stored before the kill keep their exact bytes. Uses the
 * real runConfig (SmolLM2-135M, small scale); byte-identity with clean runs is determinism.test.ts.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REAL_SWEEP as RESUME_SWEEP } from './fixtures/real-sweeps.js';
import { storedMetrics, tempDir } from './helpers.js';
import { killAll, startCli } from './processes.js';

afterAll(killAll);

describe('sweep --resume after SIGKILL', () => {
  it('loses no finished point and stores none twice', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.duckdb');
    const args = ['sweep', RESUME_SWEEP, '--workers', '2', '--db', db, '--out', dir, '--no-progress', '--verbose'];
    const first = startCli(args);
    const plan = await first.waitFor(/^\S+: (\d+) points \(/);
    const total = Number(/: (\d+) points/.exec(plan)![1]);
    await first.waitFor(/^stored \S+ \(2\//);
    first.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const before = first.lines.filter((l) => l.startsWith('stored ')).map((l) => l.split(' ')[1]!);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(total);
    const killed = await storedMetrics(db);
    // Every point the killed run reported as stored is in the database (committed before the report).
    for (const id of before) expect(killed.metrics.has(id)).toBe(true);

    const second = startCli([...args, '--resume']);
    expect(await second.exited).toBe(0);
    const resumedPlan = second.lines.find((l) => / points \(/.test(l))!;
    expect(resumedPlan).toContain(`${killed.rows} already stored`);
    const rerun = second.lines.filter((l) => l.startsWith('stored ')).map((l) => l.split(' ')[1]!);
    expect(rerun.length).toBe(total - killed.rows);
    for (const id of rerun) expect(killed.metrics.has(id)).toBe(false);

    const after = await storedMetrics(db);
    expect(after.rows).toBe(total);
    expect(after.metrics.size).toBe(total);
    for (const [id, m] of killed.metrics) expect(after.metrics.get(id)).toBe(m);

  }, 240_000);
});
