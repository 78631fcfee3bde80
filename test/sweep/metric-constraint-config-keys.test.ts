// A constraint over metrics that also reads a misspelt config key
// ('metrics.memoryReadPowerW <= config.mram.pjPerBitt') passed the pre-run checks, ran every point,
// then failed at the first stored point naming the constraint ('a:') instead of its key path, with
// the metric wording and no did-you-mean. The key is now checked against every resolved point
// before any point runs, reported at constraints[i].expr together with the other problems.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InlineExecutor } from '../../src/sweep/executor-pool.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { preRunRefusal, tempDir, writeToySweep } from './helpers.js';

const refused = (body: string): Promise<string> => preRunRefusal(writeToySweep(tempDir(), body));
const AXES = 'axes:\n  - quantizer.rho: [0.1, 0.2]\n';

describe('config keys of metric constraints are checked before any point runs', () => {
  it('a misspelt key next to a metric is refused at constraints[i].expr with a did-you-mean', async () => {
    const msg = await refused(`${AXES}constraints:\n  - name: a\n    expr: metrics.memoryReadPowerW <= config.mram.pjPerBitt\n`);
    expect(msg).toBe(
      "FILE:9:11: constraints[0].expr: expected a constraint over existing config keys, found config key 'mram.pjPerBitt' is missing; did you mean 'config.mram.pjPerBit'?");
  });

  it('is reported with an unknown metric of another constraint and a misspelt key in derived, in document order', async () => {
    const msg = await refused(`${AXES}derived:\n  x: metrics.memoryReadPowerW * config.reram.arrayz\nconstraints:\n  - metrics.nosuchMetric <= 3\n  - metrics.memoryReadPowerW <= config.mram.channels * config.quantizer.rhoo\n`);
    expect(msg.split('\n')).toEqual([
      "FILE:8:6: derived.x: expected an expression over existing config keys, found config key 'reram.arrayz' is missing; did you mean 'config.reram.arrays'?",
      "FILE:10:5: constraints[0]: expected an expression over metrics the evaluator produces, found no metric 'nosuchMetric'",
      "FILE:11:5: constraints[1]: expected a constraint over existing config keys, found config key 'quantizer.rhoo' is missing; did you mean 'config.quantizer.rho'?",
    ]);
  });

  it('a key naming a map, not a value, is refused too', async () => {
    expect(await refused(`${AXES}constraints:\n  - metrics.memoryReadPowerW <= config.mram\n`)).toBe(
      "FILE:8:5: constraints[0]: expected a constraint over existing config keys, found config key 'mram' is not a number, string or boolean");
  });
});

describe('a metric constraint that fails when evaluated', () => {
  it('names its key path (constraints[i].expr), not its name', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, `${AXES}constraints:\n  - name: a\n    expr: metrics.memoryReadPowerW <= config.reram.cellMode\n`);
    const db = await ResultsDb.open(join(dir, 'r.duckdb'));
    try {
      await expect(runSweep(loadSweepSpec(file), { db, resume: false, executor: new InlineExecutor() }))
        .rejects.toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9:11: constraints\\[0\\]\\.expr: expected an expression over metrics the evaluator produces, found metrics\\.memoryReadPowerW is in W: expected a power such as '2 mW', found 'mlc3' \\(not a number followed by a unit\\)$`));
    } finally {
      await db.close();
    }
  });
});

describe('a syntax error in one constraint', () => {
  it('does not hide the config-key problem of another (validate)', async () => {
    const { checkSweepFile } = await import('../../src/sweep/sweep-kind.js');
    const file = writeToySweep(tempDir(), `${AXES}constraints:\n  - metrics.x <= (3\n  - metrics.memoryReadPowerW <= config.mram.pjPerBitt\n`);
    const msg = await checkSweepFile(file).then(() => 'accepted', (e: Error) => e.message);
    expect(msg.split(file).join('FILE').split('\n')).toEqual([
      "FILE:8:5: constraints[0]: expected a valid constraint expression, found 'metrics.x <= (3' (expected ')' at character 16)",
      "FILE:9:5: constraints[1]: expected a constraint over existing config keys, found config key 'mram.pjPerBitt' is missing; did you mean 'config.mram.pjPerBit'?",
    ]);
  });

  it('does not hide it under qmcsim sweep either (exit 2, both lines, nothing run)', async () => {
    const { main } = await import('../../src/cli/main.js');
    const dir = tempDir();
    const file = writeToySweep(dir, `${AXES}constraints:\n  - metrics.x <= (3\n  - metrics.memoryReadPowerW <= config.mram.pjPerBitt\n`);
    const stderr: string[] = [];
    const code = await main(['sweep', file, '--workers', '0', '--no-progress', '--out', join(dir, 'out')], { stdout: () => {}, stderr: (t) => stderr.push(t) });
    expect(code).toBe(2);
    const lines = stderr.join('').split(file).join('FILE').trimEnd().split('\n');
    expect(lines).toEqual([
      "FILE:8:5: constraints[0]: expected a valid constraint expression, found 'metrics.x <= (3' (expected ')' at character 16)",
      "FILE:9:5: constraints[1]: expected a constraint over existing config keys, found config key 'mram.pjPerBitt' is missing; did you mean 'config.mram.pjPerBit'?",
    ]);
  });
});

describe('a syntax error in a derived metric', () => {
  it('does not hide a constraint\'s config-key problem, nor make what reads the metric unknown', async () => {
    const { checkSweepFile } = await import('../../src/sweep/sweep-kind.js');
    const file = writeToySweep(tempDir(), `${AXES}derived:\n  y: metrics.memoryReadPowerW +* 2\nconstraints:\n  - metrics.y <= config.mram.pjPerBitt\nmetrics: [memoryReadPowerW, y]\n`);
    const msg = await checkSweepFile(file).then(() => 'accepted', (e: Error) => e.message);
    expect(msg.split(file).join('FILE').split('\n')).toEqual([
      "FILE:8:6: derived.y: expected a valid expression, found 'metrics.memoryReadPowerW +* 2' (unexpected '*' at character 27)",
      "FILE:10:5: constraints[0]: expected a constraint over existing config keys, found config key 'mram.pjPerBitt' is missing; did you mean 'config.mram.pjPerBit'?",
    ]);
  });
});
