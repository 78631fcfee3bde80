// The noise study's physics checks can fail: a point where neither cell mode flipped a weight makes
// the SQNR comparison 'not applicable' (pass null), not a PASS resting on the analytic expectation,
// and a check of a point that read no bits through the noise model (or sampled no weights) fails.
import { describe, expect, it } from 'vitest';
import type { NoisePoint, NoiseStudyResult } from '../../src/study/noise-study.js';
import { checkLabel, noiseChecks, noiseChecksOk, verdictText } from '../../src/study/noise-tables.js';

const CLEAN = 19.37;

function point(sweep: 'mlc' | 'mram', cellBits: number, x: number, o: { bitsRead?: number; bitErrors?: number; expectedBer?: number; changed?: number; noisy?: number; numel?: number } = {}): NoisePoint {
  const bitsRead = o.bitsRead ?? 1e6;
  const bitErrors = o.bitErrors ?? 0;
  const changed = o.changed ?? 0;
  const noisy = o.noisy ?? CLEAN;
  return {
    sweep, cellBits, x,
    replay: { memory: sweep === 'mlc' ? 'reram' : 'mram', bitsRead, bitErrors, expectedBitErrors: (o.expectedBer ?? 0) * bitsRead, accesses: 100, accessesWithErrors: Math.min(100, bitErrors), ber: bitsRead > 0 ? bitErrors / bitsRead : 0, expectedBer: o.expectedBer ?? 0, model: 'smollm2-135m' },
    tensors: [{ tensor: 't', numel: o.numel ?? 4096, cleanSqnrDb: CLEAN, noisySqnrDb: noisy, changedWeights: changed, changedCodes: changed }],
    cleanSqnrDb: CLEAN, noisySqnrDb: noisy, changedWeights: changed, changedCodes: changed,
  };
}
const study = (points: NoisePoint[]): NoiseStudyResult => ({ file: 's.yaml', model: 'm', weights: 'synthetic', seed: 1, points, designValues: [], estimates: [] });
const byId = (r: NoiseStudyResult, id: string) => {
  const c = noiseChecks(r).find((x) => x.id === id);
  if (c === undefined) throw new Error(`no check ${id}`);
  return c;
};

describe('noise study checks cannot pass vacuously', () => {
  it('sqnr-3bit-lt-2bit: no weight flipped in either mode → not applicable (was PASS on expected rates)', () => {
    const r = study([point('mlc', 3, 0.5, { bitErrors: 40, expectedBer: 4e-5 }), point('mlc', 2, 0.5, { expectedBer: 1e-12 })]);
    const c = byId(r, 'sqnr-3bit-lt-2bit@0.5');
    expect(c.pass).toBeNull();
    expect(checkLabel(c)).toBe('N/A');
    expect(c.detail).toMatch(/not applicable, no weight of the sample flipped in either mode/);
    expect(byId(r, 'ber-3bit-gt-2bit@0.5').pass).toBe(true);
    expect(noiseChecksOk(noiseChecks(r))).toBe(true); // N/A does not fail the study …
    expect(verdictText(noiseChecks(r))).toBe('1 of 1 physics checks pass, 1 not applicable'); // … nor count as a pass
  });

  it('sqnr-3bit-lt-2bit decides on flipped weights, and fails when 3-bit cells come out cleaner', () => {
    const ok = study([point('mlc', 3, 1, { bitErrors: 900, changed: 50, noisy: 18.5 }), point('mlc', 2, 1, { bitErrors: 1 })]);
    expect(byId(ok, 'sqnr-3bit-lt-2bit@1').pass).toBe(true);
    const bad = study([point('mlc', 3, 1, { bitErrors: 900 }), point('mlc', 2, 1, { bitErrors: 1, changed: 3, noisy: 19.1 })]);
    expect(byId(bad, 'sqnr-3bit-lt-2bit@1').pass).toBe(false);
    expect(checkLabel(byId(bad, 'sqnr-3bit-lt-2bit@1'))).toBe('FAIL');
    expect(noiseChecksOk(noiseChecks(bad))).toBe(false);
  });

  it('zero-noise and ber checks fail when nothing was read through the noise model or no weights were sampled', () => {
    const unread = study([point('mlc', 3, 0, { bitsRead: 0 }), point('mram', 1, 0, { numel: 0 }), point('mlc', 2, 0)]);
    expect(byId(unread, 'zero-noise-mlc-3bit').pass).toBe(false);
    expect(byId(unread, 'zero-noise-mlc-3bit').detail).toMatch(/no bits were read through the noise model of reram/);
    expect(byId(unread, 'zero-noise-mram-1bit').pass).toBe(false);
    expect(byId(unread, 'zero-noise-mram-1bit').detail).toMatch(/no weights were sampled/);
    expect(byId(unread, 'zero-noise-mlc-2bit').pass).toBe(true);
    const blind = study([point('mlc', 3, 1, { bitsRead: 0 }), point('mlc', 2, 1, { bitsRead: 0 })]);
    expect(byId(blind, 'ber-3bit-gt-2bit@1').pass).toBe(false);
    expect(byId(blind, 'sqnr-3bit-lt-2bit@1').pass).toBe(false);
  });
});

describe('noise study checks at their edges (mutation audit)', () => {
  it('equal BER or equal SQNR in both modes is a FAIL, not a PASS (the comparisons are strict)', () => {
    const r = study([point('mlc', 3, 1, { bitErrors: 50, changed: 5, noisy: 18 }), point('mlc', 2, 1, { bitErrors: 50, changed: 5, noisy: 18 })]);
    expect(byId(r, 'ber-3bit-gt-2bit@1').pass).toBe(false);
    expect(byId(r, 'sqnr-3bit-lt-2bit@1').pass).toBe(false);
  });

  it('a zero-noise point that read codes wrong fails even when its SQNR equals the clean one', () => {
    const r = study([point('mlc', 3, 0, { changed: 2 })]);
    expect(byId(r, 'zero-noise-mlc-3bit').pass).toBe(false);
  });

  it('a 2-bit point that read nothing fails the comparison even when the 3-bit point read bits', () => {
    const r = study([point('mlc', 3, 1, { bitErrors: 40, changed: 3, noisy: 18 }), point('mlc', 2, 1, { bitsRead: 0 })]);
    expect(byId(r, 'ber-3bit-gt-2bit@1').pass).toBe(false);
    expect(byId(r, 'ber-3bit-gt-2bit@1').detail).toMatch(/no bits were read/);
    expect(byId(r, 'sqnr-3bit-lt-2bit@1').pass).toBe(false);
  });
});
