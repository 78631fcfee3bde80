// `describe memory` (a word of the interface name, as a user types it) got no did-you-mean: 'memory'
// is too far from 'MemoryDevice' for the edit distance. A name that one interface contains now gets
// it; a short name (under 4 letters) or one several interfaces contain still gets none.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

describe('describe with part of an interface name', () => {
  it.each([['memory', 'MemoryDevice'], ['noise', 'NoiseModel'], ['Placement', 'PlacementPolicy'], ['device', 'MemoryDevice']])('%s → did you mean %s (exit 2, one line)', async (name, iface) => {
    const r = await runCli('describe', name);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^describe: unknown interface '${name}'; expected one of [^;]*; did you mean '${iface}'\\?\\n$`));
  });
  it('a name under 4 letters gets no guess by containment (\'in\' is in Initiator, Interconnect and Link)', async () => {
    for (const name of ['arb', 'in']) {
      const r = await runCli('describe', name);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^describe: unknown interface '${name}'; expected one of [^;]*\\n$`));
    }
  });
});
