// `qmcsim sweep --out NEW --db FILE_UNDER_A_FILE` fails before any point runs (exit 2) and leaves no
// empty --out folder behind; the --out folder was created first and stayed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

describe('sweep with a bad --db folder', () => {
  it('exits 2 and removes the --out folder it created', async () => {
    const file = t.write('plain-file', 'x');
    const out = join(t.dir, 'out', 'sweep');
    const r = await runCli('sweep', 'experiments/sweeps/qmc-design-space.yaml', '--out', out, '--db', join(file, 'x.duckdb'), '--no-progress');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--db folder');
    expect(existsSync(join(t.dir, 'out'))).toBe(false);
  });
});
