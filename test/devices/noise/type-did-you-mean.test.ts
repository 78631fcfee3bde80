// A misspelt noise-model type gets a did-you-mean like every other enum value in a configuration.
import { describe, expect, it } from 'vitest';
import { noiseModelSchema } from '../../../src/devices/noise/from-config.js';

describe('noise block type', () => {
  it("'bitflip' suggests 'bit-flip'; a far-off name lists the types only", () => {
    const near = noiseModelSchema.safeParse({ type: 'bitflip', pBit: 1e-3 });
    expect(near.success).toBe(false);
    expect(near.error?.issues[0]?.message).toMatch(/found 'bitflip'; did you mean 'bit-flip'\?$/);
    const far = noiseModelSchema.safeParse({ type: 'cosmic-rays' });
    expect(far.error?.issues[0]?.message).toMatch(/^expected one of gaussian-levels, .*, found 'cosmic-rays'$/);
  });
});
