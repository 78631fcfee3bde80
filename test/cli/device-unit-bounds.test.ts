// Device organisations far beyond what can be simulated unit by unit (10¹⁰ banks, 2²⁷ LPDDR5
// channels, a 10⁹-entry queue) are refused at the key with the bound, exit 2: before, they failed
// inside a typed-array allocation ("Invalid typed array length") or allocated for minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';
import { resolveLpddr5 } from '../../src/devices/dram/index.js';
import { DeviceParamError } from '../../src/devices/param-error.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

describe('device unit-count bounds', () => {
  it('SRAM / STT-MRAM / ReRAM entries with too many units: one located line each, naming the product and the bound', async () => {
    const f = t.write('big.yaml', [
      'kind: devices', 'devices:',
      '  - { type: stt-mram, id: m, preset: qmc-mram, channels: 100000000000 }',
      '  - { type: sram, id: s, preset: nvmexplorer-sram-2mb, banks: 100000, portsPerBank: 100000 }',
      '  - { type: reram, id: r, preset: qmc-reram-3bit, channels: 100000, banksPerChannel: 100000 }',
      '  - { type: reram, id: a, preset: qmc-reram-3bit, arraysPerBank: 10000000000 }', '',
    ].join('\n'));
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/big\.yaml:3:\d+: devices\[0\]\.channels: .*channels = 100000000000 channels, more than the 16777216/);
    expect(lines[1]).toMatch(/big\.yaml:4:\d+: devices\[1\]\.portsPerBank: .*banks × portsPerBank = 10000000000 ports/);
    expect(lines[2]).toMatch(/big\.yaml:5:\d+: devices\[2\]\.banksPerChannel: .*channels × banksPerChannel = 10000000000 banks/);
    expect(lines[3]).toMatch(/big\.yaml:6:\d+: devices\[3\]\.arraysPerBank: .*channels × banksPerChannel × arraysPerBank = 100000000000 arrays/);
    expect(r.stderr).not.toMatch(/typed array/i);
  });

  it('LPDDR5: channels × ranks and queue sizes are bounded (refused at once, not allocated)', () => {
    const refuse = (p: Record<string, unknown>, key: string, msg: RegExp): void => {
      let err: unknown;
      try { resolveLpddr5({ preset: 'orin-agx', ...p }); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(DeviceParamError);
      expect((err as DeviceParamError).param).toBe(key);
      expect((err as Error).message).toMatch(msg);
    };
    refuse({ channels: 2 ** 27 }, 'channels', /channels × ranks: expected at most 4096 .*found 134217728 × 1/);
    refuse({ ranks: 4096 }, 'ranks', /found 16 × 4096/);
    refuse({ readQueue: 1e9 }, 'readQueue', /expected at most 1048576 entries per channel, found 1000000000/);
    refuse({ channels: 4096, readQueue: 1 << 20 }, 'readQueue', /channels × \(readQueue \+ writeQueue\): expected at most 4194304 queue entries in all, found 4096 × \(1048576 \+ 64\)/);
    expect(resolveLpddr5({ preset: 'orin-agx', channels: 256, ranks: 2 }).org.channels).toBe(256);
  });
});
