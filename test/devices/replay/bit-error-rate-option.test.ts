// --bit-error-rate takes a decimal probability or a percentage ('0.1 %', as YAML ratios): '0x1' (which Number() reads as 1) and a non-zero value
// that underflows to 0 ('1e-400', noise silently off) are refused with exit 2.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../../config/helpers.js';
import { runCli } from '../../cli/cli-helpers.js';

let t: TempDir;
let trace: string;
beforeEach(() => { t = tempDir(); trace = t.write('t.trc', '0 R 0x0 64 1\n'); });
afterEach(() => t.remove());

describe('replay --bit-error-rate', () => {
  it.each(['0x1', '0b1', '1e-400'])('refuses %s', async (v) => {
    const r = await runCli('replay', '--device', 'qmc-mram', '--trace', trace, '--bit-error-rate', v);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^qmcsim replay: --bit-error-rate expects a probability in \\[0, 1\\] written as a decimal number .*found '${v}'`));
  });
  it.each(['0', '1e-6', '.5', '1', '0.1 %', '100%'])('accepts %s', async (v) => {
    const r = await runCli('replay', '--device', 'qmc-mram', '--trace', trace, '--bit-error-rate', v);
    expect(r.code).toBe(0);
  });
  it('reads a percentage as YAML ratios do: 50 % flips as many bits as 0.5', async () => {
    const big = t.write('big.trc', Array.from({ length: 64 }, (_, i) => `${i * 1000} R 0x${(i * 64).toString(16)} 64 1`).join('\n') + '\n');
    const a = await runCli('replay', '--device', 'qmc-mram', '--trace', big, '--bit-error-rate', '50 %', '--json');
    const b = await runCli('replay', '--device', 'qmc-mram', '--trace', big, '--bit-error-rate', '0.5', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
  it('refuses a percentage above 100 %', async () => {
    const r = await runCli('replay', '--device', 'qmc-mram', '--trace', trace, '--bit-error-rate', '150 %');
    expect(r.code).toBe(2);
  });
});
