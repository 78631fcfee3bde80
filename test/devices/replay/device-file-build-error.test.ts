// Regression: `qmcsim replay --device FILE.yaml#ID` with an entry no single key's check rejects
// (LPDDR5 bankMode 16B at 6400 MT/s, JESD209-5: 16B mode only up to 3200 Mb/s) printed
// "qmcsim replay: FILE: lpddr5 'id': …" without line and key; it is located as `validate` does.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-helpers.js';
import { traceFolder } from './helpers.js';

const dir = traceFolder('qmcsim-replay-devfile-');

describe('replay --device FILE.yaml#ID that cannot be built', () => {
  it('names file:line:col and the key, exit 2; validate says the same', async () => {
    const yaml = dir.file('bm16.yaml', 'kind: devices\ndevices:\n  - type: lpddr5\n    id: ok\n  - type: lpddr5\n    id: lp16\n    bankMode: 16B\n');
    const trace = dir.file('one.trc', '0 R 0x0 64\n');
    const r = await runCli('replay', '--device', `${yaml}#lp16`, '--trace', trace);
    expect(r.code).toBe(2);
    const line = `${yaml}:7:15: devices[1].bankMode: expected parameters the device can be built with, found lpddr5 'lp16': lpddr5: bank mode 16B is only specified up to 3200 Mb/s`;
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(line)).toBe(true);
    const v = await runCli('validate', yaml);
    expect(v.code).toBe(2);
    expect(v.stderr.startsWith(line)).toBe(true);
    // the buildable entry of the same file still replays
    expect((await runCli('replay', '--device', `${yaml}#ok`, '--trace', trace)).code).toBe(0);
  });
});
