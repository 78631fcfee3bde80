// Regression: `mlc.cellModes: [2, 4]` in a noise study said "expected 2, found 4" although 3 is
// allowed too (the first branch of a literal union was reported).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

describe('noise study configuration errors', () => {
  it('a cell mode other than 2 or 3 names both allowed modes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-cfg-'));
    const src = readFileSync(join(import.meta.dirname, '..', '..', 'experiments', 'noise', 'default.yaml'), 'utf8');
    const file = join(dir, 'n.yaml');
    writeFileSync(file, src.replace('cellModes: [3, 2]', 'cellModes: [3, 4]').replace(/\.\.\/qmc\//g, join(import.meta.dirname, '..', '..', 'experiments', 'qmc') + '/'));
    let err = '';
    const code = await main(['study', 'noise', file, '--no-progress'], { stdout: () => {}, stderr: (t) => { err += t; } });
    expect(code).toBe(2);
    expect(err).toMatch(/^.*n\.yaml:\d+:\d+: mlc\.cellModes\[1\]: expected one of 2, 3, found 4\n$/);
  });
});
