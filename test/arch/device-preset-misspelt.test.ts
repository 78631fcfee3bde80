// An SoC memory's device block without 'preset:' because the key is misspelt (prseet:, tpye:) is
// reported at the misspelt key with a did-you-mean, not only as "device needs 'preset'" at the block.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/cli-helpers.js';
import { buildFromCatalogue } from '../../src/arch/device-factory.js';
import { Engine } from '../../src/engine/engine.js';
import { paramOf } from '../../src/devices/param-error.js';

const SOC = readFileSync('configs/soc/orin-agx-qmc.yaml', 'utf8');
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-prseet-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function validate(device: string): Promise<{ code: number; line: string; file: string }> {
  const file = join(dir, 'soc.yaml');
  expect(SOC).toContain('device: { preset: qmc-mram }');
  writeFileSync(file, SOC.replace('device: { preset: qmc-mram }', device));
  const r = await runCli('validate', file);
  return { code: r.code, line: r.stderr.trim(), file };
}

describe('device block without preset', () => {
  it('a misspelt preset: key is named, with a did-you-mean (exit 2)', async () => {
    const r = await validate('device: { prseet: qmc-mram }');
    expect(r.code).toBe(2);
    expect(r.line).toMatch(new RegExp(`^${r.file}:\\d+:23: memories\\[0\\]\\.device\\.prseet: expected a valid device .*, found unknown key 'prseet' \\(did you mean 'preset'\\?\\); a device needs 'preset'`));
  });
  it('a misspelt type: key is named too', async () => {
    const r = await validate('device: { tpye: ideal }');
    expect(r.code).toBe(2);
    expect(r.line).toMatch(/memories\[0\]\.device\.tpye: .*found unknown key 'tpye' \(did you mean 'type'\?\)/);
  });
  it('no key like preset: the block is named, as before', async () => {
    const r = await validate('device: { channels: 3 }');
    expect(r.code).toBe(2);
    expect(r.line).toMatch(/memories\[0\]\.device: expected a valid device .*a device needs 'preset' \(a device catalogue name\) or 'type: ideal'$/);
  });
  it('the factory error names the misspelt key', () => {
    let err: unknown;
    try { buildFromCatalogue({ prseet: 'qmc-mram' }, new Engine(), 'soc.memory.mram', 0); } catch (e) { err = e; }
    expect(paramOf(err)).toBe('prseet');
  });
});
