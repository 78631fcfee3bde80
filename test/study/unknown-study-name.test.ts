// Regression: `qmcsim study nois FILE` and `qmcsim reproduce qmx` named the expected study but gave
// no did-you-mean, as every other misspelt name does.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-helpers.js';

describe('misspelt study names', () => {
  it('study nois → did you mean noise, exit 2, one line', async () => {
    const r = await runCli('study', 'nois', 'experiments/noise/default.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("study: unknown study kind 'nois'; expected 'noise'; did you mean 'noise'?\n");
  });
  it('reproduce qmx → did you mean qmc; an unrelated name gets no guess', async () => {
    const r = await runCli('reproduce', 'qmx');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("reproduce: unknown study 'qmx'; expected one of qmc or a .yaml file; did you mean 'qmc'?\n");
    const far = await runCli('reproduce', 'something-else');
    expect(far.code).toBe(2);
    expect(far.stderr).toBe("reproduce: unknown study 'something-else'; expected one of qmc or a .yaml file\n");
  });
});
