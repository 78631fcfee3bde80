// Regression: `qmcsim replay --max-outstanding 9007199254740991` (or 1e11) was an internal error
// (RangeError from the driver's per-slot typed arrays, exit 3); it is a bad option value, exit 2.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-helpers.js';
import { traceFolder } from './helpers.js';

const dir = traceFolder('qmcsim-replay-window-');

describe('replay --max-outstanding bounds', () => {
  it('above 2^20 is one line naming the range, exit 2; 2^20 itself runs', async () => {
    const trace = dir.file('ld.trc', 'LD 0x0\nST 0x40\n');
    for (const v of ['1048577', '100000000000', '9007199254740991']) {
      const r = await runCli('replay', '--device', 'qmc-mram', '--trace', trace, '--max-outstanding', v);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`qmcsim replay: --max-outstanding expects an integer from 1 to 1048576, found '${v}'\n`);
    }
    expect((await runCli('replay', '--device', 'qmc-mram', '--trace', trace, '--max-outstanding', '1048576')).code).toBe(0);
  });
});
