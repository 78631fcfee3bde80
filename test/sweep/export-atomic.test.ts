// Regression: points.csv / points.parquet were written by DuckDB COPY straight to their final
// names, so a sweep interrupted during the export (Ctrl-C) could leave a half-written table.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPoints } from '../../src/sweep/export.js';
import type { ResultsDb } from '../../src/sweep/results-db.js';
import { parseSweepSpec } from '../../src/sweep/spec.js';
import { tempDir } from './helpers.js';

/** A stand-in database that records COPY targets and writes a marker there (or fails on one). */
function fakeDb(failOn?: string): { db: ResultsDb; targets: string[] } {
  const targets: string[] = [];
  const db = {
    points: async (): Promise<[]> => [], // the export reads the stored axes (quantities as canonical numbers)
    exec: async (sql: string): Promise<void> => {
      const m = /^COPY \(.*\) TO '([^']+)'/s.exec(sql);
      if (m === null) return;
      targets.push(m[1]!);
      writeFileSync(m[1]!, 'partial');
      if (failOn !== undefined && sql.includes(failOn)) throw new Error('interrupted');
    },
  } as unknown as ResultsDb;
  return { db, targets };
}

describe('sweep export', () => {
  const spec = parseSweepSpec('kind: sweep\nbase: b.yaml\naxes:\n  - a.b: [0, 1]\n', 's.yaml');

  it('COPY writes beside the final files, which appear by rename; no temp file is left', async () => {
    const dir = tempDir();
    const files = { csv: join(dir, 'points.csv'), parquet: join(dir, 'points.parquet') };
    const { db, targets } = fakeDb();
    await exportPoints(db, spec, ['p0'], ['m'], files, []);
    expect(targets).toHaveLength(2);
    expect(targets).not.toContain(files.csv);
    expect(targets).not.toContain(files.parquet);
    expect(readdirSync(dir).sort()).toEqual(['points.csv', 'points.parquet']);
  });

  it('a failed export leaves no final or temp file behind', async () => {
    const dir = tempDir();
    const files = { csv: join(dir, 'points.csv'), parquet: join(dir, 'points.parquet') };
    const { db } = fakeDb('FORMAT CSV');
    await expect(exportPoints(db, spec, ['p0'], ['m'], files, [])).rejects.toThrow('interrupted');
    expect(existsSync(files.csv)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
