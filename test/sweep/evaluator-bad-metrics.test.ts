/**
 * A custom evaluator that returns a metric which is no finite number: NaN and Infinity used to be
 * stored silently as status ok with a null metric, and a string ('12') was dropped, so the sweep
 * stopped with a misleading `report.pareto[0]: expected a metric the evaluator produces` blamed on
 * the sweep file. Now the point fails with a message naming the module and the metric (the summary
 * adds the point's index and axes), the other points are stored, and the sweep exits 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { tempDir, TOY_BASE } from './helpers.js';

const EVALUATOR = `export const evaluator = {
  resolve: (_base, overrides) => Object.fromEntries(overrides),
  evaluate: ({ x }) => ({ m: x === 1 ? 0 / 0 : x === 2 ? '12' : x === 3 ? 1 / 0 : x, latencyPerTokenPs: 1 }),
  metricNames: () => ['m', 'latencyPerTokenPs'],
};
`;

describe('custom evaluator returning bad metric values', () => {
  it('fails those points naming evaluator, point and metric; exit 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ev.mjs'), EVALUATOR);
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep\nname: bad\nbase: ${TOY_BASE}\nevaluator: ./ev.mjs\naxes:\n  - x: [0, 1, 2, 3]\nreport:\n  pareto: [m]\n`);
    let stdout = '';
    let stderr = '';
    const code = await main(['sweep', file, '--workers', '0', '--out', join(dir, 'o'), '--no-progress'], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    expect(stdout).toContain("3 failed, 0 infeasible (not on the Pareto front); point 1 (x=1): evaluator ./ev.mjs: metric 'm': expected a finite number, found NaN\n");
    expect(stderr).toContain('qmcsim sweep: 3 of 4 points failed (stored with status failed; the report leaves them out); exit 1\n');
    expect(code).toBe(1);
    const db = await ResultsDb.open(join(dir, 'o', 'results.duckdb'));
    try {
      const pts = await db.points();
      expect(pts.map((p) => [p.index, p.status, p.error])).toEqual([
        [0, 'ok', null],
        [1, 'failed', "evaluator ./ev.mjs: metric 'm': expected a finite number, found NaN"],
        [2, 'failed', "evaluator ./ev.mjs: metric 'm': expected a finite number, found '12' (a string)"],
        [3, 'failed', "evaluator ./ev.mjs: metric 'm': expected a finite number, found Infinity"],
      ]);
    } finally {
      await db.close();
    }
    expect(readFileSync(join(dir, 'o', 'points.csv'), 'utf8').split('\n')).toHaveLength(6); // header, 4 points, ''
  }, 60_000);
});
