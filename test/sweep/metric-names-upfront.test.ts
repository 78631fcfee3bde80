// A misspelt metric name (metrics:, report.pareto, derived:, constraints:, sum('prefix')) is refused
// before any point runs, from the names the evaluator declares (SweepEvaluator.metricNames); it was
// found only when the first evaluated point was stored. The run-config evaluator's declared names
// cover every metric a real run reports.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { expandSweep } from '../../src/sweep/points.js';
import { evaluator as runEvaluator } from '../../src/sweep/run-config-evaluator.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { ROOT, TOY_BASE, TOY_EVALUATOR, preRunRefusal, tempDir, writeToySweep } from './helpers.js';

/** The message expandSweep (the pre-run checks) throws for a toy sweep with `body`, FILE for its path. */
const refused = (body: string): Promise<string> => preRunRefusal(writeToySweep(tempDir(), body));

const AXES = 'axes:\n  - quantizer.rho: [0.1, 0.2]\n';

describe('metric names are checked before any point runs', () => {
  it('metrics: with a misspelt name, with a did-you-mean', async () => {
    expect(await refused(`${AXES}metrics: [latencyPerTokenP, energyPerTokenPj]\n`))
      .toBe("FILE:7:11: metrics[0]: expected a metric the evaluator produces, found 'latencyPerTokenP'; did you mean 'latencyPerTokenPs'?");
  });

  it('report.pareto without metrics:', async () => {
    expect(await refused(`${AXES}report:\n  pareto: [energyPerTokenPj, memoryAreaMM]\n`))
      .toBe("FILE:8:30: report.pareto[1]: expected a metric the evaluator produces, found 'memoryAreaMM'; did you mean 'memoryAreaMm2'?");
  });

  it('a constraint and a derived metric reading a metric that does not exist', async () => {
    const msg = await refused(`${AXES}derived:\n  perArea: metrics.energyPerTokenPj / metrics.memoryAreaMM2\nconstraints:\n  - name: fast\n    expr: metrics.latencyPerTokenPS < 1e12\n`);
    expect(msg.split('\n')).toEqual([
      "FILE:8:12: derived.perArea: expected an expression over metrics the evaluator produces, found no metric 'memoryAreaMM2'; did you mean 'metrics.memoryAreaMm2'?",
      "FILE:11:11: constraints[0].expr: expected an expression over metrics the evaluator produces, found no metric 'latencyPerTokenPS'; did you mean 'metrics.latencyPerTokenPs'?",
    ]);
  });

  it("sum('prefix') matching no metric (it would be 0 at every point)", async () => {
    expect(await refused(`${AXES}derived:\n  t: sum('mramTime')\n  u: sum('nothing.')\n`)).toBe(
      "FILE:9:6: derived.u: expected an expression over metrics the evaluator produces, found sum('nothing.'), which matches no metric",
    );
  });

  it('derived metrics may be listed, and read by later derived metrics and constraints', async () => {
    const file = writeToySweep(tempDir(), `${AXES}derived:\n  a: metrics.mramTimePs + metrics.reramTimePs\n  b: metrics.a * 2\nconstraints:\n  - metrics.b > 0\nmetrics: [a, b, latencyPerTokenPs]\nreport:\n  pareto: [a, b]\n`);
    expect((await expandSweep(loadSweepSpec(file))).points).toHaveLength(2);
  });

  it('a derived metric cannot read one defined below it', async () => {
    expect(await refused(`${AXES}derived:\n  a: metrics.b + 1\n  b: metrics.mramTimePs\n`))
      .toMatch(/^FILE:8:6: derived\.a: expected an expression over metrics the evaluator produces, found no metric 'b'$/);
  });

  it('an evaluator that declares no names is checked when the first point is stored (as before)', async () => {
    const dir = tempDir();
    const ev = join(dir, 'undeclared.ts');
    writeFileSync(ev, `import { evaluator as toy } from ${JSON.stringify(TOY_EVALUATOR)};\nexport const evaluator = { resolve: toy.resolve, evaluate: toy.evaluate };\n`);
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep\nname: t\nbase: ${TOY_BASE}\nevaluator: ${ev}\n${AXES}metrics: [latencyPerTokenP]\n`);
    expect((await expandSweep(loadSweepSpec(file))).points).toHaveLength(2);
  });

  it('qmcsim sweep: exit 2, no plan line (no point ran), nothing left in --out', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, `${AXES}metrics: [energyPerTokenPJ]\n`);
    const out = join(dir, 'out');
    let stderr = '';
    const code = await main(['sweep', file, '--workers', '0', '--out', out, '--no-progress'], { stdout: () => {}, stderr: (t) => { stderr += t; } });
    expect(code).toBe(2);
    expect(stderr).toBe(`${file}:7:11: metrics[0]: expected a metric the evaluator produces, found 'energyPerTokenPJ'; did you mean 'energyPerTokenPj'?\n`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('run-config evaluator: declared metric names', () => {
  // One real (small) run per SoC shape: the declared names must include every reported metric.
  for (const run of ['qmc-hymba', 'fp16-hymba']) {
    it(`${run}: every metric a run reports is declared`, () => {
      const cfg = runEvaluator.resolve(join(ROOT, 'configs', 'runs', `${run}.yaml`), [['model', 'smollm2-135m'], ['workload.contextLength', 128]]);
      const declared = new Set(runEvaluator.metricNames!(cfg));
      const reported = Object.keys(runEvaluator.evaluate(cfg, { seed: 1, layerReuse: true }) as Record<string, number>);
      expect(reported.filter((k) => !declared.has(k))).toEqual([]);
      expect(declared.has('areaMm2ByMemory.lpddr5')).toBe(true);
    }, 60_000);
  }
});
