/**
 * Layer plans of attention-only decoders: Llama/Qwen/SmolLM2 (pre-norm, GQA, SwiGLU; also GELU
 * MLPs and LayerNorms as the shape says) and Phi (one norm feeding parallel attention and the MLP).
 * The MLP and norm tensors come from block-parts.ts, as in the inventory.
 */
import type { ModelShape } from '../model-shape.js';
import { kvRole } from '../model-shape.js';
import { mlpBias, mlpGated, mlpMatrices, normIds } from '../block-parts.js';
import { attention, elementwise, linear, norm, rope, type OpPlan, type PhaseCtx } from './ops.js';

/**
 * The MLP under `prefix`: gated (gate, up, act·mul 5 FLOPs/element for SiLU, 9 for GELU, down) or
 * plain GELU (fc1, gelu 8 FLOPs/element, fc2), with the shape's biases.
 */
export function mlpOps(s: ModelShape, prefix: string, c: PhaseCtx): OpPlan[] {
  const m = s.mlp!;
  const lin = mlpMatrices(s, prefix).map((x) => linear(c, x.name, x.role, `${x.base}.weight`, x.out, x.inp, mlpBias(s, x)));
  if (mlpGated(s)) {
    const act = m.kind === 'geglu' ? elementwise(c, 'gelu_mul', m.intermediateSize, 9, 2) : elementwise(c, 'silu_mul', m.intermediateSize, 5, 2);
    return [lin[0]!, lin[1]!, act, lin[2]!];
  }
  return [lin[0]!, elementwise(c, 'gelu', m.intermediateSize, 8, 1), lin[1]!];
}

/** Llama-family block. */
export function llamaPlan(s: ModelShape, l: number, c: PhaseCtx): OpPlan[] {
  const a = s.attention!;
  const h = s.hiddenSize;
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  const b = (name: string) => (a.qkvBias ? `${p}.self_attn.${name}.bias` : undefined);
  const kr = kvRole(s, l);
  return [
    norm(c, s, 'input_layernorm', normIds(s, `${p}.input_layernorm`), h),
    linear(c, 'q_proj', 'attn_q', `${p}.self_attn.q_proj.weight`, q, h, b('q_proj')),
    linear(c, 'k_proj', 'attn_k', `${p}.self_attn.k_proj.weight`, kv, h, b('k_proj')),
    linear(c, 'v_proj', 'attn_v', `${p}.self_attn.v_proj.weight`, a.numKvHeads * (a.vHeadDim ?? a.headDim), h, b('v_proj')),
    rope(c, s, true),
    attention(c, s, l, kr.producer, kr.produces, kr.window),
    linear(c, 'o_proj', 'attn_o', `${p}.self_attn.o_proj.weight`, h, q, a.oBias ? `${p}.self_attn.o_proj.bias` : undefined),
    elementwise(c, 'residual_attn', h, 1, 2),
    norm(c, s, 'post_attention_layernorm', normIds(s, `${p}.post_attention_layernorm`), h),
    ...mlpOps(s, `${p}.mlp`, c),
    elementwise(c, 'residual_mlp', h, 1, 2),
  ];
}

/** Phi block: x + attn(LN(x)) + mlp(LN(x)). */
export function phiPlan(s: ModelShape, l: number, c: PhaseCtx): OpPlan[] {
  const a = s.attention!;
  const h = s.hiddenSize;
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  const b = (name: string) => (a.qkvBias ? `${p}.self_attn.${name}.bias` : undefined);
  const kr = kvRole(s, l);
  return [
    norm(c, s, 'input_layernorm', normIds(s, `${p}.input_layernorm`), h),
    linear(c, 'q_proj', 'attn_q', `${p}.self_attn.q_proj.weight`, q, h, b('q_proj')),
    linear(c, 'k_proj', 'attn_k', `${p}.self_attn.k_proj.weight`, kv, h, b('k_proj')),
    linear(c, 'v_proj', 'attn_v', `${p}.self_attn.v_proj.weight`, a.numKvHeads * (a.vHeadDim ?? a.headDim), h, b('v_proj')),
    rope(c, s, true),
    attention(c, s, l, kr.producer, kr.produces, kr.window),
    linear(c, 'dense', 'attn_o', `${p}.self_attn.dense.weight`, h, q, a.oBias ? `${p}.self_attn.dense.bias` : undefined),
    ...mlpOps(s, `${p}.mlp`, c),
    elementwise(c, 'residual', h, 2, 3),
  ];
}
