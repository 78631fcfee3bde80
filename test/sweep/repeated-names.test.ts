// A metric listed twice (a doubled CSV column), a Pareto objective twice, two constraints with one
// name (an ambiguous 'violated' verdict) and a derived metric named like one the evaluator produces
// (it silently replaced it) are located errors before any point runs; a derived metric that is not
// a number says so (it read 'expected an expression over metrics the evaluator produces, found a
// number, not true').
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InlineExecutor } from '../../src/sweep/executor-pool.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { preRunRefusal, tempDir, writeToySweep } from './helpers.js';

const AXES = 'axes:\n  - quantizer.rho: [0.1, 0.3]\n';

const refused = (body: string): Promise<string> => preRunRefusal(writeToySweep(tempDir(), AXES + body));

describe('names listed twice', () => {
  it('metrics:', async () => {
    expect(await refused('metrics: [latencyPerTokenPs, latencyPerTokenPs]\n')).toBe("FILE:7:30: metrics[1]: expected each metric once, found 'latencyPerTokenPs' again (as [0])");
  });
  it('report.pareto', async () => {
    expect(await refused('report:\n  pareto: [latencyPerTokenPs, latencyPerTokenPs]\n')).toBe("FILE:8:31: report.pareto[1]: expected each objective once, found 'latencyPerTokenPs' again (as [0])");
  });
  it('constraint names', async () => {
    expect(await refused('constraints:\n  - {name: a, expr: metrics.latencyPerTokenPs > 0}\n  - {name: a, expr: metrics.energyPerTokenPj > 0}\n'))
      .toBe("FILE:9:12: constraints[1].name: expected each constraint name once, found 'a' again (as [0])");
  });
  it('a derived metric named like an evaluator metric', async () => {
    expect(await refused('derived:\n  latencyPerTokenPs: metrics.latencyPerTokenPs * 2\n'))
      .toBe("FILE:8:3: derived.latencyPerTokenPs: expected a new metric name (the evaluator produces this one), found 'latencyPerTokenPs'");
  });
});

describe('derived metric of the wrong type', () => {
  it('a comparison is one located line naming the value and the point', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, `${AXES}derived:\n  x: metrics.latencyPerTokenPs > 0\n`);
    const db = await ResultsDb.open(join(dir, 'r.duckdb'));
    try {
      await expect(runSweep(loadSweepSpec(file), { db, resume: false, executor: new InlineExecutor() }))
        .rejects.toThrow(`${file}:8:6: derived.x: expected an expression giving a number, found true at point 0`);
    } finally {
      await db.close();
    }
  });
});
