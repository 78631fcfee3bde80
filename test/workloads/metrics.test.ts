import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellEncoding, noisePreset } from '../../src/devices/noise/index.js';
import { loadModel } from '../../src/workloads/catalog.js';
import { inventory } from '../../src/workloads/inventory.js';
import { quantConfig } from '../../src/workloads/quant/config.js';
import { quantizeValues } from '../../src/workloads/quant/values.js';
import { applyNoise, errorStats, evaluateModel, evaluateTensor, summarizeQuality, type DeviceNoise } from '../../src/workloads/metrics/quality.js';
import { exportDequantized } from '../../src/workloads/metrics/export.js';
import { Checkpoint } from '../../src/workloads/weights/safetensors.js';
import { encodeFloat, writeSafetensors } from '../../src/workloads/weights/safetensors-writer.js';
import { checkpointSource, syntheticSource } from '../../src/workloads/weights/source.js';
import { syntheticTensor } from '../../src/workloads/weights/synthetic.js';
import { f32ToBf16Bits, bf16BitsToF32 } from '../../src/workloads/quant/float16.js';
import type { TensorSpec } from '../../src/workloads/tensor.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec: TensorSpec = { id: 'model.layers.0.mlp.up_proj.weight', layer: 0, role: 'mlp_up', kind: 'linear', shape: [128, 256], numel: 128 * 256, dtype: 'bf16' };
const w = syntheticTensor(spec, { seed: 11, distribution: 'student-t' });
const MLC3: DeviceNoise = { model: noisePreset('nvmexplorer-3bit-steps'), encoding: cellEncoding(3), valueModel: 'qmc-step', seed: 5 };

describe('error statistics', () => {
  it('computes MSE, SQNR and max error', () => {
    const s = errorStats(Float32Array.from([1, 2, 3, 4]), Float32Array.from([1, 2, 3, 2]));
    expect(s).toMatchObject({ n: 4, signal: 30, sse: 4, mse: 1, maxAbsErr: 2 });
    expect(s.sqnrDb).toBeCloseTo(10 * Math.log10(7.5), 12);
    expect(errorStats(Float32Array.from([1]), Float32Array.from([1])).sqnrDb).toBe(Infinity);
  });
  it('orders the quantizers by precision on heavy-tailed weights', () => {
    const sq = (c: Parameters<typeof quantConfig>[0]) => evaluateTensor(spec, w, quantConfig(c)).quality.clean.sqnrDb;
    const fp16 = sq({ scheme: 'fp16' });
    const int8 = sq({ scheme: 'int8' });
    const rtn4 = sq({ scheme: 'rtn' });
    const mx = sq({ scheme: 'mxint4' });
    const qmc = sq({ scheme: 'qmc' });
    expect(fp16).toBeGreaterThan(int8);
    expect(int8).toBeGreaterThan(rtn4);
    expect(int8).toBeGreaterThan(qmc);
    expect(qmc).toBeGreaterThan(rtn4); // outliers isolated: 3.6 bits beat per-channel INT4 on Student-t weights
    expect(mx).toBeGreaterThan(10);
  });
});

describe('device noise', () => {
  const cfg = quantConfig({ scheme: 'qmc' });
  it('changes only the inlier codes, deterministically per seed', () => {
    const q = quantizeValues(w, 128, 256, cfg);
    const a = applyNoise(q, MLC3, spec.id);
    const b = applyNoise(q, MLC3, spec.id);
    expect(a.changed).toBeGreaterThan(0);
    expect(a).toEqual(b);
    if (q.scheme !== 'qmc' || a.q.scheme !== 'qmc') throw new Error('scheme');
    expect(a.q.codes.outliers.levels).toEqual(q.codes.outliers.levels);
    expect(a.q.codes.inliers.levels).not.toEqual(q.codes.inliers.levels);
    const c = applyNoise(q, { ...MLC3, seed: 6 }, spec.id);
    expect(c.q).not.toEqual(a.q);
  });
  it('noise raises the error; the none model leaves it unchanged', () => {
    const noisy = evaluateTensor(spec, w, cfg, MLC3).quality;
    expect(noisy.noisy!.sse).toBeGreaterThan(noisy.clean.sse);
    const none = evaluateTensor(spec, w, cfg, { ...MLC3, model: { kind: 'none' } }).quality;
    expect(none.noisy).toEqual(none.clean);
    expect(none.changedValues).toBe(0);
  });
  it('aggregates per model over tensors and quantizers, norms kept at FP16', () => {
    const s = loadModel('SmolLM2-135M');
    const specs = inventory(s).filter((t) => t.layer === 0);
    const rows = [...evaluateModel(syntheticSource(specs, { seed: 1, distribution: 'laplace' }, 64), [cfg, quantConfig({ scheme: 'rtn' })], MLC3)];
    expect(rows).toHaveLength(specs.length * 2);
    expect(rows.find((r) => r.role === 'norm')?.scheme).toBe('keep');
    const sum = summarizeQuality(rows);
    expect(sum.map((x) => x.quantizer)).toEqual(['qmc-rho0.3-3b5b', 'rtn4-channel']);
    const q = sum[0]!;
    expect(q.clean.n).toBe(rows.filter((r) => r.quantizer === q.quantizer).reduce((a, r) => a + r.numel, 0));
    expect(q.noisy!.sse).toBeGreaterThan(q.clean.sse);
    expect(sum[1]!.noisy!.sse).toBe(sum[1]!.clean.sse); // RTN has no 'inlier' part in MLC
  });
});

describe('export', () => {
  it('writes dequantized noisy weights as safetensors that read back exactly (BF16)', () => {
    const specs: TensorSpec[] = [spec, { ...spec, id: 'model.norm.weight', role: 'norm', kind: 'norm', shape: [256], numel: 256, layer: -1 }];
    const src = syntheticSource(specs, { seed: 11, distribution: 'student-t' });
    const f = join(dir, 'qmc-noisy.safetensors');
    const rows = exportDequantized(f, src, quantConfig({ scheme: 'qmc' }), { noise: MLC3 });
    expect(rows).toHaveLength(2);
    const cp = Checkpoint.open(f);
    const back = cp.readFloat32(spec.id);
    const ref = evaluateTensor(spec, w, quantConfig({ scheme: 'qmc' }), MLC3).noisy!;
    for (let i = 0; i < ref.length; i += 97) expect(back[i]).toBe(bf16BitsToF32(f32ToBf16Bits(ref[i]!)));
    cp.close();
    // and a local checkpoint can be the source of a second export (sharded)
    const ck = join(dir, 'orig.safetensors');
    writeSafetensors(ck, specs.map((s) => ({ name: s.id, dtype: 'F32', shape: s.shape })), (_t, i) => encodeFloat(src.read(specs[i]!), 'F32'));
    const cs = checkpointSource(ck, specs);
    exportDequantized(join(dir, 'sharded'), cs, quantConfig({ scheme: 'mxint4' }), { maxShardBytes: 10_000, dtype: 'F16' });
    cs.close?.();
    expect(Checkpoint.open(join(dir, 'sharded')).names()).toEqual(specs.map((s) => s.id));
    expect(() => checkpointSource(ck, [{ ...spec, shape: [256, 128] }])).toThrow(/has shape \[128, 256\], the model shape says \[256, 128\]/);
  });
});
