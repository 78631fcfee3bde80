// Regression (review): a quant file with `pMinus: 2` also reported pPlus — at 1:1, with its default
// value — for pMinus + pPlus > 1. The sum is checked only when both are probabilities, and a cross-key
// problem at a key left at its default is located at the written key it names (reportIssue's orAt).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-helpers.js';
import { tempDir, type TempDir } from './helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir('qmcsim-default-key-'); });
afterAll(() => t.remove());

describe('a problem involving a key left at its default', () => {
  it('pMinus: 2 is reported once, at pMinus', async () => {
    const f = t.write('p2.yaml', 'kind: quant\nscheme: qmc\nrho: 0.3\npMinus: 2\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${f}:4:9: pMinus: expected a plain number or percentage such as '0.3' or '30 %' of at most 1, found 2`);
  });

  it('pMinus: 0.9999 with the default pPlus: at pMinus, saying pPlus is the default', async () => {
    const f = t.write('p1.yaml', 'kind: quant\nscheme: qmc\nrho: 0.3\npMinus: 0.9999\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${f}:4:9: pMinus: expected pMinus + pPlus ≤ 1 (exclusive outcomes of one read; pMinus is 0.9999), found 0.001916 (the default of pPlus, which is not set)`);
  });
});
