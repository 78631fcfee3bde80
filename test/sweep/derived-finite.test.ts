// A derived metric that comes out non-finite (a division by zero) is a located error naming the
// point, not an 'inf' stored in the results and silently left out of the Pareto front.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/config/errors.js';
import { InlineExecutor } from '../../src/sweep/executor-pool.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { tempDir, writeToySweep } from './helpers.js';

async function sweepError(body: string): Promise<{ message: string; file: string }> {
  const dir = tempDir();
  const file = writeToySweep(dir, body);
  const db = await ResultsDb.open(join(dir, 'r.duckdb'));
  try {
    await runSweep(loadSweepSpec(file), { db, resume: false, executor: new InlineExecutor() });
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return { message: (e as Error).message, file };
  } finally {
    await db.close();
  }
  throw new Error('expected the sweep to be rejected');
}

describe('derived metrics', () => {
  it('a division by zero is one located line naming the derived metric and the point', async () => {
    const { message, file } = await sweepError('axes:\n  - reram.arrays: [16, 32]\nderived:\n  perZero: metrics.memoryAreaMm2 / 0\n');
    expect(message).toBe(`${file}:8:12: derived.perZero: expected a finite number, found Infinity at point 0 (reram.arrays=16) (a division by zero?)`);
  });

  it('0 / 0 (NaN) is rejected the same way', async () => {
    const { message } = await sweepError('axes:\n  - reram.arrays: [16]\nderived:\n  nan: (metrics.memoryAreaMm2 - metrics.memoryAreaMm2) / 0\n');
    expect(message).toMatch(/:8:8: derived\.nan: expected a finite number, found NaN at point 0 \(reram\.arrays=16\)/);
  });
});
