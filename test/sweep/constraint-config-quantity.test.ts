// A config constraint over a key the run schema parses (link.latency: a number in ps once resolved)
// compared with a quantity string ('5 ns') was refused once per point ("cannot order 1000 and "5 ns"");
// the string is now taken in the key's canonical unit, and a constraint that cannot be evaluated is
// reported once, not once per point.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/points.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { preRunRefusal, tempDir } from './helpers.js';

const BASE = resolve(import.meta.dirname, '..', '..', 'configs', 'runs', 'qmc-hymba.yaml');

function sweep(expr: string): string {
  const file = join(tempDir(), 's.yaml');
  writeFileSync(file, `kind: sweep\nname: q\nbase: ${BASE}\nset: { model: smollm2-135m }\naxes:\n  - soc.memories[0].link.latency: ['1 ns', '10 ns', '4999 ps', '5000 ps']\nconstraints:\n  - name: fast\n    expr: ${JSON.stringify(expr)}\n`);
  return file;
}

describe('config constraints with quantity strings', () => {
  it("compares a parsed time key with '5 ns' by value, either side of the operator", async () => {
    for (const expr of ["config.soc.memories[0].link.latency < '5 ns'", "'5 ns' > config.soc.memories[0].link.latency"]) {
      const x = await expandSweep(loadSweepSpec(sweep(expr)));
      expect(x.points.map((p) => p.axes[0]![1])).toEqual(['1 ns', '4999 ps']);
      expect(x.skipped.map((s) => s.constraint)).toEqual(['fast', 'fast']);
    }
    const eq = await expandSweep(loadSweepSpec(sweep("config.soc.memories[0].link.latency == '5 ns'")));
    expect(eq.points.map((p) => p.axes[0]![1])).toEqual(['5000 ps']);
  });

  it('a constraint that cannot be evaluated is one line, not one per point', async () => {
    // the message differs per point (it names the point's value): once is enough
    const msg = await preRunRefusal(sweep("config.soc.memories[0].link.latency < 'soon'"));
    expect(msg.split('\n')).toHaveLength(1);
    expect(msg).toMatch(/constraints\[0\]\.expr: expected a constraint over existing config keys, found cannot order 1000 and "soon"$/);
  });
});
