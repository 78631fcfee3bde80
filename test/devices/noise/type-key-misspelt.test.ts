// A noise block whose type: key is misspelt (tpye:) is reported at that key with a did-you-mean,
// not as "type: … found nothing (the key is missing)".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noiseModelSchema } from '../../../src/devices/noise/from-config.js';
import { runCli } from '../../cli/cli-helpers.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-tpye-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('noise block type: key', () => {
  it('tpye: is named, with a did-you-mean', () => {
    const r = noiseModelSchema.safeParse({ tpye: 'bit-flip', pBit: 1e-3 });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]?.path).toEqual(['tpye']);
    expect(r.error?.issues[0]?.message).toMatch(/^expected 'type:' naming one of gaussian-levels, .*, found unknown key 'tpye'; did you mean 'type'\?$/);
  });
  it('a missing type with no look-alike key still says the key is missing', () => {
    const r = noiseModelSchema.safeParse({ pBit: 1e-3 });
    expect(r.error?.issues[0]?.path).toEqual(['type']);
    expect(r.error?.issues[0]?.message).toMatch(/found nothing \(the key is missing\)$/);
  });
  it('validate of an SoC points at the misspelt key (exit 2)', async () => {
    const soc = readFileSync('configs/soc/orin-agx-qmc.yaml', 'utf8');
    expect(soc).toContain('noise: { type: level-step');
    const f = join(dir, 'soc.yaml');
    writeFileSync(f, soc.replace('noise: { type: level-step', 'noise: { tpye: level-step'));
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^${f}:\\d+:20: memories\\[1\\]\\.noise\\.tpye: expected 'type:' naming one of .*, found unknown key 'tpye'; did you mean 'type'\\?$`));
  });
});
