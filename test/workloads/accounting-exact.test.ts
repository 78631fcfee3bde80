// Mutation audit (quantization accounting): the bits-per-weight checks hold whatever the metadata
// parts are as long as the honest figure exceeds the paper one. These pin every stored part of small
// tensors whose counts are not multiples of 8 bits, of the group size or of a power of two: each
// part rounds up to whole bytes on its own, partial groups count, an asymmetric QMC tensor stores a
// zero per row for both parts, an index needs ceil(log2 n) bits, CSR has rows + 1 row pointers.
import { describe, expect, it } from 'vitest';
import { bitsPerWeight, quantizeInventory, quantizeTensorSpec } from '../../src/workloads/quant/accounting.js';
import { outlierCount, selectOutliers } from '../../src/workloads/quant/outliers.js';
import { quantConfig } from '../../src/workloads/quant/config.js';
import type { TensorSpec } from '../../src/workloads/tensor.js';

const tensor = (rows: number, cols: number): TensorSpec => ({ id: 't', layer: 0, role: 'mlp_up', kind: 'linear', shape: [rows, cols], numel: rows * cols, dtype: 'bf16' });
const rowsOf = (q: ReturnType<typeof quantizeTensorSpec>) => q.parts.map((p) => [p.part, p.what ?? '', p.bits, p.count, p.bytes]);

describe('quantization accounting, part by part', () => {
  it('QMC on [3, 10], rho 0.3, asymmetric, bitmap index', () => {
    const q = quantizeTensorSpec(tensor(3, 10), quantConfig({ scheme: 'qmc', rho: 0.3, symmetric: false }));
    expect(rowsOf(q)).toEqual([
      ['inlier', '', 3, 21, 8], // 63 bits
      ['outlier', '', 5, 9, 6], // 45 bits
      ['meta', 'scale', 16, 3, 6],
      ['meta', 'zero', 3, 3, 2], // 9 bits
      ['meta', 'scale', 16, 3, 6],
      ['meta', 'zero', 5, 3, 2], // 15 bits
      ['meta', 'bitmap', 1, 30, 4], // 30 bits
    ]);
    expect(q.paperBytes).toBe(14);
    expect(q.honestBytes).toBe(34);
  });

  it('QMC outlier positions: a flat index has ceil(log2 n) bits; CSR a column index and rows + 1 row pointers', () => {
    const idx = quantizeTensorSpec(tensor(3, 10), quantConfig({ scheme: 'qmc', rho: 0.3, outlierIndex: 'index' }));
    expect(rowsOf(idx).at(-1)).toEqual(['meta', 'index', 5, 9, 6]);
    const csr = quantizeTensorSpec(tensor(3, 10), quantConfig({ scheme: 'qmc', rho: 0.3, outlierIndex: 'csr', rowPtrBits: 32 }));
    expect(rowsOf(csr).slice(-2)).toEqual([['meta', 'index', 4, 9, 5], ['meta', 'rowptr', 32, 4, 16]]);
  });

  it('RTN in groups of 4 over 10 columns: 3 groups per row (the last one partial)', () => {
    const q = quantizeTensorSpec(tensor(2, 10), quantConfig({ scheme: 'rtn', bits: 4, granularity: 'group', groupSize: 4 }));
    expect(rowsOf(q)).toEqual([['dense', '', 4, 20, 10], ['meta', 'scale', 16, 6, 12]]);
  });

  it('scope: an embedding is kept at keepBits when scope.embeddings is false, quantized by default', () => {
    const emb: TensorSpec = { ...tensor(4, 10), kind: 'embedding', role: 'embedding' as TensorSpec['role'] };
    expect(quantizeTensorSpec(emb, quantConfig({ scheme: 'qmc' })).scheme).toBe('qmc');
    const kept = quantizeTensorSpec(emb, quantConfig({ scheme: 'qmc', scope: { embeddings: false } }));
    expect(kept.scheme).toBe('keep');
    expect(rowsOf(kept)).toEqual([['dense', '', 16, 40, 80]]);
  });

  it('bits per weight leaves kept tensors out unless asked to include them', () => {
    const norm: TensorSpec = { ...tensor(1, 10), kind: 'norm', role: 'norm' as TensorSpec['role'], shape: [10] };
    const q = quantizeInventory([tensor(2, 10), norm], quantConfig({ scheme: 'rtn', bits: 4 }));
    expect(bitsPerWeight(q, 'paper')).toBe(4);
    expect(bitsPerWeight(q, 'paper', true)).toBe((4 * 20 + 16 * 10) / 30);
  });
});

describe('QMC outlier selection', () => {
  it('rounds rho·n half up (25 × 0.1 = 2.5 → 3)', () => {
    expect(outlierCount(25, 0.1)).toBe(3);
    expect(outlierCount(30, 0.3)).toBe(9);
    expect(outlierCount(24, 0.1)).toBe(2);
  });

  it('ties at the threshold fill only the places left by larger magnitudes, lowest index first', () => {
    expect([...selectOutliers(Float32Array.from([1, 1, 2]), 2)]).toEqual([0, 2]);
    expect([...selectOutliers(Float32Array.from([-1, 1, 0.5, 1, 3]), 3)]).toEqual([0, 1, 4]);
  });
});
