/**
 * The built-in 'analytic' sweep evaluator: a tiny sweep over the QMC configuration (SmolLM2-135M)
 * runs and stores its points with `analytic: 1`, under ids apart from run-config's for the same
 * points, and resolves/identifies/lists estimates as run-config does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { expandSweep } from '../../src/sweep/points.js';
import { loadEvaluator } from '../../src/sweep/evaluator.js';
import { ROOT, storedMetrics, tempDir } from './helpers.js';

function sweepFile(dir: string, evaluator: string): string {
  const file = join(dir, `${evaluator}.yaml`);
  writeFileSync(file, `kind: sweep\nname: ana\nbase: ${join(ROOT, 'configs/runs/qmc-hymba.yaml')}\nevaluator: ${evaluator}\nset: { model: smollm2-135m }\naxes:\n  - soc.memories[0].device.channels: [4, 6]\nreport: { pareto: [energyPerTokenPj, latencyPerTokenPs] }\n`);
  return file;
}

describe("sweep evaluator 'analytic'", () => {
  it('runs a tiny sweep and stores its points', async () => {
    const dir = tempDir();
    const { main } = await import('../../src/cli/main.js');
    let text = '';
    const code = await main(['sweep', sweepFile(dir, 'analytic'), '--workers', '0', '--out', join(dir, 'out'), '--json', '--no-progress'], { stdout: (t) => { text += t; }, stderr: () => {} });
    expect(code).toBe(0);
    const summary = JSON.parse(text) as { points: { status: string; metrics: Record<string, number> }[] };
    expect(summary.points.map((p) => p.status)).toEqual(['ok', 'ok']);
    const stored = await storedMetrics(join(dir, 'out', 'results.duckdb'));
    expect(stored.rows).toBe(2);
    const lat = [...stored.metrics.values()].map((j) => JSON.parse(j) as Record<string, number>);
    for (const m of lat) expect(m.analytic).toBe(1);
    // fewer MRAM channels: a lower MRAM roofline bandwidth, so the MRAM time grows
    const byCh = lat.sort((a, b) => a['timePsByMemory.mram']! - b['timePsByMemory.mram']!);
    expect(byCh[1]!['timePsByMemory.mram']! / byCh[0]!['timePsByMemory.mram']!).toBeGreaterThan(1.4);
  }, 60_000);

  it('resolves, identifies and lists estimates as run-config, under other point ids', async () => {
    const dir = tempDir();
    const a = await expandSweep(loadSweepSpec(sweepFile(dir, 'analytic')));
    const r = await expandSweep(loadSweepSpec(sweepFile(dir, 'run-config')));
    expect(a.points.map((p) => p.config)).toEqual(r.points.map((p) => p.config));
    for (let i = 0; i < a.points.length; i++) expect(a.points[i]!.id).not.toBe(r.points[i]!.id);
    const ana = await loadEvaluator('analytic');
    const rc = await loadEvaluator('run-config');
    const cfg = a.points[0]!.config;
    expect(ana.identity!(cfg)).toEqual(rc.identity!(cfg));
    expect(ana.estimates!(cfg)).toEqual(rc.estimates!(cfg));
    const names = ana.metricNames!(cfg);
    expect(names).toContain('analytic');
    expect(names).toContain('latencyPerTokenPs');
    expect(names).not.toContain('queueingDelayPsByMemory.mram');
  }, 60_000);
});
