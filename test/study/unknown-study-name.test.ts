// Regression: `qmcsim study nois FILE` and `qmcsim reproduce qmx` named the expected study but gave
// no did-you-mean, as every other misspelt name does.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(argv, { stdout: () => {}, stderr: (t) => { err += t; } });
  return { code, err };
}

describe('misspelt study names', () => {
  it('study nois → did you mean noise, exit 2, one line', async () => {
    const r = await run(['study', 'nois', 'experiments/noise/default.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("study: unknown study kind 'nois'; expected 'noise'; did you mean 'noise'?\n");
  });
  it('reproduce qmx → did you mean qmc; an unrelated name gets no guess', async () => {
    const r = await run(['reproduce', 'qmx']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("reproduce: unknown study 'qmx'; expected one of qmc or a .yaml file; did you mean 'qmc'?\n");
    const far = await run(['reproduce', 'something-else']);
    expect(far.code).toBe(2);
    expect(far.err).toBe("reproduce: unknown study 'something-else'; expected one of qmc or a .yaml file\n");
  });
});
