// Mutation audit (sweep bookkeeping): --resume evaluates only the points not yet stored; a run
// without --resume evaluates and stores every point again; `drawn` counts draws that resolved to an
// already drawn point, and such a duplicate is run once. Toy evaluator, in-process.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InlineExecutor } from '../../src/sweep/executor-pool.js';
import { expandSweep } from '../../src/sweep/points.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep, type SweepSummary } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import type { PointOutcome, PointTask } from '../../src/sweep/task.js';
import { tempDir, writeToySweep } from './helpers.js';

/** An inline executor that records how many tasks it was handed. */
class CountingExecutor extends InlineExecutor {
  tasks = 0;
  override async run(tasks: readonly PointTask[], onOutcome: (o: PointOutcome) => Promise<void>, abort: AbortSignal): Promise<void> {
    this.tasks += tasks.length;
    return super.run(tasks, onOutcome, abort);
  }
}

async function sweep(file: string, dbFile: string, resume: boolean): Promise<{ s: SweepSummary; evaluated: number }> {
  const db = await ResultsDb.open(dbFile);
  const ex = new CountingExecutor();
  try {
    const s = await runSweep(loadSweepSpec(file), { db, resume, executor: ex });
    return { s, evaluated: ex.tasks };
  } finally {
    await db.close();
  }
}

describe('sweep run bookkeeping', () => {
  it('--resume evaluates only the missing points; without it every point is evaluated and stored again', async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'r.duckdb');
    const first = await sweep(writeToySweep(dir, 'axes:\n  - quantizer.rho: [0.1, 0.2]\n', 'a.yaml'), dbFile, false);
    expect(first.s.ran).toBe(2);
    const grown = await sweep(writeToySweep(dir, 'axes:\n  - quantizer.rho: [0.1, 0.2, 0.3]\n', 'b.yaml'), dbFile, true);
    expect(grown.evaluated).toBe(1);
    expect(grown.s).toMatchObject({ ran: 1, reused: 2 });
    expect(grown.s.points).toHaveLength(3);
    const again = await sweep(writeToySweep(dir, 'axes:\n  - quantizer.rho: [0.1, 0.2, 0.3]\n', 'c.yaml'), dbFile, false);
    expect(again.evaluated).toBe(3);
    expect(again.s).toMatchObject({ ran: 3, reused: 0 });
  }, 60_000);

  it('draws that resolve to an already drawn point are counted in drawn and run once', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, 'axes:\n  - quantizer.rho: [0.1, 0.2]\nsampler: { type: random, count: 12, seed: 3 }\n');
    const expanded = await expandSweep(loadSweepSpec(file));
    expect(expanded.points).toHaveLength(2);
    expect(expanded.duplicates).toBe(10);
    const { s, evaluated } = await sweep(file, join(dir, 'r.duckdb'), false);
    expect(evaluated).toBe(2);
    expect(s).toMatchObject({ drawn: 12, duplicates: 10, ran: 2 });
  }, 60_000);
});
