// Regression: `qmcsim sweep FILE --out ''` resolved '' to the working directory and wrote
// results.duckdb, points.csv, points.parquet and report.html there (exit 0); `--db ''` tried to open
// the working directory as a database. `study noise --out ''` printed a raw ENOENT text.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-helpers.js';
import { FIXTURES, tempDir } from './helpers.js';

const home = process.cwd();
afterEach(() => process.chdir(home));

describe('empty output paths', () => {
  it.each(['--out', '--db'])("sweep %s '' is one line, exit 2, and writes nothing into the working directory", async (flag) => {
    const cwd = tempDir();
    process.chdir(cwd);
    const r = await runCli('sweep', join(FIXTURES, 'toy-sweep.yaml'), '--workers', '0', '--no-progress', flag, '');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`qmcsim sweep: ${flag}: expected a path, found an empty string\n`);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("study noise --out '' names the empty path", async () => {
    const r = await runCli('study', 'noise', join(home, 'experiments', 'noise', 'default.yaml'), '--out', '');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qmcsim study: --out : expected a directory that can be written, found an empty path\n');
  });
});
