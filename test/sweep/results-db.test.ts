import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPoints } from '../../src/sweep/export.js';
import { paretoFront } from '../../src/sweep/pareto.js';
import { ResultsDb, type PointRow } from '../../src/sweep/results-db.js';
import { parseSweepSpec } from '../../src/sweep/spec.js';
import { tempDir } from './helpers.js';

const row = (id: string, index: number, metrics: Record<string, number>): PointRow => ({
  id, sweep: 's', index, seed: 1, toolVersion: 'qmcsim@test', evaluator: 'toy', axes: { 'a.b': index, mode: 'x' },
  config: { a: { b: index } }, status: 'ok', violated: null, error: null, metrics,
});

describe('results database', () => {
  it('stores a point once, with canonical JSON, and exports CSV and Parquet', async () => {
    const dir = tempDir();
    const db = await ResultsDb.open(join(dir, 'r.duckdb'));
    expect(await db.insertPoint(row('p1', 1, { z: 2, a: 0.1 + 0.2 }))).toBe(true);
    expect(await db.insertPoint(row('p1', 1, { z: 3 }))).toBe(false); // delivered twice, lands once
    expect(await db.insertPoint(row('p0', 0, { z: 1, a: 5 }))).toBe(true);
    const pts = await db.points();
    expect(pts.map((p) => p.id)).toEqual(['p0', 'p1']);
    expect(pts[1]!.metricsJson).toBe('{"a":0.30000000000000004,"z":2}');
    const spec = parseSweepSpec('kind: sweep\nbase: b.yaml\naxes:\n  - a.b: [0, 1]\n  - mode: [x]\n', 's.yaml');
    await exportPoints(db, spec, ['p0', 'p1'], ['a', 'z'], { csv: join(dir, 'o.csv'), parquet: join(dir, 'o.parquet') }, []);
    const csv = readFileSync(join(dir, 'o.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('id,point_index,status,violated,error,a.b,mode,a,z,estimated_params');
    expect(csv[2]).toBe('p1,1,ok,,,1,x,0.30000000000000004,2.0,""');
    expect(readFileSync(join(dir, 'o.parquet')).subarray(0, 4).toString()).toBe('PAR1');
    await db.close();
    // Reopening sees the committed points.
    const again = await ResultsDb.open(join(dir, 'r.duckdb'));
    expect(await again.count()).toBe(2);
    await again.close();
  });

  it('Pareto front keeps exactly the non-dominated points', () => {
    const pts = [
      { id: 'a', values: [1, 5, 1] }, { id: 'b', values: [2, 2, 1] }, { id: 'c', values: [2, 3, 1] },
      { id: 'd', values: [5, 1, 9] }, { id: 'e', values: [1, 5, 1] },
    ];
    expect([...paretoFront(pts)].sort()).toEqual(['a', 'b', 'd', 'e']);
  });
});
