// Regression: the noise study's tables printed every non-finite SQNR as 'exact', so a NaN (a NaN
// weight in a --weights checkpoint) or −∞ (errors on a zero-signal tensor) read as "no error at all".
// Only +∞ (zero error) is 'exact' now; NaN and −∞ print as they are.
import { describe, expect, it } from 'vitest';
import type { NoisePoint, NoiseStudyResult } from '../../src/study/noise-study.js';
import { noiseTables } from '../../src/study/noise-tables.js';

const pt = (clean: number, noisy: number): NoisePoint => ({
  sweep: 'mlc', cellBits: 3, x: 1,
  replay: { memory: 'reram', bitsRead: 100, bitErrors: 1, expectedBitErrors: 1, accesses: 1, accessesWithErrors: 1, ber: 0.01, expectedBer: 0.01, model: 'smollm2-135m' },
  tensors: [{ tensor: 't', numel: 8, cleanSqnrDb: clean, noisySqnrDb: noisy, changedWeights: 1, changedCodes: 1 }],
  cleanSqnrDb: clean, noisySqnrDb: noisy, changedWeights: 1, changedCodes: 1,
});

describe('noise study SQNR cells', () => {
  it("'exact' only for zero error; NaN and -Infinity are shown, not hidden", () => {
    const r: NoiseStudyResult = { file: 's.yaml', model: 'm', weights: 'w', seed: 1, designValues: [], estimates: [],
      points: [pt(Infinity, NaN), pt(Infinity, -Infinity)] };
    const [mlc, , tensors] = noiseTables(r);
    expect(mlc!.rows.map((x) => [x.clean, x.noisy])).toEqual([['exact', 'NaN'], ['exact', '-Infinity']]);
    expect(tensors!.rows.map((x) => [x.clean, x.noisy])).toEqual([['exact', 'NaN'], ['exact', '-Infinity']]);
  });
});
