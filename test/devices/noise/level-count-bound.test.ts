// Regression (audit 2026-11-28): a level-step noise block with a huge level count (levels: 1048576)
// was reported as "found Invalid typed array length: 1099511627776" (the L × L confusion matrix), and
// 512 levels built a 2 MB matrix no cell can use (cells hold 1..8 bits). Level counts must be a power
// of 2 from 2 to 256, reported at the model's parameters.
import { describe, expect, it } from 'vitest';
import { noiseModelSchema } from '../../../src/devices/noise/from-config.js';
import { modelBitsPerCell } from '../../../src/devices/noise/models.js';

describe('multi-level noise level count', () => {
  it('more than 256 levels is refused naming levels and the allowed range', () => {
    for (const levels of [1048576, 512]) {
      const r = noiseModelSchema.safeParse({ type: 'level-step', levels, pDown: [0.001], pUp: [0.001] });
      expect(r.success).toBe(false);
      const msg = r.error?.issues[0]?.message ?? '';
      expect(msg).toContain(`levels must be a power of 2 from 2 to 256 (cells of 1 to 8 bits), found ${levels}`);
      expect(msg).not.toMatch(/typed array/);
    }
  });
  it('2..256 levels still map to 1..8 bits per cell', () => {
    expect(modelBitsPerCell({ kind: 'level-step', levels: 2, pDown: 0, pUp: 0 })).toBe(1);
    expect(modelBitsPerCell({ kind: 'level-step', levels: 256, pDown: 0, pUp: 0 })).toBe(8);
    expect(noiseModelSchema.safeParse({ type: 'level-step', levels: 8, pDown: [0.001], pUp: [0.001] }).success).toBe(true);
  });
});
