/**
 * Metrics that are NaN or infinite are treated the same whatever evaluates the point: 0/0 computed in
 * the main thread (--workers 0) is -nan, after a worker thread's structured clone it was nan, and
 * through the queue (JSON) null, so the exported CSV read '-nan', 'nan' or ''. Such a point now fails
 * on every path with the same message (checked where the value is computed, before any transport
 * can turn NaN into null), instead of being stored as ok with a null metric. A negative zero comes
 * out as 0 on every path (JSON writes it as 0; the database binds it as 0).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InlineExecutor, PoolExecutor } from '../../src/sweep/executor-pool.js';
import { exportPoints } from '../../src/sweep/export.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import type { Executor, PointOutcome } from '../../src/sweep/task.js';
import { FIXTURES, tempDir } from './helpers.js';

/** The queue's transport: outcomes cross Redis as JSON. */
class JsonExecutor implements Executor {
  private readonly inner = new InlineExecutor();
  run(...[tasks, onOutcome, abort]: Parameters<Executor['run']>): Promise<void> {
    return this.inner.run(tasks, (o) => onOutcome(JSON.parse(JSON.stringify(o)) as PointOutcome), abort);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

describe('non-finite metrics', () => {
  it('give the same CSV and database rows in the main thread, in worker threads and through JSON', async () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep\nname: nf\nbase: ${join(FIXTURES, 'toy-base.yaml')}\nevaluator: ${join(FIXTURES, 'nonfinite-evaluator.ts')}\naxes:\n  - x: [0, 1]\n`);
    const spec = loadSweepSpec(file);
    const results: { csv: string; rows: string; metrics: string[]; errors: (string | null)[] }[] = [];
    for (const [i, executor] of [new InlineExecutor(), new PoolExecutor(2), new JsonExecutor()].entries()) {
      const db = await ResultsDb.open(join(dir, `r${i}.duckdb`));
      try {
        const s = await runSweep(spec, { db, resume: false, executor });
        const csv = join(dir, `p${i}.csv`);
        await exportPoints(db, spec, s.points.map((p) => p.id), ['energyPerTokenPj', 'latencyPerTokenPs', 'memoryAreaMm2', 'ratio', 'saved'], { csv, parquet: join(dir, `p${i}.parquet`) });
        await db.exec(`COPY (SELECT point_id, name, value FROM metric_values ORDER BY 1, 2) TO '${join(dir, `m${i}.csv`)}' (FORMAT CSV)`);
        results.push({ csv: readFileSync(csv, 'utf8'), rows: readFileSync(join(dir, `m${i}.csv`), 'utf8'), metrics: s.points.map((p) => p.metricsJson), errors: s.points.map((p) => p.error) });
      } finally {
        await executor.close();
        await db.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const r = results[0]!;
    // x = 0: 10/0 (energyPerTokenPj, the first in name order) fails the point; x = 1: -0 stored as 0
    expect(r.errors).toEqual([`evaluator ${join(FIXTURES, 'nonfinite-evaluator.ts')}: metric 'energyPerTokenPj': expected a finite number, found Infinity`, null]);
    expect(r.metrics).toEqual(['{}', '{"energyPerTokenPj":10,"latencyPerTokenPs":101,"memoryAreaMm2":1,"ratio":1,"saved":0}']);
    expect(r.csv).not.toMatch(/(^|,)-?(nan|inf)/im); // no cell holds nan or inf (the error text names Infinity)
    expect(r.rows).not.toMatch(/nan|inf/i);
    expect(r.csv.split('\n')[2]).toMatch(/,1,10\.0,101\.0,1\.0,1\.0,0\.0,""$/); // last: estimated_params (none)
  }, 120_000);
});
