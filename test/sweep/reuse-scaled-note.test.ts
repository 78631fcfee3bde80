// With layerReuse, a sweep's bit-error counts are scaled estimates (fractional): the table says so, as
// `qmcsim run` marks them with '≈'; without layer reuse there is no such note.
import { describe, expect, it } from 'vitest';
import { paretoTable } from '../../src/sweep/report.js';
import type { SweepSpec } from '../../src/sweep/spec-types.js';

const spec = (layerReuse: boolean): SweepSpec => ({
  name: 's', layerReuse, axes: [], metrics: ['latencyPerTokenPs', 'bitErrors'], pareto: ['latencyPerTokenPs'],
} as unknown as SweepSpec);
const points = [{ index: 0, status: 'ok', axes: {}, metrics: { latencyPerTokenPs: 2.5, bitErrors: 1127019.67 }, pareto: true }];

describe('sweep table with layer reuse', () => {
  it('notes that bit-error counts are scaled estimates', () => {
    expect(paretoTable(spec(true), points as never, true).notes).toEqual([
      'bitErrors: scaled estimates with layerReuse (reused layers count the mean of the simulated ones, so values can be fractional); set layerReuse: false for sampled counts']);
  });
  it('has no such note without layer reuse', () => {
    expect(paretoTable(spec(false), points as never, true).notes).toBeUndefined();
  });
});
