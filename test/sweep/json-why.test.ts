// Regression: `sweep --json` left out why a point failed (`error`) or was infeasible (the `violated`
// constraints), which points.csv has. Each point of the JSON now carries both.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir, writeToySweep } from './helpers.js';

describe('sweep --json', () => {
  it('gives the error of a failed point and the violated constraints of an infeasible one', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, [
      'set:', '  work.failWhenArraysAbove: 100',
      'axes:', '  - reram.arrays: [32, 2000]',
      'constraints:', '  - name: never', '    expr: metrics.latencyPerTokenPs < 0', '  - name: small', '    expr: metrics.memoryAreaMm2 < 1', '',
    ].join('\n'));
    let stdout = '';
    const code = await main(['sweep', file, '--workers', '0', '--out', join(dir, 'out'), '--json', '--no-progress'], { stdout: (t) => { stdout += t; }, stderr: () => {} });
    expect(code).toBe(1); // a point failed
    const points = (JSON.parse(stdout) as { points: { status: string; error: string | null; violated: string[] }[] }).points;
    expect(points.map((p) => p.status)).toEqual(['infeasible', 'failed']);
    expect(points[0]).toMatchObject({ error: null, violated: ['never', 'small'] });
    expect(points[1]).toMatchObject({ error: 'placement does not fit: 2000 arrays', violated: [] });
  }, 60_000);
});
