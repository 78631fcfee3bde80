// Every key of a model shape changes the tensors it describes, in the inventory and in the decode
// trace alike: a llama-family MLP of kind gelu is fc-style (two matrices), mlp.bias adds biases,
// layernorm norms carry a bias, mamba.projBias adds in/out_proj biases, a phi vHeadDim sizes v_proj.
// Before, these keys validated and were silently ignored (a GELU llama was counted with three
// matrices; layernorm biases were missing), so a foreign model's bytes were wrong without a word.
import { describe, expect, it } from 'vitest';
import { modelShapeSchema, type ModelShape } from '../../src/workloads/model-shape.js';
import { inventory, paramCount } from '../../src/workloads/inventory.js';
import { decodeTrace, quantConfig, quantizeInventory } from '../../src/workloads/index.js';

function shape(over: Record<string, unknown>): ModelShape {
  const base = {
    name: 'T', hfId: 'qa/t', family: 'llama', source: 'test', hiddenSize: 64, numLayers: 2, vocabSize: 100,
    tieWordEmbeddings: false, norm: { kind: 'rmsnorm', eps: 1e-5 },
    attention: { numHeads: 4, numKvHeads: 2, headDim: 16 }, mlp: { kind: 'swiglu', intermediateSize: 128 },
  };
  const r = modelShapeSchema.safeParse({ ...base, ...over });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return { ...r.data, file: '<inline>' };
}

/** Tensor ids the decode trace reads (whole or gathered). */
function readIds(s: ModelShape): Set<string> {
  const q = quantizeInventory(inventory(s), quantConfig({ scheme: 'fp16' }));
  const ids = new Set<string>();
  for (const r of decodeTrace(s, q, { contextLength: 4 })) if (r.kind === 'weightRead') ids.add(r.tensor);
  return ids;
}

const h = 64;
const i = 128;
const attn = 64 * 64 + 2 * 64 * 32 + 64 * 64; // q, k, v (2 KV heads × 16), o
const MAMBA = { dState: 4, dConv: 4, expand: 2, dtRank: 8, convBias: true, projBias: false };

describe('model shape keys are honoured by the inventory and the trace', () => {
  it('llama + mlp.kind gelu: two fc matrices (c_fc, c_proj), not gate/up/down', () => {
    const s = shape({ mlp: { kind: 'gelu', intermediateSize: i } });
    const perLayer = h + attn + h + 2 * h * i;
    expect(paramCount(s)).toBe(2 * 100 * h + h + 2 * perLayer);
    expect(inventory(s).some((t) => t.id.includes('gate_proj'))).toBe(false);
  });
  it('llama + mlp.bias: biases on every MLP matrix', () => {
    const swi = shape({ mlp: { kind: 'swiglu', intermediateSize: i, bias: true } });
    expect(paramCount(swi) - paramCount(shape({}))).toBe(2 * (2 * i + h));
    const gelu = shape({ mlp: { kind: 'gelu', intermediateSize: i, bias: true } });
    expect(paramCount(gelu) - paramCount(shape({ mlp: { kind: 'gelu', intermediateSize: i } }))).toBe(2 * (i + h));
  });
  it('geglu is gated like swiglu (Gemma): same tensors', () => {
    expect(paramCount(shape({ mlp: { kind: 'geglu', intermediateSize: i } }))).toBe(paramCount(shape({})));
  });
  it('llama + layernorm: both block norms and the final norm carry a bias', () => {
    expect(paramCount(shape({ norm: { kind: 'layernorm', eps: 1e-5 } })) - paramCount(shape({}))).toBe(2 * 2 * h + h);
  });
  it('phi + rmsnorm: no norm bias; phi + vHeadDim sizes v_proj', () => {
    const phi = { family: 'phi', mlp: { kind: 'gelu', intermediateSize: i, bias: true } };
    const ln = shape({ ...phi, norm: { kind: 'layernorm', eps: 1e-5 } });
    const rms = shape(phi);
    expect(paramCount(ln) - paramCount(rms)).toBe(2 * h + h);
    const v = shape({ ...phi, attention: { numHeads: 4, numKvHeads: 2, headDim: 16, vHeadDim: 32 } });
    expect(inventory(v).find((t) => t.id === 'model.layers.0.self_attn.v_proj.weight')?.shape).toEqual([64, h]);
  });
  it('mamba.projBias adds in_proj and out_proj biases', () => {
    const no = shape({ family: 'mamba', attention: undefined, mlp: undefined, mamba: MAMBA });
    const yes = shape({ family: 'mamba', attention: undefined, mlp: undefined, mamba: { ...MAMBA, projBias: true } });
    expect(paramCount(yes) - paramCount(no)).toBe(2 * (2 * 2 * h + h));
  });
  const variants: [string, Record<string, unknown>][] = [
    ['llama swiglu', {}],
    ['llama gelu + bias + layernorm', { mlp: { kind: 'gelu', intermediateSize: i, bias: true }, norm: { kind: 'layernorm', eps: 1e-5 } }],
    ['llama geglu + bias', { mlp: { kind: 'geglu', intermediateSize: i, bias: true } }],
    ['phi rmsnorm + vHeadDim', { family: 'phi', attention: { numHeads: 4, numKvHeads: 2, headDim: 16, vHeadDim: 32, qkvBias: true }, mlp: { kind: 'gelu', intermediateSize: i, bias: true } }],
    ['phi swiglu', { family: 'phi', mlp: { kind: 'swiglu', intermediateSize: i } }],
    ['mamba projBias + layernorm', { family: 'mamba', attention: undefined, mlp: undefined, mamba: { ...MAMBA, projBias: true }, norm: { kind: 'layernorm', eps: 1e-5 } }],
    ['hymba gelu + projBias', { family: 'hymba', attention: { numHeads: 4, numKvHeads: 2, headDim: 16, oProj: false }, mlp: { kind: 'gelu', intermediateSize: i, bias: true }, mamba: { ...MAMBA, projBias: true } }],
  ];
  for (const [what, over] of variants) {
    it(`${what}: the decode trace reads every tensor of the inventory`, () => {
      const s = shape(over);
      expect([...readIds(s)].sort()).toEqual(inventory(s).map((t) => t.id).sort());
    });
  }
  it('lmHeadBias with a tied embedding is refused at the key (it would be ignored)', () => {
    const r = modelShapeSchema.safeParse({
      name: 'T', hfId: 'qa/t', family: 'llama', source: 'test', hiddenSize: 64, numLayers: 2, vocabSize: 100,
      tieWordEmbeddings: true, lmHeadBias: true, norm: { kind: 'rmsnorm', eps: 1e-5 },
      attention: { numHeads: 4, numKvHeads: 2, headDim: 16 }, mlp: { kind: 'swiglu', intermediateSize: 128 },
    });
    expect(r.success ? [] : r.error.issues.map((x) => x.path.join('.'))).toEqual(['lmHeadBias']);
  });
  it('oProj: false outside family hymba is refused at the key (it would be ignored)', () => {
    const r = modelShapeSchema.safeParse({
      name: 'T', hfId: 'qa/t', family: 'llama', source: 'test', hiddenSize: 64, numLayers: 2, vocabSize: 100,
      tieWordEmbeddings: true, norm: { kind: 'rmsnorm', eps: 1e-5 },
      attention: { numHeads: 4, numKvHeads: 2, headDim: 16, oProj: false }, mlp: { kind: 'swiglu', intermediateSize: 128 },
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.success ? [] : r.error.issues)).toMatch(/oProj/);
  });
});
