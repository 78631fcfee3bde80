// An NVM interleave granule (STT-MRAM granule, ReRAM interleave) is a whole number of bytes ≥ 1 B:
// '0.3 B' was accepted and split addresses into fractional granules (nonsense timings). Refused at
// the key in an SoC device block, in a kind: devices file, and by the device models themselves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/cli-helpers.js';
import { reramSchema } from '../../../src/devices/nvm/reram-plugin.js';
import { sttMramSchema } from '../../../src/devices/nvm/stt-mram-plugin.js';
import { SttMram } from '../../../src/devices/nvm/stt-mram.js';
import { Reram } from '../../../src/devices/nvm/reram.js';
import { Engine } from '../../../src/engine/engine.js';
import { nvmAndSramPresets, rawParams } from '../../../src/devices/presets/index.js';
import { paramOf } from '../../../src/devices/param-error.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-granule-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const raw = (name: string): Record<string, unknown> => {
  const p = nvmAndSramPresets.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no preset ${name}`);
  return rawParams(p);
};

async function validate(text: string): Promise<{ code: number; line: string; file: string }> {
  const file = join(dir, 'x.yaml');
  writeFileSync(file, text);
  const r = await runCli('validate', file);
  return { code: r.code, line: r.stderr.trim(), file };
}

describe('whole-byte interleave granules', () => {
  it('an SoC device block refuses a fractional granule or interleave at the key (exit 2)', async () => {
    const soc = readFileSync('configs/soc/orin-agx-qmc.yaml', 'utf8');
    expect(soc).toContain('device: { preset: qmc-mram }');
    const a = await validate(soc.replace('device: { preset: qmc-mram }', 'device: { preset: qmc-mram, granule: 0.3 B }'));
    expect(a.code).toBe(2);
    expect(a.line).toMatch(new RegExp(`^${a.file}:\\d+:42: memories\\[0\\]\\.device\\.granule: expected a whole number of bytes ≥ 1 B \\(e\\.g\\. 64 B\\), found '0\\.3 B' \\(not a whole number of bytes\\)$`));
    const b = await validate(soc.replace('device: { preset: qmc-reram-3bit, ', 'device: { preset: qmc-reram-3bit, interleave: 0.1 KiB, '));
    expect(b.code).toBe(2);
    expect(b.line).toMatch(/memories\[1\]\.device\.interleave: expected a whole number of bytes ≥ 1 B \(e\.g\. 64 B\), found '0\.1 KiB' \(102\.4 B, not a whole number of bytes\)$/);
  });
  it('a kind: devices file refuses them at the key (exit 2)', async () => {
    const devs = readFileSync('configs/devices/qmc-table1.yaml', 'utf8');
    const r = await validate(devs.replace('granule: 64 B', 'granule: 0.3 B').replace('interleave: 64 B', 'interleave: 2.5 B'));
    expect(r.code).toBe(2);
    const lines = r.line.split('\n');
    expect(lines.some((l) => /: devices\[0\]\.granule: .*granule must be a whole number of bytes ≥ 1 B, got 0\.3 B$/.test(l))).toBe(true);
    expect(lines.some((l) => /: devices\[1\]\.interleave: .*interleave must be a whole number of bytes ≥ 1 B, got 2\.5 B$/.test(l))).toBe(true);
  });
  it('the schemas accept whole bytes in any unit and refuse fractions', () => {
    expect(sttMramSchema.safeParse({ ...raw('qmc-mram'), granule: '1.5 KiB' }).success).toBe(true);
    expect(sttMramSchema.safeParse({ ...raw('qmc-mram'), granule: '0.3 B' }).success).toBe(false);
    expect(reramSchema.safeParse({ ...raw('qmc-reram-3bit'), interleave: '63.5 B' }).success).toBe(false);
  });
  it('the device models refuse a fractional granule given in code, naming the key', () => {
    const stt = sttMramSchema.parse(raw('qmc-mram'));
    const rr = reramSchema.parse(raw('qmc-reram-3bit'));
    const err = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } return undefined; };
    const e1 = err(() => new SttMram({ ...stt, granule: 0.3 as typeof stt.granule }, { engine: new Engine(), path: 'm' }));
    expect(paramOf(e1)).toBe('granule');
    const e2 = err(() => new Reram({ ...rr, interleave: 0.5 as typeof rr.interleave }, { engine: new Engine(), path: 'r' }));
    expect(paramOf(e2)).toBe('interleave');
    expect(() => new SttMram(stt, { engine: new Engine(), path: 'm' })).not.toThrow();
  });
});
