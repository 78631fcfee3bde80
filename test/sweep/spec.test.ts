import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/config/errors.js';
import { InlineExecutor } from '../../src/sweep/executor-pool.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec, parseSweepSpec } from '../../src/sweep/spec.js';
import type { Executor, PointTask } from '../../src/sweep/task.js';
import { tempDir, writeToySweep } from './helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An executor that records whether it was ever asked to run a point. */
class SpyExecutor implements Executor {
  calls: PointTask[][] = [];
  async run(tasks: readonly PointTask[]): Promise<void> { this.calls.push([...tasks]); }
  async close(): Promise<void> {}
}

/** Writes `text` as `name` into a fresh temporary directory and returns its path. */
function tempFile(name: string, text: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

async function rejectBeforeRun(body: string): Promise<string> {
  const dir = tempDir();
  const file = writeToySweep(dir, body);
  const spy = new SpyExecutor();
  const db = await ResultsDb.open(join(dir, 'r.duckdb'));
  try {
    await runSweep(loadSweepSpec(file), { db, resume: false, executor: spy });
    throw new Error('expected the sweep to be rejected');
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    expect(spy.calls).toHaveLength(0);
    expect(await db.count()).toBe(0);
    return (e as Error).message.replaceAll(file, 'FILE');
  } finally {
    await db.close();
  }
}

describe('sweep file validation (before any point runs, with file:line)', () => {
  it('rejects an unknown axis key with its line and a did-you-mean', async () => {
    const msg = await rejectBeforeRun('axes:\n  - quantizer.rho: [0.1, 0.2]\n  - reram.arays: [32, 64]\n');
    expect(msg).toMatch(/^FILE:7:5: axes\[1\]\.reram\.arays: expected a config key of the base run config, found 'reram\.arays'( \(unknown config key 'reram\.arays'\))?; did you mean 'reram\.arrays'\?$/);
  });

  it('rejects an empty axis', async () => {
    const msg = await rejectBeforeRun('axes:\n  - quantizer.rho: []\n');
    expect(msg).toMatch(/^FILE:6:20: axes\[0\]\.quantizer\.rho: expected at least one value for axis 'quantizer\.rho', found an empty list/);
  });

  it('rejects a bad sampler type, a missing count and a grid range without steps', async () => {
    let msg = await rejectBeforeRun('axes:\n  - quantizer.rho: [0.1]\nsampler: { type: latin-hypercub, count: 4 }\n');
    expect(msg).toMatch(/^FILE:7:18: sampler\.type: expected a sampler type \(grid, random, latin-hypercube\), found 'latin-hypercub'; did you mean 'latin-hypercube'\?$/);
    msg = await rejectBeforeRun('axes:\n  - quantizer.rho: [0.1]\nsampler: { type: random }\n');
    expect(msg).toMatch(/^FILE:7:10: sampler: expected a point count ≥ 1 for the random sampler, found nothing/);
    msg = await rejectBeforeRun('axes:\n  - quantizer.rho: { from: 0.1, to: 0.5 }\n');
    expect(msg).toMatch(/^FILE:6:20: axes\[0\]\.quantizer\.rho: expected 'steps' for a range/);
  });

  it('rejects an unknown top-level key, unequal zips, a bad constraint and a bad value, all at once', async () => {
    const msg = await rejectBeforeRun([
      'axis:', '  - x: [1]', 'axes:', '  - zip:', '      reram.arrays: [1, 2]', '      mram.channels: [1]',
      'constraints:', '  - metrics.x <= (3', '',
    ].join('\n'));
    const lines = msg.split('\n');
    expect(lines[0]).toMatch(/^FILE:5:1: axis: expected a sweep key, found 'axis'; did you mean 'axes'\?$/);
    expect(lines[1]).toMatch(/^FILE:9:7: axes\[0\]\.zip: expected zipped axes of equal length, found lengths 2, 1/);
    expect(lines[2]).toMatch(/^FILE:12:5: constraints\[0\]: expected a valid constraint expression, found 'metrics\.x <= \(3' \(expected '\)'/);
  });

  it('rejects a value the config cannot take, naming the axis line', async () => {
    const msg = await rejectBeforeRun('axes:\n  - quantizer.rho: [0.1]\n  - reram.nothing.deeper: [1]\n');
    expect(msg).toMatch(/^FILE:7:5: axes\[1\]\.reram\.nothing\.deeper: expected a config key of the base run config \(no 'reram\.nothing' there\)/);
  });

  it('accepts units in ranges and keeps them on generated values', async () => {
    const spec = parseSweepSpec('kind: sweep\nbase: b.yaml\naxes:\n  - soc.clock: { from: 1 GHz, to: 2 GHz, steps: 3 }\n', 'x.yaml');
    const k = spec.axes[0]!.keys[0]!;
    expect(k.domain).toMatchObject({ kind: 'range', from: 1, to: 2, unit: 'GHz', steps: 3 });
    const { samplePoints } = await import('../../src/sweep/samplers.js');
    expect(samplePoints(spec.axes, spec.sampler, 'x').map((a) => a[0]![1])).toEqual(['1 GHz', '1.5 GHz', '2 GHz']);
  });

  it('runs a valid toy sweep in-process and skips config-constrained points', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, 'axes:\n  - reram.arrays: [16, 32, 64]\nconstraints:\n  - { name: enough-arrays, expr: config.reram.arrays >= 32 }\n');
    const db = await ResultsDb.open(join(dir, 'r.duckdb'));
    const s = await runSweep(loadSweepSpec(file), { db, resume: false, executor: new InlineExecutor() });
    await db.close();
    expect(s.skipped).toBe(1);
    expect(s.points.map((p) => JSON.parse(p.axesJson))).toEqual([{ 'reram.arrays': 32 }, { 'reram.arrays': 64 }]);
  });
});

describe('qmcsim sweep on a malformed file (CLI)', () => {
  it('prints one line per problem with file:line and exits 2', async () => {
    const { main } = await import('../../src/cli/main.js');
    const dir = tempDir();
    const file = writeToySweep(dir, 'axes:\n  - quantizer.rho: []\nsampler: { type: sobol }\n');
    const errLines: string[] = [];
    const code = await main(['sweep', file, '--workers', '1', '--out', dir], { stdout: () => {}, stderr: (t) => errLines.push(t) });
    expect(code).toBe(2);
    const text = errLines.join('');
    expect(text).toContain(`${file}:6:20: axes[0].quantizer.rho: expected at least one value`);
    expect(text).toContain(`${file}:7:18: sampler.type: expected a sampler type`);
    expect(text).not.toMatch(/\n\s+at /); // no stack
  });

  it('a constraint on a missing config key is one line, not one per point', async () => {
    const msg = await rejectBeforeRun('axes:\n  - quantizer.rho: [0.1, 0.2, 0.3]\nconstraints:\n  - { name: c, expr: config.reram.arays > 1 }\n');
    expect(msg.split('\n')).toHaveLength(1);
    expect(msg).toMatch(/^FILE:\d+:\d+: constraints\[0\]\.expr: /);
  });
});

describe('a file of another kind', () => {
  it('is one line at kind:, not one per key that is not a sweep key', () => {
    const file = tempFile('run.yaml', 'kind: run\nname: r\nmodel: smollm2-135m\nquant: { scheme: fp16 }\n');
    expect(() => loadSweepSpec(file)).toThrow(new RegExp(`^${file}:1:7: kind: expected 'sweep', found 'run'$`));
  });
});

describe('sweep name', () => {
  it('a name with a path separator (it names results/sweeps/<name>) is rejected at its line', () => {
    const file = tempFile('sweep.yaml', 'kind: sweep\nname: ../../evil\nbase: base.yaml\naxes:\n  - a: [1]\n');
    expect(() => loadSweepSpec(file)).toThrow(`${file}:2:7: name: expected a plain name (letters, digits, . _ -; it names the folder results/sweeps/<name>), found '../../evil'`);
  });
});

describe('evaluator modules', () => {
  it('a missing module or one without an evaluator export is located at evaluator: (was an internal error)', async () => {
    const dir = tempDir();
    const file = join(dir, 'sweep.yaml');
    writeFileSync(join(dir, 'no-export.ts'), 'export const x = 1;\n');
    for (const [module, why] of [['./missing.ts', /Cannot find module/], ['./no-export.ts', /expected an exported 'evaluator'/]] as const) {
      writeFileSync(file, `kind: sweep\nname: t\nbase: base.yaml\nevaluator: ${module}\naxes:\n  - a: [1]\n`);
      writeFileSync(join(dir, 'base.yaml'), 'a: 1\n');
      const db = await ResultsDb.open(join(dir, 'r.duckdb'));
      try {
        const e = await runSweep(loadSweepSpec(file), { db, resume: false, executor: new InlineExecutor() }).then(() => null, (x: unknown) => x);
        expect(isUserError(e)).toBe(true);
        expect((e as Error).message).toMatch(new RegExp(`^${file}:4:12: evaluator: expected 'run-config', 'analytic' or a module exporting evaluator`));
        expect((e as Error).message).toMatch(why);
      } finally {
        await db.close();
      }
    }
  });
});

describe('report.pareto names metrics the evaluator produces', () => {
  it('a misspelt objective stops the sweep at the first point with its line and a did-you-mean', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, 'axes:\n  - quantizer.rho: [0.1, 0.2]\nreport: { pareto: [latencyPerTokenPs, energyPerTokenPJ] }\n');
    const db = await ResultsDb.open(join(dir, 'r.duckdb'));
    try {
      await expect(runSweep(loadSweepSpec(file), { db, resume: false, executor: new InlineExecutor() }))
        .rejects.toThrow(`${file}:7:39: report.pareto[1]: expected a metric the evaluator produces, found 'energyPerTokenPJ'; did you mean 'energyPerTokenPj'?`);
      expect(await db.count()).toBe(0);
    } finally {
      await db.close();
    }
  });
});
