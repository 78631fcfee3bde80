/**
 * Layer plans with a Mamba-1 selective-scan mixer: pure Mamba blocks and Hymba's parallel hybrid
 * blocks (attention heads + SSM side by side, per-branch RMSNorm, average, out_proj, SwiGLU MLP).
 * Scan cost per token and channel: 8 FLOPs per state element + 2 (D skip); gate silu(z)·y 5/elem.
 * Decode reads and writes the conv state (d_inner × d_conv) and SSM state (d_inner × d_state);
 * prefill of a fresh prompt only writes them.
 */
import type { ModelShape } from '../model-shape.js';
import { kvRole, mambaInner } from '../model-shape.js';
import { normIds } from '../block-parts.js';
import { attention, elementwise, linear, norm, rope, rowsOf, type DataMove, type OpPlan, type PhaseCtx } from './ops.js';
import { mlpOps } from './plan-transformer.js';

function stateMoves(c: PhaseCtx, tensor: string, bytes: number): DataMove[] {
  const w: DataMove = { kind: 'stateWrite', tensor, role: 'ssm_state', bytes };
  return c.phase === 'decode' ? [{ kind: 'stateRead', tensor, role: 'ssm_state', bytes }, w] : [w];
}

/** conv1d → x_proj → (inner norms) → dt_proj → scan; `p` is the mixer prefix, `sfx` '.0' for Hymba. */
function mixerCore(s: ModelShape, l: number, c: PhaseCtx, p: string, sfx: string, statePrefix: string): OpPlan[] {
  const mb = s.mamba!;
  const di = mambaInner(s);
  const n = rowsOf(c);
  const B = c.batch;
  const convW = mb.convBias ? [`${p}.conv1d.weight`, `${p}.conv1d.bias`] : [`${p}.conv1d.weight`];
  const ops: OpPlan[] = [
    {
      name: 'conv1d', op: 'conv1d', role: 'mamba_conv', weights: convW,
      flops: n * di * (2 * mb.dConv + 4), actIn: n * di * c.actBytes, actOut: n * di * c.actBytes,
      moves: stateMoves(c, `${statePrefix}.layers.${l}.conv_state`, B * di * mb.dConv * c.stateBytes),
    },
    linear(c, 'x_proj', 'mamba_x_proj', `${p}.x_proj${sfx}.weight`, mb.dtRank + 2 * mb.dState, di),
  ];
  if (mb.innerLayernorms) {
    ops.push(norm(c, s, 'dt_B_C_layernorms', [`${p}.dt_layernorm.weight`, `${p}.B_layernorm.weight`, `${p}.C_layernorm.weight`], mb.dtRank + 2 * mb.dState));
  }
  const dt = linear(c, 'dt_proj', 'mamba_dt_proj', `${p}.dt_proj${sfx}.weight`, di, mb.dtRank, `${p}.dt_proj${sfx}.bias`);
  ops.push({ ...dt, flops: dt.flops + 4 * n * di }); // + softplus
  ops.push({
    name: 'ssm_scan', op: 'ssm_scan', role: 'mamba_other', weights: [`${p}.A_log${sfx}`, `${p}.D${sfx}`],
    flops: n * di * (8 * mb.dState + 2) + 5 * n * di,
    actIn: n * (3 * di + 2 * mb.dState) * c.actBytes, actOut: n * di * c.actBytes,
    moves: stateMoves(c, `${statePrefix}.layers.${l}.ssm_state`, B * di * mb.dState * c.stateBytes),
  });
  return ops;
}

/** Pure Mamba block: norm → in_proj → mixer → out_proj → residual. */
export function mambaPlan(s: ModelShape, l: number, c: PhaseCtx): OpPlan[] {
  const h = s.hiddenSize;
  const di = mambaInner(s);
  const p = `backbone.layers.${l}`;
  const pb = (name: string) => (s.mamba!.projBias ? `${p}.mixer.${name}.bias` : undefined);
  return [
    norm(c, s, 'norm', normIds(s, `${p}.norm`), h),
    linear(c, 'in_proj', 'mamba_in_proj', `${p}.mixer.in_proj.weight`, 2 * di, h, pb('in_proj')),
    ...mixerCore(s, l, c, `${p}.mixer`, '', 'backbone'),
    linear(c, 'out_proj', 'mamba_out_proj', `${p}.mixer.out_proj.weight`, h, di, pb('out_proj')),
    elementwise(c, 'residual', h, 1, 2),
  ];
}

/** Hymba block: fused in_proj → (attention ∥ SSM) → per-branch norms, mean → out_proj → MLP. */
export function hymbaPlan(s: ModelShape, l: number, c: PhaseCtx): OpPlan[] {
  const a = s.attention!;
  const h = s.hiddenSize;
  const di = mambaInner(s);
  const p = `model.layers.${l}`;
  const kr = kvRole(s, l);
  const kvOut = kr.produces ? a.numKvHeads * (a.headDim + (a.vHeadDim ?? a.headDim)) : 0;
  const pb = (name: string) => (s.mamba!.projBias ? `${p}.mamba.${name}.bias` : undefined);
  return [
    norm(c, s, 'input_layernorm', [`${p}.input_layernorm.weight`], h),
    linear(c, 'in_proj', 'mamba_in_proj', `${p}.mamba.in_proj.weight`, a.numHeads * a.headDim + kvOut + 2 * di, h, pb('in_proj')),
    rope(c, s, kr.produces),
    attention(c, s, l, kr.producer, kr.produces, kr.window),
    ...mixerCore(s, l, c, `${p}.mamba`, '.0', 'model'),
    norm(c, s, 'pre_avg_layernorms', [`${p}.mamba.pre_avg_layernorm1.weight`, `${p}.mamba.pre_avg_layernorm2.weight`], 2 * di),
    elementwise(c, 'branch_mean', di, 2, 2),
    linear(c, 'out_proj', 'mamba_out_proj', `${p}.mamba.out_proj.weight`, h, di, pb('out_proj')),
    elementwise(c, 'residual_mixer', h, 1, 2),
    norm(c, s, 'pre_moe_layernorm', [`${p}.pre_moe_layernorm.weight`], h),
    ...mlpOps(s, `${p}.moe.experts.0`, c),
    elementwise(c, 'residual_mlp', h, 1, 2),
  ];
}
