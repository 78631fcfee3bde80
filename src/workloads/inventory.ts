/**
 * Inventory: every weight tensor of a model, derived from its shape, in checkpoint order
 * (embedding first, then blocks 0..n-1, then final norm and untied lm_head). Exact: the sums equal
 * the parameter counts in ../shared/reference/models.md (test/workloads/inventory.test.ts).
 */
import type { TensorRole } from './trace/types.js';
import { kvRole, mambaInner, type ModelShape } from './model-shape.js';
import type { TensorKind, TensorSpec } from './tensor.js';
import { mlpBias, mlpMatrices, normIds } from './block-parts.js';

type Emit = (id: string, layer: number, role: TensorRole, kind: TensorKind, shape: readonly number[]) => TensorSpec;

function emitter(shape: ModelShape): Emit {
  return (id, layer, role, kind, s) => {
    let n = 1;
    for (const d of s) n *= d;
    return { id, layer, role, kind, shape: s, numel: n, dtype: shape.dtype };
  };
}

/** A norm's weight (and LayerNorm bias), role norm. */
function* normTensors(s: ModelShape, l: number, base: string, width: number, t: Emit): Generator<TensorSpec> {
  for (const id of normIds(s, base)) yield t(id, l, 'norm', 'norm', [width]);
}

/** The MLP matrices under `prefix` (gated: gate/up/down; gelu: two fc) and their biases. */
function* mlpTensors(s: ModelShape, l: number, prefix: string, t: Emit): Generator<TensorSpec> {
  for (const m of mlpMatrices(s, prefix)) {
    yield t(`${m.base}.weight`, l, m.role, 'linear', [m.out, m.inp]);
    const b = mlpBias(s, m);
    if (b !== undefined) yield t(b, l, 'bias', 'bias', [m.out]);
  }
}

function* llamaLayer(s: ModelShape, l: number, t: Emit): Generator<TensorSpec> {
  const a = s.attention!;
  const h = s.hiddenSize;
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  const kvv = a.numKvHeads * (a.vHeadDim ?? a.headDim);
  yield* normTensors(s, l, `${p}.input_layernorm`, h, t);
  for (const [name, role, out] of [['q_proj', 'attn_q', q], ['k_proj', 'attn_k', kv], ['v_proj', 'attn_v', kvv]] as const) {
    yield t(`${p}.self_attn.${name}.weight`, l, role, 'linear', [out, h]);
    if (a.qkvBias) yield t(`${p}.self_attn.${name}.bias`, l, 'bias', 'bias', [out]);
  }
  yield t(`${p}.self_attn.o_proj.weight`, l, 'attn_o', 'linear', [h, q]);
  if (a.oBias) yield t(`${p}.self_attn.o_proj.bias`, l, 'bias', 'bias', [h]);
  yield* normTensors(s, l, `${p}.post_attention_layernorm`, h, t);
  yield* mlpTensors(s, l, `${p}.mlp`, t);
}

function* phiLayer(s: ModelShape, l: number, t: Emit): Generator<TensorSpec> {
  const a = s.attention!;
  const h = s.hiddenSize;
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  const kvv = a.numKvHeads * (a.vHeadDim ?? a.headDim);
  yield* normTensors(s, l, `${p}.input_layernorm`, h, t);
  for (const [name, role, out] of [['q_proj', 'attn_q', q], ['k_proj', 'attn_k', kv], ['v_proj', 'attn_v', kvv]] as const) {
    yield t(`${p}.self_attn.${name}.weight`, l, role, 'linear', [out, h]);
    if (a.qkvBias) yield t(`${p}.self_attn.${name}.bias`, l, 'bias', 'bias', [out]);
  }
  yield t(`${p}.self_attn.dense.weight`, l, 'attn_o', 'linear', [h, q]);
  if (a.oBias) yield t(`${p}.self_attn.dense.bias`, l, 'bias', 'bias', [h]);
  yield* mlpTensors(s, l, `${p}.mlp`, t);
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
  yield* normTensors(s, l, `${p}.norm`, h, t);
  yield t(`${p}.mixer.in_proj.weight`, l, 'mamba_in_proj', 'linear', [2 * di, h]);
  if (s.mamba!.projBias) yield t(`${p}.mixer.in_proj.bias`, l, 'bias', 'bias', [2 * di]);
  yield* mambaMixer(s, l, `${p}.mixer`, '', t);
  yield t(`${p}.mixer.out_proj.weight`, l, 'mamba_out_proj', 'linear', [h, di]);
  if (s.mamba!.projBias) yield t(`${p}.mixer.out_proj.bias`, l, 'bias', 'bias', [h]);
}

function* hymbaLayer(s: ModelShape, l: number, t: Emit): Generator<TensorSpec> {
  const a = s.attention!;
  const mb = s.mamba!;
  const h = s.hiddenSize;
  const di = mambaInner(s);
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kvOut = kvRole(s, l).produces ? a.numKvHeads * (a.headDim + (a.vHeadDim ?? a.headDim)) : 0;
  yield t(`${p}.input_layernorm.weight`, l, 'norm', 'norm', [h]);
  yield t(`${p}.mamba.in_proj.weight`, l, 'mamba_in_proj', 'linear', [q + kvOut + 2 * di, h]);
  if (mb.projBias) yield t(`${p}.mamba.in_proj.bias`, l, 'bias', 'bias', [q + kvOut + 2 * di]);
  yield* mambaMixer(s, l, `${p}.mamba`, '.0', t);
  if (mb.innerLayernorms) {
    yield t(`${p}.mamba.dt_layernorm.weight`, l, 'norm', 'norm', [mb.dtRank]);
    yield t(`${p}.mamba.B_layernorm.weight`, l, 'norm', 'norm', [mb.dState]);
    yield t(`${p}.mamba.C_layernorm.weight`, l, 'norm', 'norm', [mb.dState]);
  }
  yield t(`${p}.mamba.pre_avg_layernorm1.weight`, l, 'norm', 'norm', [di]);
  yield t(`${p}.mamba.pre_avg_layernorm2.weight`, l, 'norm', 'norm', [di]);
  yield t(`${p}.mamba.out_proj.weight`, l, 'mamba_out_proj', 'linear', [h, di]);
  if (mb.projBias) yield t(`${p}.mamba.out_proj.bias`, l, 'bias', 'bias', [h]);
  yield t(`${p}.pre_moe_layernorm.weight`, l, 'norm', 'norm', [h]);
  yield* mlpTensors(s, l, `${p}.moe.experts.0`, t);
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
  yield* normTensors(shape, -1, fin, h, t);
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
