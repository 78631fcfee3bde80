// Regression: a noise study whose MLC preset has the wrong number of levels for its cell mode
// (`'3': nvmexplorer-2bit`) ended in "internal error: RangeError … 4 levels but cells hold 3 bits",
// exit 3; it is now one located line, exit 2, before any sweep point.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

describe('noise study MLC preset level count', () => {
  it('a 2-bit level set for 3-bit cells is a located configuration error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-levels-'));
    const src = readFileSync(join(import.meta.dirname, 'fixtures', 'noise-small.yaml'), 'utf8');
    const file = join(dir, 'n.yaml');
    writeFileSync(file, src.replace("'3': nvmexplorer-3bit", "'3': nvmexplorer-2bit")
      .replace(/\.\.\/\.\.\/\.\.\/experiments\/qmc\//g, join(import.meta.dirname, '..', '..', 'experiments', 'qmc') + '/'));
    let err = '';
    const code = await main(['study', 'noise', file, '--no-progress'], { stdout: () => {}, stderr: (t) => { err += t; } });
    expect(code).toBe(2);
    expect(err).toMatch(/^.*n\.yaml:\d+:\d+: mlc\.presets\["3"\]: expected a level set of 8 levels for 3-bit cells, found 'nvmexplorer-2bit' \(4 levels\)\n$/);
  });
});
