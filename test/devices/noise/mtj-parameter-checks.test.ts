// Regression (audit 2026-11-28): the STT-MRAM noise model accepted attemptTime: 0 s (every bit read
// wrong, p = 1), attemptTime and readPulse both 0 s (p = NaN, reported only as "bit error probability
// must be in [0, 1], found NaN"), precessionTime: 0 s (write errors silently 0) and barrierExponent ≤ 0
// (barrier rising with current). Each is now refused naming its key.
import { describe, expect, it } from 'vitest';
import { MTJ_DEFAULTS, mtjBitErrorProbability, writeErrorRate } from '../../../src/devices/noise/mtj-switching.js';
import { noiseModelSchema } from '../../../src/devices/noise/from-config.js';

describe('STT-MRAM noise parameter checks', () => {
  it('refuses τ0 = 0, τ_D = 0 and β ≤ 0 naming the parameter', () => {
    expect(() => mtjBitErrorProbability({ ...MTJ_DEFAULTS, attemptTimeSeconds: 0 })).toThrow(/^attemptTime: expected a time > 0 s, found 0 s$/);
    expect(() => writeErrorRate({ ...MTJ_DEFAULTS, precessionTimeSeconds: 0 })).toThrow(/^precessionTime: expected a time > 0 s/);
    expect(() => mtjBitErrorProbability({ ...MTJ_DEFAULTS, barrierExponent: -2 })).toThrow(/^barrierExponent: expected a number > 0/);
    expect(() => mtjBitErrorProbability({ ...MTJ_DEFAULTS, barrierExponent: 0 })).toThrow(/^barrierExponent/);
  });

  it('a YAML noise block with such a value is a configuration error naming the key', () => {
    for (const [block, key] of [
      [{ type: 'stt-mram', attemptTime: '0 s' }, 'attemptTime'],
      [{ type: 'stt-mram', attemptTime: '0 s', readPulse: '0 s' }, 'attemptTime'],
      [{ type: 'stt-mram', precessionTime: '0 s', includeWriteErrors: true }, 'precessionTime'],
      [{ type: 'stt-mram', barrierExponent: -2 }, 'barrierExponent'],
    ] as const) {
      const r = noiseModelSchema.safeParse(block);
      expect(r.success, JSON.stringify(block)).toBe(false);
      expect(r.error?.issues).toHaveLength(1);
      expect(r.error?.issues[0]?.message).toContain(`${key}: expected`);
      expect(r.error?.issues[0]?.message).not.toContain('NaN');
    }
  });

  it('the defaults and valid values still give the analytic rate', () => {
    const p = mtjBitErrorProbability(MTJ_DEFAULTS);
    // retention dominates: (1 year / 1 ns)·e^−60
    expect(p).toBeCloseTo((365.25 * 86400 / 1e-9) * Math.exp(-60), 15);
    expect(mtjBitErrorProbability({ ...MTJ_DEFAULTS, barrierExponent: 2 })).toBeGreaterThan(0);
  });
});
