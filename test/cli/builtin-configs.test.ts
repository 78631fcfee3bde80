// Every configuration shipped under configs/ and experiments/ passes `qmcsim validate` (in-process),
// so a schema change that refuses a key some built-in file uses is caught here.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli-helpers.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  }).sort();
}

describe('built-in configurations', () => {
  const files = [...yamlFiles('configs'), ...yamlFiles('experiments')];

  it('there are some in both folders', () => {
    expect(files.filter((f) => f.startsWith('configs/')).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.startsWith('experiments/')).length).toBeGreaterThan(5);
  });

  it.each(files)('%s validates', async (f) => {
    const r = await runCli('validate', f);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/: valid .* configuration \(/);
  }, 60_000);
});
