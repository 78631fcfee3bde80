// A device capacity (STT-MRAM, ReRAM, SRAM) is a whole number of bytes holding at least one granule /
// interleave unit / beat: '1.5 B' and '3 bit' were accepted, and a replay folded every access onto
// one bank of a device that cannot exist. Refused at the key in a kind: devices file, an SoC device
// block, and by the device models themselves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/cli-helpers.js';
import { reramSchema } from '../../../src/devices/nvm/reram-plugin.js';
import { sttMramSchema } from '../../../src/devices/nvm/stt-mram-plugin.js';
import { sramSchema } from '../../../src/devices/sram/sram-plugin.js';
import { SttMram } from '../../../src/devices/nvm/stt-mram.js';
import { Reram } from '../../../src/devices/nvm/reram.js';
import { Sram } from '../../../src/devices/sram/sram.js';
import { Engine } from '../../../src/engine/engine.js';
import { nvmAndSramPresets, rawParams } from '../../../src/devices/presets/index.js';
import { paramOf } from '../../../src/devices/param-error.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-capacity-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const raw = (name: string): Record<string, unknown> => {
  const p = nvmAndSramPresets.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no preset ${name}`);
  return rawParams(p);
};

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = await runCli(...args);
  return { code: r.code, out: r.stdout, err: r.stderr.trim() };
}

const devicesFile = (capacity: string): string =>
  `kind: devices\ndevices:\n  - type: stt-mram\n    id: m1\n    preset: qmc-mram\n    capacity: ${capacity}\n`;

describe('device capacities are whole bytes of at least one unit', () => {
  it('a kind: devices file refuses a fractional capacity and one below the granule at the key (exit 2)', async () => {
    for (const [cap, shown] of [['1.5 B', '1.5 B'], ['3 bit', '0.375 B'], ['32 B', '32 B']] as const) {
      const file = join(dir, 'd.yaml');
      writeFileSync(file, devicesFile(cap));
      const r = await cli('validate', file);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`${file}:6:15: devices[0].capacity: expected parameters the device can be built with, found stt-mram 'm1': capacity must be a whole number of bytes of at least one granule (64 B), got ${shown}`);
    }
  });
  it('replay refuses such a device instead of replaying a trace on it', async () => {
    const file = join(dir, 'd.yaml');
    writeFileSync(file, devicesFile('1.5 B'));
    const trace = join(dir, 't.trc');
    writeFileSync(trace, '0 R 0x0 64 1\n1000 R 0x40 64 1\n');
    const r = await cli('replay', '--device', file, '--trace', trace);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/devices\[0\]\.capacity: .*capacity must be a whole number of bytes/);
  });
  it('an SoC device block refuses a fractional capacity at the key (exit 2)', async () => {
    const soc = readFileSync('configs/soc/orin-agx-qmc.yaml', 'utf8');
    expect(soc).toContain('device: { preset: qmc-mram }');
    const file = join(dir, 'soc.yaml');
    writeFileSync(file, soc.replace('device: { preset: qmc-mram }', 'device: { preset: qmc-mram, capacity: 3 bit }'));
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^${file}:\\d+:43: memories\\[0\\]\\.device\\.capacity: expected a whole number of bytes ≥ 1 B \\(e\\.g\\. 64 B\\), found '3 bit' \\(0\\.375 B, not a whole number of bytes\\)$`));
  });
  it('the schemas refuse fractional capacities and accept whole bytes in any unit', () => {
    expect(sttMramSchema.safeParse({ ...raw('qmc-mram'), capacity: '1.5 B' }).success).toBe(false);
    expect(reramSchema.safeParse({ ...raw('qmc-reram-3bit'), capacity: '3 bit' }).success).toBe(false);
    expect(sramSchema.safeParse({ ...raw('nvmexplorer-sram-2mb'), capacity: '0.5 KiB' }).success).toBe(true);
    expect(sramSchema.safeParse({ ...raw('nvmexplorer-sram-2mb'), capacity: '12 bit' }).success).toBe(false);
  });
  it('the device models refuse a capacity below one unit given in code, naming capacity', () => {
    const ctx = (path: string) => ({ engine: new Engine(), path });
    const err = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } return undefined; };
    const stt = sttMramSchema.parse(raw('qmc-mram'));
    const rr = reramSchema.parse(raw('qmc-reram-3bit'));
    const sr = sramSchema.parse(raw('nvmexplorer-sram-2mb'));
    expect(paramOf(err(() => new SttMram({ ...stt, capacity: 1.5 as typeof stt.capacity }, ctx('m'))))).toBe('capacity');
    expect(paramOf(err(() => new Reram({ ...rr, capacity: 32 as typeof rr.capacity }, ctx('r'))))).toBe('capacity');
    expect(paramOf(err(() => new Sram({ ...sr, capacity: 4 as typeof sr.capacity }, ctx('s'))))).toBe('capacity');
    expect(() => new SttMram(stt, ctx('m'))).not.toThrow();
    expect(() => new Reram(rr, ctx('r'))).not.toThrow();
    expect(() => new Sram(sr, ctx('s'))).not.toThrow();
  });
});
