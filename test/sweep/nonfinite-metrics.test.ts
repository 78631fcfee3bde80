/**
 * Metrics that are NaN or infinite are stored the same whatever evaluates the point: 0/0 computed in
 * the main thread (--workers 0) is -nan, after a worker thread's structured clone it was nan, and
 * through the queue (JSON) null, so the exported CSV read '-nan', 'nan' or '' and metric_values
 * disagreed with points.metrics (null). Now every store holds NULL / null / an empty CSV cell. A
 * negative zero comes out as 0 on every path (JSON writes it as 0; the database binds it as 0).
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
    const results: { csv: string; rows: string; metrics: string[] }[] = [];
    for (const [i, executor] of [new InlineExecutor(), new PoolExecutor(2), new JsonExecutor()].entries()) {
      const db = await ResultsDb.open(join(dir, `r${i}.duckdb`));
      try {
        const s = await runSweep(spec, { db, resume: false, executor });
        const csv = join(dir, `p${i}.csv`);
        await exportPoints(db, spec, s.points.map((p) => p.id), ['energyPerTokenPj', 'latencyPerTokenPs', 'memoryAreaMm2', 'ratio', 'saved'], { csv, parquet: join(dir, `p${i}.parquet`) });
        await db.exec(`COPY (SELECT point_id, name, value FROM metric_values ORDER BY 1, 2) TO '${join(dir, `m${i}.csv`)}' (FORMAT CSV)`);
        results.push({ csv: readFileSync(csv, 'utf8'), rows: readFileSync(join(dir, `m${i}.csv`), 'utf8'), metrics: s.points.map((p) => p.metricsJson) });
      } finally {
        await executor.close();
        await db.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const r = results[0]!;
    expect(r.metrics[0]).toBe('{"energyPerTokenPj":null,"latencyPerTokenPs":100,"memoryAreaMm2":1,"ratio":null,"saved":0}');
    expect(r.csv).not.toMatch(/nan|inf/i);
    expect(r.rows).not.toMatch(/nan|inf/i);
    expect(r.csv.split('\n')[1]).toMatch(/,0,,100\.0,1\.0,,0\.0$/); // x = 0: energy and ratio empty; -0 stored as 0
  }, 120_000);
});
