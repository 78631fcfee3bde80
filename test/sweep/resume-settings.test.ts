// Regression: --resume reused stored rows after the sweep's evaluation settings changed: adding a
// metric to `metrics:` left it empty for every reused point (and the Pareto front silently lost
// that objective); a changed metric constraint kept stale ok/infeasible; toggling layerReuse (default true)
// reused results computed the other way. Point ids now cover these settings.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resumeSweep, tempDir, writeToySweep } from './helpers.js';


describe('sweep --resume and evaluation settings', () => {
  it('re-runs points when metrics, constraints or layerReuse change; reuses them otherwise', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const axes = 'axes:\n  - quantizer.rho: [0.1, 0.3]\n';
    const first = await resumeSweep(writeToySweep(dir, `${axes}metrics: [latencyPerTokenPs]\n`, 'a.yaml'), out);
    expect(first.ran).toBe(2);

    const more = await resumeSweep(writeToySweep(dir, `${axes}metrics: [latencyPerTokenPs, energyPerTokenPj]\n`, 'b.yaml'), out);
    expect(more.ran).toBe(2);
    for (const p of more.points) expect(typeof p.metrics['energyPerTokenPj']).toBe('number');

    const same = await resumeSweep(writeToySweep(dir, `${axes}metrics: [latencyPerTokenPs, energyPerTokenPj]\n`, 'c.yaml'), out);
    expect(same.ran).toBe(0);
    expect(same.reused).toBe(2);

    const constrained = await resumeSweep(writeToySweep(dir, `${axes}metrics: [latencyPerTokenPs, energyPerTokenPj]\nconstraints:\n  - name: fast\n    expr: metrics.latencyPerTokenPs < 5000000\n`, 'd.yaml'), out);
    expect(constrained.ran).toBe(2);
    expect(constrained.points.map((p) => p.status).sort()).toEqual(['infeasible', 'ok']);

    const reuse = await resumeSweep(writeToySweep(dir, `layerReuse: false\n${axes}metrics: [latencyPerTokenPs, energyPerTokenPj]\n`, 'e.yaml'), out);
    expect(reuse.ran).toBe(2);
  }, 120_000);
});
