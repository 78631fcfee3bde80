// `reproduce --set` naming a list item by an id no configuration has: one line, exit 2, and a
// did-you-mean when an id is near ('reramm' → 'reram'), as `run --set` gives; none for a far id.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('reproduce --set with an unknown item id', () => {
  it('a misspelt id gets a did-you-mean (exit 2, one line, nothing on stdout)', async () => {
    const r = await cli(['reproduce', 'qmc', '--set', 'soc.memories[reramm].device.channels=3', '--no-rho', '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("reproduce: --set soc.memories[reramm].device.channels=3: no configuration of the study has that item (it applies to those that do); did you mean 'reram'?\n");
  });
  it('an id near none gets no hint', async () => {
    const r = await cli(['reproduce', 'qmc', '--set', 'soc.memories[xyzzy].device.channels=3', '--no-rho', '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('reproduce: --set soc.memories[xyzzy].device.channels=3: no configuration of the study has that item (it applies to those that do)\n');
  });
});
