// Mutation audit (noise injection, qmc-step): with only downward level moves (p₋ > 0, p₊ = 0) a
// value can only step down by one code; the direction of a step is not interchangeable.
import { describe, expect, it } from 'vitest';
import { injectNoise } from '../../../src/devices/noise/inject.js';
import { cellEncoding } from '../../../src/devices/noise/cell-encoding.js';
import type { NoiseModelSpec } from '../../../src/devices/noise/models.js';

describe('qmc-step injection direction', () => {
  it('down-only level moves give only −1 steps (and up-only only +1)', () => {
    const codes = Uint8Array.from({ length: 4000 }, (_, i) => 1 + (i % 6)); // 1..6: both moves possible
    for (const [pDown, pUp, step] of [[0.05, 0, -1], [0, 0.05, 1]] as const) {
      const model = { kind: 'level-step', levels: 8, pDown, pUp } as NoiseModelSpec;
      const r = injectNoise({ codes, bitsPerValue: 3, encoding: cellEncoding(3), model, seed: 2, path: 'dir', valueModel: 'qmc-step' });
      expect(r.errorMap.delta.length).toBeGreaterThan(50);
      for (const d of r.errorMap.delta) expect(d).toBe(step);
    }
  });
});
