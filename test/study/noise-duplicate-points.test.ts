// Regression: a sweep value listed twice (levelSpreadScale [1, 1.0], cellModes [3, 3], a repeated
// write-error rate) ran the same point twice, printed its checks twice, and --export overwrote the
// point's file while reporting one checkpoint per point. It is one located line, exit 2, now.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const qmc = join(import.meta.dirname, '..', '..', 'experiments', 'qmc');
const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'noise-small.yaml'), 'utf8')
  .replace(/\.\.\/\.\.\/\.\.\/experiments\/qmc\//g, `${qmc}/`);

describe('noise study sweep lists', () => {
  it.each([
    ['levelSpreadScale: [0, 1.5, 2.5]', 'levelSpreadScale: [0, 1.5, 1.50]', /n\.yaml:\d+:\d+: mlc\.levelSpreadScale\[2\]: expected values listed once, found 1\.5 again \(already at index 1\)\n$/],
    ['cellModes: [3, 2]', 'cellModes: [3, 3]', /n\.yaml:\d+:\d+: mlc\.cellModes\[1\]: expected values listed once, found 3 again \(already at index 0\)\n$/],
    ['writeErrorRate: [0, 1.0e-3]', 'writeErrorRate: [1.0e-3, 0.001]', /n\.yaml:\d+:\d+: mram\.writeErrorRate\[1\]: expected values listed once, found 0\.001 again \(already at index 0\)\n$/],
  ])('%s → %s is refused', async (from, to, msg) => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-dup-'));
    const file = join(dir, 'n.yaml');
    writeFileSync(file, fixture.replace(from, to));
    let err = '';
    const code = await main(['study', 'noise', file, '--no-progress'], { stdout: () => {}, stderr: (t) => { err += t; } });
    expect(code).toBe(2);
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toMatch(msg);
  });
});
