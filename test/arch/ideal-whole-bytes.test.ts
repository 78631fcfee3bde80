// An SoC `device: { type: ideal }` block takes a granule of whole bytes and a capacity of whole bytes
// holding at least one granule: '3 bit' (0.375 B) passed validate and only failed at placement
// ("has 0.375 B"), and a '0.3 B' granule made every address its own interleave unit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/cli-helpers.js';
import { idealSchema } from '../../src/arch/device-factory.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-ideal-bytes-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ideal = (extra: string): string => `device: { type: ideal, ${extra}channels: 1, channelBandwidth: 64 GB/s, latency: 2 ns }`;

async function validateSoc(extra: string): Promise<{ code: number; out: string; err: string; file: string }> {
  const soc = readFileSync('configs/soc/orin-agx-baseline.yaml', 'utf8');
  expect(soc).toContain('device: { preset: nvmexplorer-sram-2mb }');
  const file = join(dir, 'soc.yaml');
  writeFileSync(file, soc.replace('device: { preset: nvmexplorer-sram-2mb }', ideal(extra)));
  const r = await runCli('validate', file);
  return { code: r.code, out: r.stdout, err: r.stderr.trim(), file };
}

describe('ideal SoC memory sizes are whole bytes', () => {
  it("refuses capacity '3 bit' and a capacity below one granule at the key (exit 2)", async () => {
    const a = await validateSoc('capacity: 3 bit, ');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/memories\[1\]\.device\.capacity: expected a whole number of bytes of at least one granule \(64 B\), found 0\.375 B$/);
    expect(a.err.split('\n')).toHaveLength(1);
    const b = await validateSoc('capacity: 32 B, ');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/memories\[1\]\.device\.capacity: expected a whole number of bytes of at least one granule \(64 B\), found 32 B$/);
  });
  it("refuses a '0.3 B' granule at the key (exit 2)", async () => {
    const r = await validateSoc('capacity: 1 MiB, granule: 0.3 B, ');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/memories\[1\]\.device\.granule: expected a whole number of bytes ≥ 1 B \(e\.g\. 64 B\), found 0\.3 B \(not a whole number of bytes\)$/);
  });
  it('accepts whole bytes in any unit', async () => {
    const r = await validateSoc('capacity: 1 MiB, granule: 0.5 KiB, ');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/: valid soc configuration/);
    expect(r.code).toBe(0);
    expect(idealSchema.safeParse({ type: 'ideal', capacity: '2 kB', channels: 2, channelBandwidth: '1 GB/s', latency: '1 ns' }).success).toBe(true);
    expect(idealSchema.safeParse({ type: 'ideal', capacity: '12 bit', channels: 2, channelBandwidth: '1 GB/s', latency: '1 ns' }).success).toBe(false);
  });
});
