// `metrics: [latency, 42]` said "metrics: expected a non-empty list of names, found a list" at the
// list; the item that is not a name is now reported at its own position with its value (and the
// same for report.pareto).
import { describe, expect, it } from 'vitest';
import { preRunRefusal, tempDir, writeToySweep } from './helpers.js';

describe('sweep metric lists', () => {
  it('a non-name item of metrics: is located at metrics[i] with its value', async () => {
    const f = writeToySweep(tempDir(), 'axes:\n  - x: [1, 2]\nmetrics: [y, 42]\n');
    expect(await preRunRefusal(f)).toMatch(/FILE:\d+:\d+: metrics\[1\]: expected a metric name, found 42/);
  });
  it('and of report.pareto', async () => {
    const f = writeToySweep(tempDir(), 'axes:\n  - x: [1, 2]\nmetrics: [y]\nreport:\n  pareto: [y, {a: 1}]\n');
    expect(await preRunRefusal(f)).toMatch(/report\.pareto\[1\]: expected a metric name, found a map/);
  });
  it('an empty list is still reported at the list', async () => {
    const f = writeToySweep(tempDir(), 'axes:\n  - x: [1, 2]\nmetrics: []\n');
    expect(await preRunRefusal(f)).toMatch(/metrics: expected a non-empty list of names, found an empty list/);
  });
});
