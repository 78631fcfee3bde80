// An SRAM beat width is a whole number of bytes ≥ 1 B, as the NVM granules are (whole-byte-granule
// test): '0.3 B' was accepted, and a 64-B read was split into 213.3 beats over fractional bank
// indices. Refused at the key by the schema (SoC blocks, --set) and by the device model.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-helpers.js';

describe('SRAM width', () => {
  it('a fractional width is refused at the --set key', async () => {
    const r = await runCli('validate', 'configs/runs/fp16-hymba.yaml', '--set', 'soc.memories[1].device.width=0.5 B');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/soc\.memories\[1\]\.device\.width: expected a whole number of bytes ≥ 1 B .*found '0\.5 B'/);
  });
  it('a fractional width in a devices file is refused at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-sram-width-'));
    const f = join(dir, 'd.yaml');
    writeFileSync(f, 'kind: devices\nversion: 1\ndevices:\n  - id: s\n    type: sram\n    preset: nvmexplorer-sram-2mb\n    width: 0.3 B\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/d\.yaml:7:\d+: devices\[0\]\.width: .*whole number of bytes ≥ 1 B, got 0\.3 B/);
  });
  it('a whole width still validates', async () => {
    const r = await runCli('validate', 'configs/runs/fp16-hymba.yaml', '--set', 'soc.memories[1].device.width=16 B');
    expect(r.code).toBe(0);
  });
});
