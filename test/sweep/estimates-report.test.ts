// Regression: a sweep's report.html had an empty "Results resting on estimated parameters" section
// and no design values, although every point rests on the run file's estimates (E_net, the power
// budget, ...) and on the device presets' estimated parameters, as `qmcsim run` lists them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluator } from '../../src/sweep/run-config-evaluator.js';
import { sweepEstimates } from '../../src/sweep/estimates.js';
import { sweepHtml, type ReportPoint } from '../../src/sweep/report.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { ROOT, tempDir } from './helpers.js';

const BASE = join(ROOT, 'configs', 'runs', 'qmc-hymba.yaml');

describe('sweep reports list the estimated parameters behind their results', () => {
  it('run-config points: run-file and device estimates, minus the keys the sweep sets', async () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep\nname: est\nbase: ${BASE}\nset:\n  soc.powerBudget.budget: 9 W\naxes:\n  - soc.memories[1].device.arraysPerBank: [9, 17]\n`);
    const spec = loadSweepSpec(file);
    const points = [9, 17].map((n, index) => ({
      index, config: evaluator.resolve(BASE, [['soc.powerBudget.budget', '9 W'], ['soc.memories[1].device.arraysPerBank', n]]),
    }));
    const est = sweepEstimates(spec, evaluator, points);
    const params = est.map((e) => e.param);
    expect(params).toContain('soc.memories[*].link.energyPerBit (E_net)'); // the run file's estimate
    expect(params).toContain('soc.memories[mram].device.capacity'); // a preset's estimated parameter
    expect(params).toContain('soc.memories[reram].device.programPulse');
    // Swept (axis) and set by the sweep: the values are the sweep's, not estimates.
    expect(params).not.toContain('soc.memories[reram].device.arraysPerBank');
    expect(params).not.toContain('soc.powerBudget.budget');
    for (const e of est) expect(e.points).toEqual([0, 1]);

    const report: ReportPoint[] = points.map((p) => ({ id: `p${p.index}`, index: p.index, status: 'ok', axes: {}, metrics: {}, pareto: false }));
    const html = await sweepHtml(spec, report, [], est);
    const section = html.slice(html.indexOf('id="estimated"'));
    expect(section).toContain('every metric of all 2 evaluated points');
    expect(section).toContain('soc.memories[mram].device.capacity');
    expect(html.slice(html.indexOf('id="design-values"'), html.indexOf('id="estimated"'))).toContain('0.09 pJ/bit');
  }, 60_000);

  it('an evaluator without estimates() lists none', () => {
    const spec = { axes: [], set: [] } as unknown as Parameters<typeof sweepEstimates>[0];
    expect(sweepEstimates(spec, { resolve: () => ({}), evaluate: () => ({}) }, [{ index: 0, config: {} }])).toEqual([]);
  });
});
