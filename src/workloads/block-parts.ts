/**
 * Tensor names of the block parts every family shares, so the inventory (inventory.ts) and the
 * layer plans (trace/plan-*.ts) list exactly the same tensors: norms (a LayerNorm has a bias), the
 * MLP (gated swiglu/geglu: gate/up/down; plain gelu: two fc matrices) and its optional biases.
 * Names follow the Hugging Face checkpoints (Llama/Gemma gate_proj…, Phi fc1/fc2, StarCoder2 c_fc/c_proj).
 */
import type { ModelShape } from './model-shape.js';
import type { TensorRole } from './trace/types.js';

/** Parameter ids of the norm `base` (e.g. 'model.layers.3.input_layernorm'): weight, plus bias for LayerNorm. */
export function normIds(s: ModelShape, base: string): string[] {
  return s.norm.kind === 'layernorm' ? [`${base}.weight`, `${base}.bias`] : [`${base}.weight`];
}

/** Whether the MLP is gated (three matrices: gate, up, down). */
export function mlpGated(s: ModelShape): boolean {
  return s.mlp !== undefined && s.mlp.kind !== 'gelu';
}

/** One MLP matrix: its op name, role, tensor base (no .weight) and [out, in] shape. */
export interface MlpMatrix {
  readonly name: string;
  readonly role: TensorRole;
  readonly base: string;
  readonly out: number;
  readonly inp: number;
}

/** The MLP matrices of a block whose MLP lives under `prefix` (e.g. 'model.layers.3.mlp'), in checkpoint order. */
export function mlpMatrices(s: ModelShape, prefix: string): MlpMatrix[] {
  const m = s.mlp!;
  const h = s.hiddenSize;
  const i = m.intermediateSize;
  if (mlpGated(s)) {
    return [
      { name: 'gate_proj', role: 'mlp_gate', base: `${prefix}.gate_proj`, out: i, inp: h },
      { name: 'up_proj', role: 'mlp_up', base: `${prefix}.up_proj`, out: i, inp: h },
      { name: 'down_proj', role: 'mlp_down', base: `${prefix}.down_proj`, out: h, inp: i },
    ];
  }
  const [fc1, fc2] = s.family === 'llama' ? ['c_fc', 'c_proj'] : ['fc1', 'fc2'];
  return [
    { name: fc1!, role: 'mlp_fc1', base: `${prefix}.${fc1!}`, out: i, inp: h },
    { name: fc2!, role: 'mlp_fc2', base: `${prefix}.${fc2!}`, out: h, inp: i },
  ];
}

/** Bias id of an MLP matrix, or undefined when the MLP has no biases. */
export function mlpBias(s: ModelShape, mat: MlpMatrix): string | undefined {
  return s.mlp?.bias === true ? `${mat.base}.bias` : undefined;
}
