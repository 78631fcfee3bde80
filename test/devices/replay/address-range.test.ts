// LPDDR5 does not fold addresses beyond its capacity (docs/trace-format.md): a trace line reaching
// past it is a TraceParseError at that line (exit 2 in the CLI), not an internal error from the
// device. NVM/SRAM devices keep folding such addresses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BinaryTraceWriter } from '../../../src/devices/trace-replay/binary-trace.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { runCli } from '../../cli/cli-helpers.js';
import { traceParseError } from './helpers.js';

const LPDDR5_BYTES = 34359738368; // qmc-lpddr5: 16 × x16 channels of 16 Gb dies (32 GiB)
const trace = (name: string, text: string): { name: string; data: Buffer } => ({ name, data: Buffer.from(text) });

describe('addresses past an LPDDR5 device', () => {
  it('qmcsim text: located at the address of the offending line', () => {
    const e = traceParseError(() => runReplay({ device: 'qmc-lpddr5', trace: trace('a.trc', '0 R 0x0 64 1\n10 R 0xffffffffffff 64 1\n') }));
    expect(e.message).toBe(`a.trc:2:6: expected an access inside the device's ${LPDDR5_BYTES} B = 32 GiB (address + size ≤ capacity), found '0xffffffffffff'`);
  });
  it('the last byte counts: an access ending exactly at capacity is fine, one byte more is not', () => {
    const end = (LPDDR5_BYTES - 64).toString(16);
    expect(runReplay({ device: 'qmc-lpddr5', trace: trace('ok.trc', `0 R 0x${end} 64\n`) }).result.reads).toBe(1);
    expect(traceParseError(() => runReplay({ device: 'qmc-lpddr5', trace: trace('b.trc', `0 R 0x${end} 65\n`) })).message).toMatch(/^b\.trc:1:5: /);
  });
  it('Ramulator 2 and binary traces too', () => {
    expect(traceParseError(() => runReplay({ device: 'qmc-lpddr5', trace: trace('r.trc', 'LD 0x0\nST 0x1000000000\n') })).message).toMatch(/^r\.trc:2:4: expected an access inside/);
    const w = new BinaryTraceWriter();
    w.add(0, false, 0, 64);
    w.add(10, false, 2 ** 40, 64);
    expect(traceParseError(() => runReplay({ device: 'qmc-lpddr5', trace: { name: 'b.bin', data: w.finish() } })).message).toMatch(/^b\.bin:2:9: expected an access inside/);
  });
  it('NVM devices still fold addresses beyond capacity', () => {
    expect(runReplay({ device: 'qmc-mram', trace: trace('m.trc', '0 R 0xffffffffffff 64\n') }).result.reads).toBe(1);
  });
  it('the CLI prints one line and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-range-'));
    try {
      const f = join(dir, 'big.trc');
      writeFileSync(f, '0 R 0x0 64\n1 R 0xffffffffffff 64\n');
      const { code, stderr } = await runCli('replay', '--device', 'qmc-lpddr5', '--trace', f);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split('\n')).toEqual([`${f}:2:5: expected an access inside the device's ${LPDDR5_BYTES} B = 32 GiB (address + size ≤ capacity), found '0xffffffffffff'`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--trace that is not a file', () => {
  it('a directory or a missing file is one line naming --trace and the path, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-trace-dir-'));
    try {
      for (const [path, found] of [[dir, 'a directory'], [join(dir, 'nope.trc'), 'no such file']] as const) {
        const { code, stderr } = await runCli('replay', '--device', 'qmc-mram', '--trace', path);
        expect(code).toBe(2);
        expect(stderr).toBe(`qmcsim replay: --trace ${path}: expected a trace file, found ${found}\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
