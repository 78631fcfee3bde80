// Regression (review): `--set extends=…` said "found unknown key 'extends'; did you mean 'extends'?".
// extends: is read with the files, before any --set applies: the message now says so.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-helpers.js';

const said = "expected a key other than extends: (extends: names the base files, read before any --set applies, so it cannot be set with --set; edit the file's extends: line instead), found a --set of extends:";

describe('--set extends', () => {
  it.each([
    ['extends=../runs/qmc-hymba.yaml', 'extends'],
    ['extends[0]=x.yaml', 'extends'],
    ['soc.extends=x.yaml', 'soc.extends'],
  ])('%s', async (set, path) => {
    const r = await runCli('validate', 'configs/runs/qmc-hymba.yaml', '--set', set);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`--set ${set}: ${path}: ${said}`);
    expect(r.stderr).not.toMatch(/did you mean/);
  });
});
