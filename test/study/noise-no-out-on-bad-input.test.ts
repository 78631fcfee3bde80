// Regression: `study noise BAD.yaml --out O --export E` created O and E (empty) before reading the
// study file, so a malformed study left output folders behind; they are now created only once the
// study file and the weights passed their checks.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'noise-small.yaml'), 'utf8')
  .replace(/\.\.\/\.\.\/\.\.\/experiments\/qmc\//g, join(import.meta.dirname, '..', '..', 'experiments', 'qmc') + '/');

async function study(text: string, ...extra: string[]): Promise<{ code: number; err: string; out: string; exp: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-out-'));
  const file = join(dir, 'n.yaml');
  writeFileSync(file, text);
  const out = join(dir, 'out');
  const exp = join(dir, 'export');
  let err = '';
  const code = await main(['study', 'noise', file, '--out', out, '--export', exp, '--no-progress', ...extra], { stdout: () => {}, stderr: (t) => { err += t; } });
  return { code, err, out, exp };
}

describe('study noise with bad input writes no output folders', () => {
  it('a malformed study file: one located line, exit 2, neither --out nor --export created', async () => {
    const r = await study(fixture.replace('levelSpreadScale: [0, 1.5, 2.5]', 'levelSpreadScale: [0, -1.5]'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^.*n\.yaml:\d+:\d+: mlc\.levelSpreadScale\[1\]: expected a number ≥ 0, found -1\.5\n$/);
    expect(existsSync(r.out)).toBe(false);
    expect(existsSync(r.exp)).toBe(false);
  });
  it('a missing --weights checkpoint: exit 2, no output folders', async () => {
    const r = await study(fixture, '--weights', join(tmpdir(), 'qmcsim-no-such-checkpoint.safetensors'));
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(r.out)).toBe(false);
    expect(existsSync(r.exp)).toBe(false);
  });
});
