// Regression (audit 2026-11-28): describe NoiseModel level-step said pDown / pUp take "one value for
// all levels", but a scalar (pDown: 0.001) is refused ("expected a list, found 0.001"); only a
// one-element list applies to every level. The description now says what the schema accepts.
import { describe, expect, it } from 'vitest';
import { levelStepDescriptor } from '../../../src/devices/noise/descriptors.js';
import { noiseModelSchema } from '../../../src/devices/noise/from-config.js';

describe('level-step pDown / pUp', () => {
  it('the description promises exactly what the YAML schema accepts', () => {
    expect(noiseModelSchema.safeParse({ type: 'level-step', levels: 8, pDown: 0.001, pUp: 0.001 }).success).toBe(false);
    expect(noiseModelSchema.safeParse({ type: 'level-step', levels: 8, pDown: [0.001], pUp: [0.001] }).success).toBe(true);
    for (const k of ['pDown', 'pUp']) {
      const d = levelStepDescriptor.params.find((p) => p.name === k)?.description ?? '';
      expect(d).not.toMatch(/one value for all levels/);
      expect(d).toMatch(/one-element list/);
    }
  });
});
