// The attention op reads q, k and v activations: v is numKvHeads × vHeadDim wide, which differs
// from headDim in Hymba (d_k 64, d_v 128). It was counted at headDim (4480 instead of 5120 bytes
// per Hymba layer and token in decode).
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/workloads/catalog.js';
import { inventory } from '../../src/workloads/inventory.js';
import { quantConfig } from '../../src/workloads/quant/config.js';
import { quantizeInventory } from '../../src/workloads/quant/accounting.js';
import { decodeTrace } from '../../src/workloads/trace/decode.js';
import type { TraceRecord } from '../../src/workloads/trace/types.js';

function attentionActRead(model: string, layer: number): number {
  const s = loadModel(model);
  const q = quantizeInventory(inventory(s), quantConfig({ scheme: 'fp16' }));
  const recs: TraceRecord[] = [...decodeTrace(s, q, { contextLength: 16 })];
  // the actRead just before the attention compute record of that layer
  const i = recs.findIndex((r) => r.kind === 'compute' && r.layer === layer && r.op === 'attention');
  for (let j = i - 1; j >= 0; j--) {
    const r = recs[j]!;
    if (r.kind === 'actRead') return r.bytes;
    if (r.kind === 'compute') break;
  }
  throw new Error('no attention actRead');
}

describe('attention activation reads', () => {
  it('count v at vHeadDim (Hymba: 25×64 q + 5×64 k + 5×128 v, 2 B each)', () => {
    expect(attentionActRead('hymba-1.5b', 0)).toBe((25 * 64 + 5 * 64 + 5 * 128) * 2);
  });
  it('are unchanged where vHeadDim equals headDim (SmolLM2-135M: 9 + 2×3 heads of 64)', () => {
    expect(attentionActRead('smollm2-135m', 0)).toBe((9 + 2 * 3) * 64 * 2);
  });
});
