/**
 * Acceptance 3: with compute off and a weight-only decode of Hymba-1.5B, FP16-on-LPDDR5 time per
 * token is within 3% of weight bytes / achieved LPDDR5 bandwidth, where the achieved bandwidth is
 * measured here by replaying a long sequential stream through the same SoC's LPDDR5.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { runConfig } from '../../src/arch/run.js';
import { loadRunConfig } from '../../src/arch/run-config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('FP16 Hymba-1.5B on LPDDR5 is bandwidth-bound', () => {
  it('time per token within 3% of weight bytes / achieved streaming bandwidth', () => {
    const cfg = loadRunConfig(resolve(root, 'configs/runs/fp16-hymba.yaml'));
    // Achieved streaming bandwidth: one 16 MiB sequential read (≈ 80 µs, ≈ 20 refresh intervals) through the same LPDDR5 and link.
    const streamBytes = 16 * 2 ** 20;
    const stream = runConfig(cfg, {
      seed: 1,
      trace: [
        { kind: 'weightRead', layer: 0, tensor: 'stream', role: 'other', part: 'dense', bytes: streamBytes },
        { kind: 'layerEnd', layer: 0 },
      ],
    });
    const achieved = streamBytes / ((stream.metrics.latencyPerTokenPs as number) * 1e-12);
    expect(achieved).toBeGreaterThan(0.8 * 204.8e9);
    expect(achieved).toBeLessThan(204.8e9);

    const r = runConfig(cfg, { seed: 1, layerReuse: true, recordFilter: (x) => x.kind === 'weightRead' });
    expect(r.metrics.computePs).toBe(0);
    expect(r.metrics.kvBytes).toBe(0);
    const weightBytes = r.metrics.weightBytes as number;
    expect(weightBytes).toBeGreaterThan(3.0e9); // 1.52e9 weights × 2 B
    const expected = weightBytes / achieved;
    const simulated = (r.metrics.latencyPerTokenPs as number) * 1e-12;
    expect(Math.abs(simulated / expected - 1)).toBeLessThan(0.03);
  });
});
