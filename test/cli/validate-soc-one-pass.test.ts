// `qmcsim validate` reports a SoC's device-block errors in the same pass as the SoC's own schema
// errors (a misspelt arbiter and a misspelt LPDDR5 parameter: both lines, in document order), for a
// kind: soc file, the SoC file a run names, and an SoC inline in a run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOC = readFileSync(resolve(ROOT, 'configs/soc/orin-agx-baseline.yaml'), 'utf8');
const RUN = readFileSync(resolve(ROOT, 'configs/runs/fp16-hymba.yaml'), 'utf8');
const broken = (s: string): string => {
  const out = s.replace('device: { preset: qmc-lpddr5,', 'device: { preset: qmc-lpddr5, tRCDx: 5 ns,').replace('arbiter: round-robin', 'arbiter: round-robn');
  expect(out).not.toBe(s);
  return out;
};

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

function expectBoth(stderr: string, file: string, prefix: string): void {
  expect(stderr).not.toContain('    at ');
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(new RegExp(`${file}:\\d+:\\d+: ${prefix}interconnect\\.arbiter: .*found 'round-robn'; did you mean 'round-robin'\\?$`));
  expect(lines[1]).toMatch(new RegExp(`${file}:\\d+:\\d+: ${prefix.replace(/\./g, '\\.')}memories\\[0\\]\\.device\\.tRCDx: .*found unknown key 'tRCDx'`));
}

describe('qmcsim validate: SoC schema and device-block errors in one pass', () => {
  it('a kind: soc file', async () => {
    const f = t.write('soc.yaml', broken(SOC));
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expectBoth(r.stderr, 'soc\\.yaml', '');
  }, 60_000);

  it('the SoC file a run config names', async () => {
    t.write('soc.yaml', broken(SOC));
    const run = RUN.replace(/^soc: .*$/m, 'soc: soc.yaml');
    expect(run).not.toBe(RUN);
    const f = t.write('run.yaml', run);
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expectBoth(r.stderr, 'soc\\.yaml', '');
  }, 60_000);

  it('an SoC inline in a run config', async () => {
    const inline = SOC.replace(/^kind: soc\n/m, '').split('\n').map((l) => `  ${l}`).join('\n');
    const run = RUN.replace(/^soc: .*$/m, `soc:\n${inline}`);
    const f = t.write('run-inline.yaml', broken(run));
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expectBoth(r.stderr, 'run-inline\\.yaml', 'soc.');
  }, 60_000);

  it('a device block that parses but cannot be built is reported in the same pass too', async () => {
    const qmc = readFileSync(resolve(ROOT, 'configs/soc/orin-agx-qmc.yaml'), 'utf8');
    const text = qmc.replace('arbiter: round-robin', 'arbiter: round-robn').replace('preset: qmc-reram-3bit,', 'preset: qmc-reram-3bit, iterationsMin: 30,');
    expect(text).not.toBe(qmc);
    expect(text).toContain('iterationsMin: 30');
    const r = await runCli('validate', t.write('qmc.yaml', text));
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/qmc\.yaml:\d+:\d+: interconnect\.arbiter: /);
    expect(lines[1]).toMatch(/qmc\.yaml:\d+:\d+: memories\[1\]\.device\.iterationsMin: expected a valid device .*iterationsMax must be ≥ iterationsMin/);
  }, 60_000);

  it('a file of another kind is still reported by its kind alone', async () => {
    const f = t.write('not-soc.yaml', broken(SOC).replace('kind: soc', 'kind: run'));
    const r = await runCli('validate', f, '--kind', 'soc');
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/not-soc\.yaml:\d+:\d+: kind: expected 'soc', found 'run'$/)]);
  }, 60_000);
});
