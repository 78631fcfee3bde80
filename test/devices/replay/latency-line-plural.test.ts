// The latency lines count accesses in words: '1 access', '2 accesses' (a one-request trace printed '1 accesses').
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../../config/helpers.js';
import { runCli } from '../../cli/cli-helpers.js';

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

describe('replay latency lines', () => {
  it('say 1 access, 2 accesses', async () => {
    const one = await runCli('replay', '--device', 'qmc-mram', '--trace', t.write('a.trc', '0 R 0x0 64 1\n'));
    expect(one.stdout).toMatch(/^read latency: 1 access, mean/m);
    const two = await runCli('replay', '--device', 'qmc-mram', '--trace', t.write('b.trc', '0 R 0x0 64 1\n1000 R 0x40 64 1\n'));
    expect(two.stdout).toMatch(/^read latency: 2 accesses, mean/m);
  });
});
