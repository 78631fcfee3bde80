// Regression: an all-zero row (zero-initialised or pruned weights in a real checkpoint) got the
// fallback scale 1, so one flipped code in noisy memory decoded to ±1 … ±16 — far outside the
// tensor's range — and a study's noisy SQNR collapsed (32.3 → 8.5 dB from 90 flips in a zero
// tensor). The scale search's own minimum for an all-zero group is scale 0: flips stay 0.
import { describe, expect, it } from 'vitest';
import { cellEncoding } from '../../src/devices/noise/index.js';
import { evaluateTensor, type DeviceNoise } from '../../src/workloads/metrics/quality.js';
import { quantConfig } from '../../src/workloads/quant/config.js';
import { encodeGroup, noiseAwareObjective, searchScale, sqErrorAt } from '../../src/workloads/quant/uniform.js';
import { syntheticTensor } from '../../src/workloads/weights/synthetic.js';
import type { TensorSpec } from '../../src/workloads/tensor.js';

const spec: TensorSpec = { id: 'model.layers.0.mlp.up_proj.weight', layer: 0, role: 'mlp_up', kind: 'linear', shape: [64, 128], numel: 64 * 128, dtype: 'bf16' };

describe('all-zero rows under device noise', () => {
  it('the scale search of an all-zero group returns its minimum (scale 0, objective 0) and encodes every value to the zero level', () => {
    const g = new Float32Array(16);
    const c = searchScale(g, g.length, 3, true, { from: 0.2, to: 1, steps: 81 }, 0.0038);
    expect(c).toMatchObject({ scale: 0, sqError: 0, objective: 0 });
    const levels = new Uint8Array(16).fill(99);
    encodeGroup(g, g.length, c.scale, c.zero, 3, levels, 0);
    expect([...new Set(levels)]).toEqual([c.zero]);
  });

  it('flipped codes of zero rows still decode to 0; the noisy error comes from the non-zero rows only', () => {
    const w = syntheticTensor(spec, { seed: 3, distribution: 'laplace' });
    w.fill(0, 0, 32 * 128); // rows 0..31 all zero
    const noise: DeviceNoise = { model: { kind: 'bit-flip', pBit: 0.05 }, encoding: cellEncoding(1, 'binary'), seed: 9, parts: ['inlier', 'outlier'] };
    const r = evaluateTensor(spec, w, quantConfig({ scheme: 'qmc', rho: 0.3, inlierBits: 3, outlierBits: 5 }), noise);
    expect(r.quality.changedValues).toBeGreaterThan(0);
    const noisy = r.noisy!;
    let maxZeroRows = 0;
    for (let i = 0; i < 32 * 128; i++) maxZeroRows = Math.max(maxZeroRows, Math.abs(noisy[i]!));
    expect(maxZeroRows).toBe(0);
    expect(Number.isFinite(r.quality.noisy!.sqnrDb)).toBe(true);
  });
});

describe('objective at scale 0', () => {
  // Regression: sqErrorAt divided by the scale, so the objective of an all-zero group's own scale
  // (0) was NaN and the quant.test property 'no worse than the MSE scale' failed on w = [0].
  it('is the squared norm of the group (every value decodes to 0), never NaN', () => {
    for (const sym of [true, false]) {
      const z = new Float32Array(4);
      const c = searchScale(z, z.length, 3, sym, { from: 0.2, to: 1, steps: 41 }, 0.01);
      expect(noiseAwareObjective(z, z.length, c.scale, c.zero, 3, 0.01)).toBe(0);
    }
    expect(sqErrorAt(Float32Array.from([0.5, -1]), 2, 0, 4, 3)).toBe(1.25);
  });
});
