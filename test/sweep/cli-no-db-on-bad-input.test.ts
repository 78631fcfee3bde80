// A sweep file rejected before any point is stored leaves no results database behind in --out (it
// left an empty 800 kB results.duckdb); an existing database (e.g. for --resume) is never removed.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir, writeToySweep } from './helpers.js';

async function sweep(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(['sweep', ...argv], { stdout: () => {}, stderr: (t) => { stderr += t; } });
  return { code, stderr };
}

describe('qmcsim sweep on a file rejected before any point runs', () => {
  it('exits 2 and leaves no results.duckdb in --out', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, 'axes:\n  - quantizer.rho: [0.1, 0.2]\n  - reram.arays: [32]\n');
    const out = join(dir, 'out');
    const r = await sweep(file, '--workers', '0', '--out', out, '--no-progress');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/axes\[1\]\.reram\.arays: expected a config key/);
    // nothing left in --out (since 54dfcb0 the folder this run created is removed as well)
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 60_000);

  it('keeps a database that existed before the run', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const good = writeToySweep(dir, 'axes:\n  - quantizer.rho: [0.1]\n', 'good.yaml');
    expect((await sweep(good, '--workers', '0', '--out', out, '--no-progress')).code).toBe(0);
    const bad = writeToySweep(dir, 'axes:\n  - reram.arays: [32]\n', 'bad.yaml');
    expect((await sweep(bad, '--workers', '0', '--out', out, '--no-progress')).code).toBe(2);
    expect(existsSync(join(out, 'results.duckdb'))).toBe(true);
  }, 60_000);
});
