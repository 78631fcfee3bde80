/**
 * Layer plans of attention-only decoders: Llama/Qwen/SmolLM2 (pre-norm, GQA, SwiGLU) and Phi
 * (one LayerNorm feeding parallel attention and fc1-GELU-fc2, biases everywhere).
 */
import type { ModelShape } from '../model-shape.js';
import { kvRole } from '../model-shape.js';
import { attention, elementwise, linear, norm, rope, type OpPlan, type PhaseCtx } from './ops.js';

/** Llama-family block. */
export function llamaPlan(s: ModelShape, l: number, c: PhaseCtx): OpPlan[] {
  const a = s.attention!;
  const m = s.mlp!;
  const h = s.hiddenSize;
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  const b = (name: string) => (a.qkvBias ? `${p}.self_attn.${name}.bias` : undefined);
  const kr = kvRole(s, l);
  return [
    norm(c, s, 'input_layernorm', [`${p}.input_layernorm.weight`], h),
    linear(c, 'q_proj', 'attn_q', `${p}.self_attn.q_proj.weight`, q, h, b('q_proj')),
    linear(c, 'k_proj', 'attn_k', `${p}.self_attn.k_proj.weight`, kv, h, b('k_proj')),
    linear(c, 'v_proj', 'attn_v', `${p}.self_attn.v_proj.weight`, a.numKvHeads * (a.vHeadDim ?? a.headDim), h, b('v_proj')),
    rope(c, s, true),
    attention(c, s, l, kr.producer, kr.produces, kr.window),
    linear(c, 'o_proj', 'attn_o', `${p}.self_attn.o_proj.weight`, h, q, a.oBias ? `${p}.self_attn.o_proj.bias` : undefined),
    elementwise(c, 'residual_attn', h, 1, 2),
    norm(c, s, 'post_attention_layernorm', [`${p}.post_attention_layernorm.weight`], h),
    linear(c, 'gate_proj', 'mlp_gate', `${p}.mlp.gate_proj.weight`, m.intermediateSize, h),
    linear(c, 'up_proj', 'mlp_up', `${p}.mlp.up_proj.weight`, m.intermediateSize, h),
    elementwise(c, 'silu_mul', m.intermediateSize, 5, 2),
    linear(c, 'down_proj', 'mlp_down', `${p}.mlp.down_proj.weight`, h, m.intermediateSize),
    elementwise(c, 'residual_mlp', h, 1, 2),
  ];
}

/** Phi block: x + attn(LN(x)) + mlp(LN(x)). */
export function phiPlan(s: ModelShape, l: number, c: PhaseCtx): OpPlan[] {
  const a = s.attention!;
  const m = s.mlp!;
  const h = s.hiddenSize;
  const p = `model.layers.${l}`;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim;
  const b = (name: string) => (a.qkvBias ? `${p}.self_attn.${name}.bias` : undefined);
  const kr = kvRole(s, l);
  return [
    norm(c, s, 'input_layernorm', [`${p}.input_layernorm.weight`, `${p}.input_layernorm.bias`], h),
    linear(c, 'q_proj', 'attn_q', `${p}.self_attn.q_proj.weight`, q, h, b('q_proj')),
    linear(c, 'k_proj', 'attn_k', `${p}.self_attn.k_proj.weight`, kv, h, b('k_proj')),
    linear(c, 'v_proj', 'attn_v', `${p}.self_attn.v_proj.weight`, kv, h, b('v_proj')),
    rope(c, s, true),
    attention(c, s, l, kr.producer, kr.produces, kr.window),
    linear(c, 'dense', 'attn_o', `${p}.self_attn.dense.weight`, h, q, a.oBias ? `${p}.self_attn.dense.bias` : undefined),
    linear(c, 'fc1', 'mlp_fc1', `${p}.mlp.fc1.weight`, m.intermediateSize, h, m.bias ? `${p}.mlp.fc1.bias` : undefined),
    elementwise(c, 'gelu', m.intermediateSize, 8, 1),
    linear(c, 'fc2', 'mlp_fc2', `${p}.mlp.fc2.weight`, h, m.intermediateSize, m.bias ? `${p}.mlp.fc2.bias` : undefined),
    elementwise(c, 'residual', h, 2, 3),
  ];
}
