/**
 * Inventory: every weight tensor of a model, derived from its shape, in checkpoint order
 * (embedding first, then blocks 0..n-1, then final norm and untied lm_head). Exact: the sums equal
 * the parameter counts in ../shared/reference/models.md (test/workloads/inventory.test.ts).
 */
import type { TensorRole } from './trace/types.js';
import { kvRole, mambaInner, type ModelShape } from './model-shape.js';
import type { TensorKind, TensorSpec } from './tensor.js';

type Emit = (id: string, layer: number, role: TensorRole, kind: TensorKind, shape: readonly number[]) => TensorSpec;

function emitter(shape: ModelShape): Emit {
  return (id, layer, role, kind, s) => {
    let n = 1;
    for (const d of s) n *= d;
    return { id, layer, role, kind, shape: s, numel: n, dtype: shape.dtype };
  };
}

function* llamaLayer(s: ModelShape, l: number, t: Emit): Generator<TensorSpec> {
  const a = s.attention!;
  const m = s.mlp!;
  const h = s.hiddenSize;
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  const kvv = a.numKvHeads * (a.vHeadDim ?? a.headDim);
  yield t(`${p}.input_layernorm.weight`, l, 'norm', 'norm', [h]);
  for (const [name, role, out] of [['q_proj', 'attn_q', q], ['k_proj', 'attn_k', kv], ['v_proj', 'attn_v', kvv]] as const) {
    yield t(`${p}.self_attn.${name}.weight`, l, role, 'linear', [out, h]);
    if (a.qkvBias) yield t(`${p}.self_attn.${name}.bias`, l, 'bias', 'bias', [out]);
  }
  yield t(`${p}.self_attn.o_proj.weight`, l, 'attn_o', 'linear', [h, q]);
  if (a.oBias) yield t(`${p}.self_attn.o_proj.bias`, l, 'bias', 'bias', [h]);
  yield t(`${p}.post_attention_layernorm.weight`, l, 'norm', 'norm', [h]);
  yield t(`${p}.mlp.gate_proj.weight`, l, 'mlp_gate', 'linear', [m.intermediateSize, h]);
  yield t(`${p}.mlp.up_proj.weight`, l, 'mlp_up', 'linear', [m.intermediateSize, h]);
  yield t(`${p}.mlp.down_proj.weight`, l, 'mlp_down', 'linear', [h, m.intermediateSize]);
}

function* phiLayer(s: ModelShape, l: number, t: Emit): Generator<TensorSpec> {
  const a = s.attention!;
  const m = s.mlp!;
  const h = s.hiddenSize;
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  yield t(`${p}.input_layernorm.weight`, l, 'norm', 'norm', [h]);
  yield t(`${p}.input_layernorm.bias`, l, 'norm', 'norm', [h]);
  for (const [name, role, out] of [['q_proj', 'attn_q', q], ['k_proj', 'attn_k', kv], ['v_proj', 'attn_v', kv]] as const) {
    yield t(`${p}.self_attn.${name}.weight`, l, role, 'linear', [out, h]);
    if (a.qkvBias) yield t(`${p}.self_attn.${name}.bias`, l, 'bias', 'bias', [out]);
  }
  yield t(`${p}.self_attn.dense.weight`, l, 'attn_o', 'linear', [h, q]);
  if (a.oBias) yield t(`${p}.self_attn.dense.bias`, l, 'bias', 'bias', [h]);
  yield t(`${p}.mlp.fc1.weight`, l, 'mlp_fc1', 'linear', [m.intermediateSize, h]);
  if (m.bias) yield t(`${p}.mlp.fc1.bias`, l, 'bias', 'bias', [m.intermediateSize]);
  yield t(`${p}.mlp.fc2.weight`, l, 'mlp_fc2', 'linear', [h, m.intermediateSize]);
  if (m.bias) yield t(`${p}.mlp.fc2.bias`, l, 'bias', 'bias', [h]);
}

/** Mamba-1 mixer tensors (shared by pure Mamba and Hymba's SSM branch). */
function* mambaMixer(s: ModelShape, l: number, p: string, sfx: string, t: Emit): Generator<TensorSpec> {
  const mb = s.mamba!;
  const di = mambaInner(s);
  yield t(`${p}.conv1d.weight`, l, 'mamba_conv', 'conv', [di, 1, mb.dConv]);
  if (mb.convBias) yield t(`${p}.conv1d.bias`, l, 'mamba_conv', 'bias', [di]);
  yield t(`${p}.x_proj${sfx}.weight`, l, 'mamba_x_proj', 'linear', [mb.dtRank + 2 * mb.dState, di]);
  yield t(`${p}.dt_proj${sfx}.weight`, l, 'mamba_dt_proj', 'linear', [di, mb.dtRank]);
  yield t(`${p}.dt_proj${sfx}.bias`, l, 'bias', 'bias', [di]);
  yield t(`${p}.A_log${sfx}`, l, 'mamba_other', 'ssm', [di, mb.dState]);
  yield t(`${p}.D${sfx}`, l, 'mamba_other', 'ssm', [di]);
}

function* mambaLayer(s: ModelShape, l: number, t: Emit): Generator<TensorSpec> {
  const h = s.hiddenSize;
  const di = mambaInner(s);
  const p = `backbone.layers.${l}`;
  yield t(`${p}.norm.weight`, l, 'norm', 'norm', [h]);
  yield t(`${p}.mixer.in_proj.weight`, l, 'mamba_in_proj', 'linear', [2 * di, h]);
  yield* mambaMixer(s, l, `${p}.mixer`, '', t);
  yield t(`${p}.mixer.out_proj.weight`, l, 'mamba_out_proj', 'linear', [h, di]);
}

function* hymbaLayer(s: ModelShape, l: number, t: Emit): Generator<TensorSpec> {
  const a = s.attention!;
  const mb = s.mamba!;
  const m = s.mlp!;
  const h = s.hiddenSize;
  const di = mambaInner(s);
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kvOut = kvRole(s, l).produces ? a.numKvHeads * (a.headDim + (a.vHeadDim ?? a.headDim)) : 0;
  yield t(`${p}.input_layernorm.weight`, l, 'norm', 'norm', [h]);
  yield t(`${p}.mamba.in_proj.weight`, l, 'mamba_in_proj', 'linear', [q + kvOut + 2 * di, h]);
  yield* mambaMixer(s, l, `${p}.mamba`, '.0', t);
  if (mb.innerLayernorms) {
    yield t(`${p}.mamba.dt_layernorm.weight`, l, 'norm', 'norm', [mb.dtRank]);
    yield t(`${p}.mamba.B_layernorm.weight`, l, 'norm', 'norm', [mb.dState]);
    yield t(`${p}.mamba.C_layernorm.weight`, l, 'norm', 'norm', [mb.dState]);
  }
  yield t(`${p}.mamba.pre_avg_layernorm1.weight`, l, 'norm', 'norm', [di]);
  yield t(`${p}.mamba.pre_avg_layernorm2.weight`, l, 'norm', 'norm', [di]);
  yield t(`${p}.mamba.out_proj.weight`, l, 'mamba_out_proj', 'linear', [h, di]);
  yield t(`${p}.pre_moe_layernorm.weight`, l, 'norm', 'norm', [h]);
  const e = `${p}.moe.experts.0`;
  yield t(`${e}.gate_proj.weight`, l, 'mlp_gate', 'linear', [m.intermediateSize, h]);
  yield t(`${e}.up_proj.weight`, l, 'mlp_up', 'linear', [m.intermediateSize, h]);
  yield t(`${e}.down_proj.weight`, l, 'mlp_down', 'linear', [h, m.intermediateSize]);
}

/** Tensors of block `layer` in checkpoint order. */
export function layerTensors(shape: ModelShape, layer: number): Generator<TensorSpec> {
  const t = emitter(shape);
  switch (shape.family) {
    case 'llama': return llamaLayer(shape, layer, t);
    case 'phi': return phiLayer(shape, layer, t);
    case 'mamba': return mambaLayer(shape, layer, t);
    case 'hymba': return hymbaLayer(shape, layer, t);
  }
}

/** Every weight tensor of the model, lazily, in checkpoint order. Tied lm_head appears once (on the embedding). */
export function* inventoryIter(shape: ModelShape): Generator<TensorSpec> {
  const t = emitter(shape);
  const h = shape.hiddenSize;
  const mambaStyle = shape.family === 'mamba';
  const emb = t(mambaStyle ? 'backbone.embeddings.weight' : 'model.embed_tokens.weight', -1, 'embedding', 'embedding', [shape.vocabSize, h]);
  yield shape.tieWordEmbeddings ? { ...emb, tiedLmHead: true } : emb;
  if (shape.metaTokens > 0) yield t('model.memory_tokens', -1, 'meta_tokens', 'meta_tokens', [shape.metaTokens, h]);
  for (let l = 0; l < shape.numLayers; l++) yield* layerTensors(shape, l);
  const fin = mambaStyle ? 'backbone.norm_f' : shape.family === 'llama' ? 'model.norm' : 'model.final_layernorm';
  yield t(`${fin}.weight`, -1, 'norm', 'norm', [h]);
  if (shape.norm.kind === 'layernorm') yield t(`${fin}.bias`, -1, 'norm', 'norm', [h]);
  if (!shape.tieWordEmbeddings) {
    yield t('lm_head.weight', -1, 'lm_head', 'linear', [shape.vocabSize, h]);
    if (shape.lmHeadBias) yield t('lm_head.bias', -1, 'bias', 'bias', [shape.vocabSize]);
  }
}

/** Every weight tensor of the model as an array (a few hundred small objects; no weights). */
export function inventory(shape: ModelShape): TensorSpec[] {
  return [...inventoryIter(shape)];
}

/** Exact parameter count (tied embeddings counted once). */
export function paramCount(shape: ModelShape): number {
  let n = 0;
  for (const t of inventoryIter(shape)) n += t.numel;
  return n;
}
