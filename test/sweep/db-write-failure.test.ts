/**
 * The results database cannot be written (a full disk): storing a point used to end in exit 3
 * 'internal error: Error: TransactionContext Error: Failed to commit: … No space left on device', and
 * a database that could not be set up was left behind as a 0-byte results.duckdb. Now it is one line
 * naming the database and the reason, exit 2; the points stored before stay whole and readable, and
 * a database this run created and stored nothing in is removed. The disk is simulated: DuckDB's own
 * error (as a full tmpfs gives it) is thrown from the store after two points, or from open().
 * points.csv, points.parquet and report.html appear together or not at all (a directory in the way
 * stands for a full disk here).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ResultsDb, ResultsDbError } from '../../src/sweep/results-db.js';
import { FIXTURES, storedMetrics, tempDir } from './helpers.js';

const FULL = new Error('TransactionContext Error: Failed to commit: Could not write file "results.duckdb.wal": No space left on device');
const run = async (...args: string[]): Promise<{ code: number; stderr: string }> => {
  let stderr = '';
  const code = await main(['sweep', join(FIXTURES, 'toy-sweep.yaml'), '--workers', '0', '--no-progress', ...args], { stdout: () => {}, stderr: (t) => { stderr += t; } });
  return { code, stderr };
};
afterEach(() => vi.restoreAllMocks());

describe('sweep on a full disk', () => {
  it('storing a point fails: one line naming --db and the reason, exit 2, earlier points kept', async () => {
    const dir = tempDir();
    const db = join(dir, 'db', 'results.duckdb');
    const insert = ResultsDb.prototype.insertPoint;
    let calls = 0;
    vi.spyOn(ResultsDb.prototype, 'insertPoint').mockImplementation(async function (this: ResultsDb, row) {
      if (++calls === 3) throw new ResultsDbError(this.file, `cannot store point ${row.index}`, FULL);
      return insert.call(this, row);
    });
    const r = await run('--db', db, '--out', join(dir, 'out'));
    expect(r.stderr.split('\n').slice(1).join('\n')).toBe(
      `qmcsim sweep: --db ${db}: cannot store point 2 (no space left on device); the 2 points stored so far are kept: run the same command with --resume to finish\n`);
    expect(r.code).toBe(2);
    vi.restoreAllMocks();
    expect((await storedMetrics(db)).rows).toBe(2);
    expect(existsSync(join(dir, 'out')), 'the empty --out it created is removed').toBe(false);
  }, 60_000);

  it('the first point cannot be stored: no database file is left behind', async () => {
    const dir = tempDir();
    vi.spyOn(ResultsDb.prototype, 'insertPoint').mockImplementation(async function (this: ResultsDb, row) {
      throw new ResultsDbError(this.file, `cannot store point ${row.index}`, FULL);
    });
    const r = await run('--out', join(dir, 's2'));
    expect(r.stderr).toMatch(/^qmcsim sweep: --db .*results\.duckdb: cannot store point 0 \(no space left on device\); no point of this run was stored\n$/m);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 's2'))).toBe(false);
  }, 60_000);

  it('the report cannot be written: no table is written either, the points stay stored, exit 2', async () => {
    const dir = tempDir();
    const out = join(dir, 'o');
    mkdirSync(join(out, 'report.html'), { recursive: true });
    const r = await run('--out', out);
    const db = join(out, 'results.duckdb');
    expect(r.stderr.split('\n').slice(1).join('\n')).toBe(
      `qmcsim sweep: --out ${out}: cannot write report.html (it is a directory); nothing was written; the 12 points are stored in ${db}: run the same command with --resume to write the tables and report\n`);
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'results.duckdb']);
    expect((await storedMetrics(db)).rows).toBe(12);
  }, 60_000);

  it('the database cannot be set up: the file DuckDB made is removed, exit 2', async () => {
    const dir = tempDir();
    vi.spyOn(ResultsDb, 'open').mockImplementation(async (file: string) => {
      writeFileSync(file, ''); // DuckDB creates the file before it finds the disk full
      throw new ResultsDbError(file, 'cannot set it up', new Error(`IO Error: Could not write file "${file}": No space left on device`));
    });
    const r = await run('--out', join(dir, 's2'));
    expect(r.stderr).toBe(`qmcsim sweep: --db ${join(dir, 's2', 'results.duckdb')}: cannot set it up (no space left on device)\n`);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
