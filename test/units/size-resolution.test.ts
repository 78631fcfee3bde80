// A non-zero size below one bit is refused, as a non-zero time below 1 ps is: such a granule
// ('1e-300 B') made `qmcsim replay --device FILE#ID` split every access into ~1e300 pieces, forever.
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/units/parse.js';
import { tempDir } from '../config/helpers.js';
import { runCli } from '../cli/cli-helpers.js';

describe('size resolution', () => {
  it.each(['1e-300 B', '1e-300 MiB', '0.1 b', '0.01 B'])('refuses %s as below 1 bit', (text) => {
    const r = parseQuantity(text, 'size');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.found).toBe(`'${text}' (below 1 bit, the smallest size)`);
  });

  it.each([['0 B', 0], ['1 b', 0.125], ['0.125 B', 0.125], ['0.3 GiB', 0.3 * 2 ** 30]])('accepts %s', (text, bytes) => {
    expect(parseQuantity(text, 'size')).toEqual({ ok: true, value: bytes });
  });

  // (validate, not replay: without the check the replay never returns, and a test must fail, not hang)
  it('a devices file with granule 1e-300 B is refused at the key (exit 2)', async () => {
    const t = tempDir();
    try {
      const f = t.write('d.yaml', "kind: devices\ndevices:\n  - type: stt-mram\n    id: m\n    preset: qmc-mram\n    granule: '1e-300 B'\n");
      const r = await runCli('validate', f);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${f}:6:14: devices[0].granule: expected a size such as '64 B' or '16 Gb', found '1e-300 B' (below 1 bit, the smallest size)\n`);
    } finally {
      t.remove();
    }
  });
});
