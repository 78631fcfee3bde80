// A non-zero rate (bandwidth, frequency, transfer rate) so low that one byte / cycle / transfer takes
// longer than the simulated time range (2^53 ps) is refused: a ReRAM channelBandwidth of '1e-300 B/s'
// made the per-byte time Infinity and `qmcsim replay --device FILE#ID` ended in an internal error (exit 3).
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/units/parse.js';
import { tempDir } from '../config/helpers.js';
import { runCli } from '../cli/cli-helpers.js';

describe('rate resolution', () => {
  it.each([['1e-300 B/s', 'bandwidth'], ['1e-5 B/s', 'bandwidth'], ['1e-300 Hz', 'frequency'], ['1e-300 MT/s', 'transferRate']] as const)('refuses %s', (text, dim) => {
    const r = parseQuantity(text, dim);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.found).toMatch(/per 2\^53 ps ≈ 2\.5 h, the longest simulated time\)$/);
  });
  it.each([['0 B/s', 'bandwidth', 0], ['1 B/s', 'bandwidth', 1], ['0.001 Hz', 'frequency', 0.001]] as const)('accepts %s', (text, dim, v) => {
    expect(parseQuantity(text, dim)).toEqual({ ok: true, value: v });
  });

  it('a ReRAM channelBandwidth of 1e-300 B/s is exit 2 at the key in replay, not an internal error', async () => {
    const t = tempDir();
    try {
      const f = t.write('d.yaml', "kind: devices\ndevices:\n  - type: reram\n    id: r\n    preset: qmc-reram-1bit\n    channelBandwidth: '1e-300 B/s'\n");
      const trace = t.write('t.trc', '0 R 0x0 64 1\n');
      const r = await runCli('replay', '--device', `${f}#r`, '--trace', trace);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6:23: devices\\[0\\]\\.channelBandwidth: expected a bandwidth .*found '1e-300 B/s' \\(below one byte per 2\\^53 ps`));
    } finally {
      t.remove();
    }
  });
});
