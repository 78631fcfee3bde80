// Every constraint problem is reported in one pass: an unknown metric in one constraint and a
// missing config key in another were reported one at a time (the metric check was skipped once a
// config constraint had failed). A misspelt config key gets a did-you-mean to its neighbour key, and
// a misspelt function ('summ(…)') one to the function, not "must start with 'metrics.'".
import { describe, expect, it } from 'vitest';
import { preRunRefusal, tempDir, writeToySweep } from './helpers.js';

const refused = (body: string): Promise<string> => preRunRefusal(writeToySweep(tempDir(), body));
const AXES = 'axes:\n  - quantizer.rho: [0.1, 0.2]\n';

describe('sweep constraint errors', () => {
  it('an unknown metric and a misspelt config key are both reported, in document order', async () => {
    const msg = await refused(`${AXES}constraints:\n  - metrics.nosuchMetric <= 3\n  - config.quantizer.rhoo <= 0.3\n`);
    expect(msg.split('\n')).toEqual([
      "FILE:8:5: constraints[0]: expected an expression over metrics the evaluator produces, found no metric 'nosuchMetric'",
      "FILE:9:5: constraints[1]: expected a constraint over existing config keys, found config key 'quantizer.rhoo' is missing; did you mean 'config.quantizer.rho'?",
    ]);
  });

  it("a misspelt function gets a did-you-mean to it", async () => {
    expect(await refused(`${AXES}derived:\n  area: summ('memoryArea')\n`)).toBe(
      "FILE:8:9: derived.area: expected a valid expression, found 'summ('memoryArea')' (unknown function 'summ' (functions: sum, min, max, abs) at character 1); did you mean 'sum'?");
  });

  it('a misspelt root gets a did-you-mean to the rooted name', async () => {
    expect(await refused(`${AXES}constraints:\n  - metric.latencyPerTokenPs < 1\n`)).toBe(
      "FILE:8:5: constraints[0]: expected a valid constraint expression, found 'metric.latencyPerTokenPs < 1' (name 'metric.latencyPerTokenPs' must start with 'metrics.' or 'config.' at character 1); did you mean 'metrics.latencyPerTokenPs'?");
  });
});
