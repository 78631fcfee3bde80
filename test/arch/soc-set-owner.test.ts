// `run --set soc.…` with an unknown key named the owner without its `soc.` prefix ("allowed at
// 'memories[0].device'") although the key path it printed had it; the owner now reads as typed.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-helpers.js';

describe('run --set soc.<unknown key>', () => {
  it('names the owner with the soc. prefix the user typed', async () => {
    const deep = await runCli('run', 'configs/runs/qmc-hymba.yaml', '--set', 'soc.memories[0].device.readLatncy=3 ns');
    expect(deep.code).toBe(2);
    expect(deep.stderr).toMatch(/^--set soc\.memories\[0\]\.device\.readLatncy=3 ns: soc\.memories\[0\]\.device\.readLatncy: expected a key allowed at 'soc\.memories\[0\]\.device' \(.*'readLatency'.*\), found unknown key 'readLatncy'; did you mean 'readLatency'\?\n$/);
    const top = await runCli('run', 'configs/runs/qmc-hymba.yaml', '--set', 'soc.nmae=x');
    expect(top.code).toBe(2);
    expect(top.stderr).toMatch(/^--set soc\.nmae=x: soc\.nmae: expected a key allowed at 'soc' \('name', .*\), found unknown key 'nmae'; did you mean 'name'\?\n$/);
  });
});
