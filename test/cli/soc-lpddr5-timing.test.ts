// Regression: an SoC memory's LPDDR5 device block writes timing overrides as a nested block
// (timing: { tRCD: … }), a kind: devices entry as flat keys (timing.tRCD: …). A refused nested
// timing (tRCD 0 ns) was reported at the device block's line, not at the tRCD key; a flat key
// copied from docs/devices.md into an SoC block was a bare unknown key with no hint.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

const from = 'device: { preset: qmc-lpddr5 }';
const soc = (name: string, block: string): string => {
  const text = readFileSync('configs/soc/orin-agx-qmc.yaml', 'utf8');
  expect(text).toContain(from);
  return t.write(name, text.replace(from, block));
};
const lineOf = (file: string, needle: string): number => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('LPDDR5 timing overrides in an SoC device block', () => {
  it('a refused nested timing is located at its key', async () => {
    const f = soc('nested.yaml', 'device: { preset: qmc-lpddr5, timing: { tRCD: 0 ns } }');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    const line = lineOf(f, 'tRCD: 0 ns');
    const col = (readFileSync(f, 'utf8').split('\n')[line - 1] ?? '').indexOf('0 ns') + 1;
    expect(r.stderr.trimEnd()).toMatch(new RegExp(`nested\\.yaml:${line}:${col}: memories\\[2\\]\\.device\\.timing\\.tRCD: .*tRCD must be greater than 0 ns`));
  });

  it('a flat timing.tRCD key says the block is nested here', async () => {
    const f = soc('flat.yaml', 'device: { preset: qmc-lpddr5, timing.tRCD: 20 ns }');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/found unknown key 'timing\.tRCD'; timing parameters are written as a nested block here, e\.g\. 'timing: \{ tRCD: … \}'$/m);
  });

  it('a nested timing the device accepts validates', async () => {
    const r = await runCli('validate', soc('ok.yaml', 'device: { preset: qmc-lpddr5, timing: { tRCD: 20 ns } }'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
