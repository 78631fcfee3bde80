// An axis over an optional device key (absent from the base config until set) with a wrong value
// ('3 pJ' for a time, 4.5 channels) is a problem of that value, located at its list item; it was
// reported as 'expected a config key of the base run config' at the key, which is fine. A
// misspelt optional key is still blamed on the key, with a did-you-mean.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, preRunRefusal, tempDir } from './helpers.js';

async function refused(axes: string): Promise<string[]> {
  const file = join(tempDir(), 's.yaml');
  writeFileSync(file, `kind: sweep\nname: t\nbase: ${join(ROOT, 'configs', 'runs', 'qmc-hymba.yaml')}\nset:\n  model: smollm2-135m\naxes:\n${axes}`);
  return (await preRunRefusal(file)).split('\n');
}

describe('axis over an optional device key', () => {
  it('a value of the wrong dimension is blamed on the value, not the key', async () => {
    const lines = await refused("  - soc.memories[0].device.readLatency: ['3 pJ']\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^FILE:7:42: axes\[0\]\.soc\.memories\[0\]\.device\.readLatency\[0\]: expected axis values that resolve to a valid config \(soc\.memories\[0\]\.device\.readLatency="3 pJ"\), found .*expected a time such as '3\.5 ns', found '3 pJ'/);
  }, 30_000);

  it('only the bad value of a list is reported, at its item', async () => {
    const lines = await refused('  - soc.memories[0].device.channels: [4, 6.5]\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^FILE:7:42: axes\[0\]\.soc\.memories\[0\]\.device\.channels\[1\]: expected axis values that resolve to a valid config \(soc\.memories\[0\]\.device\.channels=6\.5\), found .*expected an integer ≥ 1, found 6\.5$/);
  }, 30_000);

  it('a misspelt optional key is still the key', async () => {
    const lines = await refused('  - soc.memories[0].device.chanels: [4]\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^FILE:7:5: axes\[0\]\.soc\.memories\[0\]\.device\.chanels: expected a config key of the base run config .*did you mean 'channels'\?\)$/);
  }, 30_000);
});
