/**
 * Ctrl-C during the export (the sweep command's handler calls process.exit) left the temporary
 * points.csv / points.parquet file a DuckDB COPY was writing ('points.parquet.tmp-PID', half
 * written) in the output folder. The exit hook removes it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from './helpers.js';

describe('sweep export interrupted by process.exit', () => {
  it('leaves no temporary export file behind', () => {
    let caught = 0;
    for (let attempt = 0; attempt < 3 && caught === 0; attempt++) {
      const dir = tempDir();
      const r = spawnSync('npx', ['tsx', join(FIXTURES, 'export-then-exit.ts'), dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      if (r.stdout.includes('caught')) {
        caught++;
        expect(r.status).toBe(130);
      } else expect(r.status).toBe(0);
      expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    }
    expect(caught).toBeGreaterThan(0); // the exit did land mid-COPY at least once
  }, 300_000);
});
