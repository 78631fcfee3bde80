/**
 * Per-layer operation plans: what one block does for N = batch × tokens rows, as data (op kind,
 * weights read, FLOPs, activation/KV/state bytes). Analytic counts: GEMM 2·N·out·in FLOPs,
 * norms ~4–6 FLOPs/element, attention (2·d_k + 2·d_v + 5)·positions per head; see
 * docs/workload-trace-format.md for every formula.
 */
import type { TensorRole } from './types.js';
import type { ModelShape } from '../model-shape.js';

/** A data movement other than weights: KV cache, recurrent state. */
export interface DataMove {
  readonly kind: 'kvRead' | 'kvWrite' | 'stateRead' | 'stateWrite';
  readonly tensor: string;
  readonly role: TensorRole;
  readonly bytes: number;
  readonly positions?: number;
}

/** One operation of a layer. */
export interface OpPlan {
  readonly name: string;
  readonly op: 'gemv' | 'gemm' | 'attention' | 'ssm_scan' | 'conv1d' | 'norm' | 'elementwise' | 'embedding';
  readonly role: TensorRole;
  /** Weight tensors streamed in full by this op. */
  readonly weights: readonly string[];
  /** Tensor read partially: `rows` of its rows (embedding lookup). */
  readonly gather?: { readonly tensor: string; readonly rows: number };
  readonly flops: number;
  readonly actIn: number;
  readonly actOut: number;
  readonly moves: readonly DataMove[];
}

/** Phase parameters shared by all plans. */
export interface PhaseCtx {
  readonly phase: 'decode' | 'prefill';
  readonly batch: number;
  /** Tokens processed per sequence this step: 1 (decode) or prompt + meta tokens (prefill). */
  readonly tokens: number;
  /** Decode: tokens already in context (excluding meta tokens). Prefill: 0. */
  readonly contextLength: number;
  readonly actBytes: number;
  readonly kvBytes: number;
  readonly stateBytes: number;
}

/** Rows processed by a linear op. */
export const rowsOf = (c: PhaseCtx): number => c.batch * c.tokens;

/** GEMV for one row per weight pass, GEMM otherwise. */
export function linear(c: PhaseCtx, name: string, role: TensorRole, weight: string, out: number, inp: number, bias?: string): OpPlan {
  const n = rowsOf(c);
  return {
    name, op: n === 1 ? 'gemv' : 'gemm', role, weights: bias ? [weight, bias] : [weight],
    flops: 2 * n * out * inp + (bias ? n * out : 0), actIn: n * inp * c.actBytes, actOut: n * out * c.actBytes, moves: [],
  };
}

/** RMSNorm (4 FLOPs/element) or LayerNorm (6) over `width`. */
export function norm(c: PhaseCtx, s: ModelShape, name: string, weights: string[], width: number): OpPlan {
  const n = rowsOf(c);
  const per = s.norm.kind === 'layernorm' ? 6 : 4;
  return { name, op: 'norm', role: 'norm', weights, flops: per * n * width, actIn: n * width * c.actBytes, actOut: n * width * c.actBytes, moves: [] };
}

/** Element-wise op reading `inputs` tensors of `width` and writing one. */
export function elementwise(c: PhaseCtx, name: string, width: number, flopsPerElem: number, inputs: number): OpPlan {
  const n = rowsOf(c);
  return { name, op: 'elementwise', role: 'activation', weights: [], flops: flopsPerElem * n * width, actIn: inputs * n * width * c.actBytes, actOut: n * width * c.actBytes, moves: [] };
}

/** Visible key positions for the query at 1-based position i (meta tokens occupy 1..meta). */
export function visible(i: number, window: number, meta: number, metaAlways: boolean): number {
  if (!Number.isFinite(window)) return i;
  return Math.min(i, window) + (metaAlways ? Math.min(meta, Math.max(0, i - window)) : 0);
}

/**
 * Attention of one layer. `producer` is the layer whose cache is read; `writes` whether this layer
 * stores its own K/V. Decode reads visible−1 cached positions (the new K/V is on chip) and writes 1;
 * prefill (flash-style tiling) reads each stored position once and writes every position.
 */
export function attention(c: PhaseCtx, s: ModelShape, layer: number, producer: number, writes: boolean, window: number): OpPlan {
  const a = s.attention!;
  const dv = a.vHeadDim ?? a.headDim;
  const meta = s.metaTokens;
  const metaAlways = a.metaTokensAlwaysVisible;
  const kPos = a.numKvHeads * a.headDim * c.kvBytes;
  const vPos = a.numKvHeads * dv * c.kvBytes;
  const pre = s.family === 'mamba' ? 'backbone' : 'model';
  const kT = `${pre}.layers.${producer}.k_cache`;
  const vT = `${pre}.layers.${producer}.v_cache`;
  let qk = 0;
  let readPos: number;
  let writePos: number;
  if (c.phase === 'decode') {
    const i = meta + c.contextLength + 1;
    qk = visible(i, window, meta, metaAlways);
    readPos = qk - 1;
    writePos = 1;
  } else {
    for (let i = 1; i <= c.tokens; i++) qk += visible(i, window, meta, metaAlways);
    readPos = c.tokens;
    writePos = c.tokens;
  }
  const B = c.batch;
  const moves: DataMove[] = [
    { kind: 'kvRead', tensor: kT, role: 'kv_cache', bytes: B * readPos * kPos, positions: readPos },
    { kind: 'kvRead', tensor: vT, role: 'kv_cache', bytes: B * readPos * vPos, positions: readPos },
  ];
  if (writes) {
    moves.push({ kind: 'kvWrite', tensor: `${pre}.layers.${layer}.k_cache`, role: 'kv_cache', bytes: B * writePos * kPos, positions: writePos });
    moves.push({ kind: 'kvWrite', tensor: `${pre}.layers.${layer}.v_cache`, role: 'kv_cache', bytes: B * writePos * vPos, positions: writePos });
  }
  const n = rowsOf(c);
  return {
    name: 'attention', op: 'attention', role: 'kv_cache', weights: [],
    flops: B * a.numHeads * qk * (2 * a.headDim + 2 * dv + 5),
    // q (heads × d_k), k (kv heads × d_k) and v (kv heads × d_v: Hymba's d_v 128 ≠ d_k 64)
    actIn: n * (a.numHeads * a.headDim + a.numKvHeads * (a.headDim + dv)) * c.actBytes,
    actOut: n * a.numHeads * dv * c.actBytes,
    moves,
  };
}

/** RoPE on q and (when produced) k: ~6 FLOPs per rotated element. */
export function rope(c: PhaseCtx, s: ModelShape, withK: boolean): OpPlan {
  const a = s.attention!;
  return elementwise(c, 'rope', (a.numHeads + (withK ? a.numKvHeads : 0)) * a.headDim, 6, 1);
}
