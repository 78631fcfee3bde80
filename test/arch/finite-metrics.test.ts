// A finite but absurd input (a link at 1e300 pJ/bit) overflowed when the counts were priced after
// the run: `qmcsim run` printed "energy per token Infinity" and "Infinity" in its JSON, exit 0. Now a
// non-finite metric is one error line naming the metric and the key it is priced from, exit 2.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(['run', 'configs/runs/fp16-hymba.yaml', '--set', 'model=smollm2-135m', ...args], { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { code, out, err };
}

describe('run results are finite', () => {
  it('a link energy that overflows is refused, naming soc.memories[0].link.energyPerBit', async () => {
    const r = await run('--set', 'soc.memories[0].link.energyPerBit=1e300 pJ/bit', '--json');
    expect(r.code).toBe(2);
    expect(r.out).not.toMatch(/Infinity/);
    expect(r.err).toMatch(/energyInterconnectPjByLink\.lpddr5 is Infinity .*check soc\.memories\[0\]\.link\.energyPerBit/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  }, 120_000);
  it('a large but representable energy still runs', async () => {
    const r = await run('--set', 'soc.memories[0].link.energyPerBit=1e6 pJ/bit');
    expect(r.code).toBe(0);
  }, 120_000);
});
