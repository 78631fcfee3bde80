// Regression: an error in a sweep's `set:` block was reported at the `base:` line under key `base`
// ('…:3:7: base: expected a base run config that loads, found --set workload.contextLenght=64: …').
// It is now located at the set entry itself, under `set.KEY`, with the run config's expected, found
// and did-you-mean; an error in the base file itself is still reported at `base:`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preRunRefusal, ROOT, tempDir } from './helpers.js';

const BASE = join(ROOT, 'configs', 'runs', 'qmc-hymba.yaml');

function sweepWithSet(set: string[], base = BASE): string {
  const file = join(tempDir(), 's.yaml');
  writeFileSync(file, ['kind: sweep', 'name: bad', `base: ${base}`, 'seed: 1', 'evaluator: analytic', 'set:', ...set, 'axes:', '  - quant.rho: [0.2]', ''].join('\n'));
  return file;
}

describe('sweep set: errors', () => {
  it('a misspelt set key is located at its own key, with a did-you-mean', async () => {
    const msg = await preRunRefusal(sweepWithSet(['  model: smollm2-135m', '  workload.contextLenght: 64']));
    expect(msg).toBe("FILE:8:3: set.workload.contextLenght: expected a key allowed at 'workload' ('phase', 'contextLength', 'batch', 'metadata'), found unknown key 'contextLenght'; did you mean 'contextLength'?");
  }, 60_000);

  it('a bad set value is located at the value', async () => {
    const msg = await preRunRefusal(sweepWithSet(['  model: smollm2-135m', '  soc.memories[0].link.latency: 5']));
    expect(msg).toBe("FILE:8:33: set.soc.memories[0].link.latency: expected a time such as '3.5 ns', found 5");
  }, 60_000);

  it('a missing model file under set: is located at set.model', async () => {
    const msg = await preRunRefusal(sweepWithSet(['  model: /nonexistent/model.yaml']));
    expect(msg).toMatch(/^FILE:7:10: set\.model: expected a model of configs\/models or a model YAML path, found \/nonexistent\/model\.yaml: cannot read/);
  }, 60_000);

  it('an error in the base file itself is still reported at base:', async () => {
    const dir = tempDir();
    const base = join(dir, 'base.yaml');
    writeFileSync(base, `extends: ${BASE}\nworkload:\n  contextLenght: 64\n`);
    const msg = await preRunRefusal(sweepWithSet(['  model: smollm2-135m'], base));
    expect(msg).toMatch(/^FILE:3:7: base: expected a base run config that loads/);
  }, 60_000);
});
