// points.csv and points.parquet said nothing about estimates: only report.html and --json listed
// the estimated parameters behind the results, so a table read on its own (pandas, DuckDB) gave no
// hint which rows rest on estimates. Each row now names them (column estimated_params) and the
// Parquet file carries the full list with values and sources (key-value metadata qmcsim.estimates).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { exportPoints } from '../../src/sweep/export.js';
import { InlineExecutor } from '../../src/sweep/executor-pool.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { FIXTURES, TOY_BASE, tempDir } from './helpers.js';
import { writeFileSync } from 'node:fs';

describe('exported tables name the estimates each point rests on', () => {
  it('a column per row, and the list with values and sources in the Parquet metadata', async () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep\nname: t\nbase: ${TOY_BASE}\nevaluator: ${join(FIXTURES, 'toy-estimates-evaluator.ts')}\naxes:\n  - mram.channels: [4, 8]\nmetrics: [latencyPerTokenPs]\n`);
    const spec = loadSweepSpec(file);
    const db = await ResultsDb.open(join(dir, 'r.duckdb'));
    const csv = join(dir, 'points.csv');
    const parquet = join(dir, 'points.parquet');
    try {
      const s = await runSweep(spec, { db, resume: false, executor: new InlineExecutor() });
      await exportPoints(db, spec, s.points.map((p) => p.id), ['latencyPerTokenPs'], { csv, parquet });
    } finally {
      await db.close();
    }
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]!.split(',').at(-1)).toBe('estimated_params');
    expect(lines[1]!.endsWith(',reram.pjPerBit')).toBe(true); // 4 channels
    expect(lines[2]!.endsWith(',mram.pjPerBit; reram.pjPerBit')).toBe(true); // 8 channels
    const inst = await DuckDBInstance.create(':memory:');
    const conn = await inst.connect();
    try {
      const rows = (await conn.runAndReadAll(`SELECT decode(value) FROM parquet_kv_metadata('${parquet}') WHERE decode(key) = 'qmcsim.estimates'`)).getRows();
      const list = JSON.parse(String(rows[0]?.[0])) as { param: string; value: string; source: string; points: number[] }[];
      expect(list).toEqual([
        { param: 'mram.pjPerBit', value: '2 pJ/bit', source: 'toy estimate, wide MRAM', points: [1] },
        { param: 'reram.pjPerBit', value: '0.5 pJ/bit', source: 'toy estimate, every point', points: [0, 1] },
      ]);
      const cols = (await conn.runAndReadAll(`SELECT estimated_params FROM '${parquet}' ORDER BY point_index`)).getRows().map((r) => r[0]);
      expect(cols).toEqual(['reram.pjPerBit', 'mram.pjPerBit; reram.pjPerBit']);
    } finally {
      conn.closeSync();
      inst.closeSync();
    }
  }, 60_000);
});
