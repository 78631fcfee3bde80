// Regression: the noise study's 'weights changed' counted stored codes read wrong, including flips in
// all-zero rows (scale 0), which decode to 0 and change no weight. A checkpoint with zeroed rows thus
// reported thousands of 'weights changed' while its SQNR stayed the clean one. The column now counts
// dequantized weights that differ; codes read wrong are a separate column.
import { describe, expect, it } from 'vitest';
import { cellEncoding } from '../../src/devices/noise/index.js';
import { evaluateTensor, type DeviceNoise } from '../../src/workloads/metrics/quality.js';
import { quantConfig } from '../../src/workloads/quant/config.js';
import { syntheticTensor } from '../../src/workloads/weights/synthetic.js';
import type { TensorSpec } from '../../src/workloads/tensor.js';
import type { NoisePoint, NoiseStudyResult } from '../../src/study/noise-study.js';
import { noiseChecks, noiseTables } from '../../src/study/noise-tables.js';

const spec: TensorSpec = { id: 'model.layers.0.mlp.up_proj.weight', layer: 0, role: 'mlp_up', kind: 'linear', shape: [64, 128], numel: 64 * 128, dtype: 'bf16' };
const qmc = quantConfig({ scheme: 'qmc', rho: 0.3, inlierBits: 3, outlierBits: 5 });
const noise: DeviceNoise = { model: { kind: 'bit-flip', pBit: 0.05 }, encoding: cellEncoding(1, 'binary'), seed: 9, parts: ['inlier', 'outlier'] };

describe("noise study: 'weights changed' counts weights, not codes", () => {
  it('flips in all-zero rows change codes but no weight', () => {
    const w = syntheticTensor(spec, { seed: 3, distribution: 'laplace' });
    w.fill(0, 0, 32 * 128);
    const r = evaluateTensor(spec, w, qmc, noise);
    let differ = 0;
    for (let i = 0; i < w.length; i++) if (r.noisy![i] !== r.clean[i]) differ++;
    expect(r.quality.changedWeights).toBe(differ);
    expect(r.quality.changedValues).toBeGreaterThan(differ);
    const zero = evaluateTensor(spec, new Float32Array(spec.numel), qmc, noise);
    expect(zero.quality.changedValues).toBeGreaterThan(0);
    expect(zero.quality.changedWeights).toBe(0);
  });

  const point = (bits: number, codes: number, weights: number): NoisePoint => ({
    sweep: 'mlc', cellBits: bits, x: 1,
    replay: { memory: 'reram', bitsRead: 1e6, bitErrors: 10, expectedBitErrors: 10, accesses: 10, accessesWithErrors: 5, ber: 1e-5, expectedBer: 1e-5, model: 'smollm2-135m' },
    tensors: [{ tensor: 't', numel: 4096, cleanSqnrDb: 20, noisySqnrDb: 20, changedWeights: weights, changedCodes: codes }],
    cleanSqnrDb: 20, noisySqnrDb: 20, changedWeights: weights, changedCodes: codes,
  });
  const study: NoiseStudyResult = { file: 's.yaml', model: 'm', weights: 'w', seed: 1, points: [point(3, 40, 0), point(2, 7, 0)], designValues: [], estimates: [] };

  it('the table prints weights changed and codes read wrong apart; the SQNR check is N/A when no weight changed', () => {
    const mlc = noiseTables(study)[0]!;
    expect(mlc.columns.map((c) => c.header)).toContain('codes read wrong');
    expect(mlc.rows[0]).toMatchObject({ codes: 40, changed: 0 });
    const c = noiseChecks(study).find((x) => x.id === 'sqnr-3bit-lt-2bit@1')!;
    expect(c.pass).toBeNull();
  });
});
