// Regression: at a level spread so small that neither cell mode sampled a bit error in the replay
// (levelSpreadScale 1e-7: both BERs 0), ber-3bit-gt-2bit printed FAIL and the study exited 1,
// although the data cannot rank the modes. It is N/A now (like the SQNR check); 0 errors against
// a non-zero 2-bit count still fails.
import { describe, expect, it } from 'vitest';
import type { NoisePoint, NoiseStudyResult } from '../../src/study/noise-study.js';
import { noiseChecks, noiseChecksOk } from '../../src/study/noise-tables.js';

const pt = (cellBits: number, bitErrors: number): NoisePoint => ({
  sweep: 'mlc', cellBits, x: 1e-7,
  replay: { memory: 'reram', bitsRead: 1e6, bitErrors, expectedBitErrors: 0, accesses: 10, accessesWithErrors: Math.min(10, bitErrors), ber: bitErrors / 1e6, expectedBer: 0, model: 'smollm2-135m' },
  tensors: [{ tensor: 't', numel: 64, cleanSqnrDb: 20, noisySqnrDb: 20, changedWeights: 0, changedCodes: 0 }],
  cleanSqnrDb: 20, noisySqnrDb: 20, changedWeights: 0, changedCodes: 0,
});
const run = (e3: number, e2: number) => {
  const r: NoiseStudyResult = { file: 's.yaml', model: 'm', weights: 'w', seed: 1, designValues: [], estimates: [], points: [pt(3, e3), pt(2, e2)] };
  return noiseChecks(r);
};

describe('ber-3bit-gt-2bit when no error was sampled', () => {
  it('0 vs 0 errors is not applicable and does not fail the study', () => {
    const checks = run(0, 0);
    const c = checks.find((x) => x.id === 'ber-3bit-gt-2bit@1e-7')!;
    expect(c.pass).toBeNull();
    expect(c.detail).toMatch(/not applicable, no bit error sampled in either mode/);
    expect(noiseChecksOk(checks)).toBe(true);
  });
  it('0 (3-bit) vs 2 (2-bit) errors still fails', () => {
    expect(run(0, 2).find((x) => x.id === 'ber-3bit-gt-2bit@1e-7')!.pass).toBe(false);
  });
});
