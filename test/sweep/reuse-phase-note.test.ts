// With layerReuse, a sweep's queueing delay, link wait and stall per memory are estimates (phase-sensitive,
// src/arch/reuse-estimates.ts): the table says so, as `qmcsim run` marks them with '~'; not without reuse.
import { describe, expect, it } from 'vitest';
import { paretoTable } from '../../src/sweep/report.js';
import type { SweepSpec } from '../../src/sweep/spec-types.js';

const spec = (layerReuse: boolean): SweepSpec => ({
  name: 's', layerReuse, axes: [], metrics: ['latencyPerTokenPs', 'stallPsByMemory.lpddr5', 'queueingDelayPsByMemory.lpddr5'], pareto: ['latencyPerTokenPs'],
} as unknown as SweepSpec);
const points = [{ index: 0, status: 'ok', axes: {}, metrics: { latencyPerTokenPs: 2, 'stallPsByMemory.lpddr5': 3, 'queueingDelayPsByMemory.lpddr5': 4 }, pareto: true }];

describe('sweep table with layer reuse: phase-sensitive metrics', () => {
  it('notes that stall and queueing delay are estimates', () => {
    const notes = paretoTable(spec(true), points as never, true).notes ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^stallPsByMemory\.lpddr5, queueingDelayPsByMemory\.lpddr5: estimates with layerReuse \(phase-sensitive/);
  });
  it('has no such note without layer reuse', () => {
    expect(paretoTable(spec(false), points as never, true).notes).toBeUndefined();
  });
});
