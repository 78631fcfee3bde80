/**
 * Model shapes: the architecture numbers of a small language model, as declared in
 * configs/models/*.yaml (values from each model's config.json, see ../shared/reference/models.md).
 * Exact fidelity: the inventory built from a shape reproduces the published tensor list. The schema
 * also checks the blocks a family needs, GQA head counts and the layer indices it names.
 */
import { z } from 'zod';
import { reportIssue } from '../config/schema.js';
import { showFound } from '../units/parse.js';

/** Architecture family; decides which tensors exist per layer (inventory.ts). */
export type ModelFamily = 'llama' | 'phi' | 'hymba' | 'mamba';

const attentionSchema = z.strictObject({
  numHeads: z.number().int().positive(),
  numKvHeads: z.number().int().positive(),
  /** Q/K head dimension. */
  headDim: z.number().int().positive(),
  /** V head dimension when it differs from headDim (Hymba: 128). */
  vHeadDim: z.number().int().positive().optional(),
  qkvBias: z.boolean().default(false),
  oBias: z.boolean().default(false),
  /** Whether the block has an output projection (Hymba folds it into mamba.out_proj). */
  oProj: z.boolean().default(true),
  /** Sliding-window length in tokens for non-global layers (absent = all layers global). */
  slidingWindow: z.number().int().positive().optional(),
  /** Layers with full attention when slidingWindow is set. */
  globalLayers: z.array(z.number().int().nonnegative()).optional(),
  /** Cross-layer KV sharing: first index of each group produces K/V, the rest reuse it. */
  kvReuseGroups: z.array(z.array(z.number().int().nonnegative()).min(2)).optional(),
  /** Hymba: SWA layers also attend to the meta tokens (assumption, overridable). */
  metaTokensAlwaysVisible: z.boolean().default(true),
});

const mlpSchema = z.strictObject({
  /** Gated swiglu / geglu (Gemma): gate_proj, up_proj, down_proj; plain gelu: two fc matrices (Phi fc1/fc2, llama family c_fc/c_proj). */
  kind: z.enum(['swiglu', 'geglu', 'gelu']),
  /** Biases on every MLP matrix. */
  intermediateSize: z.number().int().positive(),
  bias: z.boolean().default(false),
});

const mambaSchema = z.strictObject({
  dState: z.number().int().positive(),
  dConv: z.number().int().positive(),
  expand: z.number().int().positive(),
  dtRank: z.number().int().positive(),
  convBias: z.boolean(),
  projBias: z.boolean(),
  /** Hymba: RMSNorms on dt, B and C plus two pre-average norms. */
  innerLayernorms: z.boolean().default(false),
});

const COUNT_SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };
const PUBLISHED_PARAMS = "a positive parameter count: a whole number (1520000000) or a number with a suffix K, M, B or T ('1.52B', '130M')";

/**
 * The published parameter count (documentation only, kept as written): a positive whole number, or
 * a positive number with a K/M/B/T suffix. Anything else ('3.5 kg', -1, a list) is refused at the key.
 */
const publishedParamsSchema = z.union([z.number(), z.string()], { error: PUBLISHED_PARAMS }).superRefine((v, ctx) => {
  if (publishedCount(v) === undefined) reportIssue(ctx, PUBLISHED_PARAMS, showFound(v));
});

/** The count `publishedParams` stands for (1.52B → 1.52e9), or undefined if it is not a positive count. */
export function publishedCount(v: number | string): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 1 ? v : undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([KMBT])?$/.exec(v.trim());
  if (m === null) return undefined;
  const n = Number(m[1]) * (m[2] === undefined ? 1 : (COUNT_SUFFIX[m[2]] ?? NaN));
  return Number.isFinite(n) && n >= 1 && (m[2] !== undefined || Number.isInteger(n)) ? n : undefined;
}

/** zod schema of a configs/models/*.yaml file. */
export const modelShapeSchema = z.strictObject({
  name: z.string().min(1),
  hfId: z.string().min(1),
  family: z.enum(['llama', 'phi', 'hymba', 'mamba']),
  source: z.string().min(1),
  publishedParams: publishedParamsSchema.optional(),
  hiddenSize: z.number().int().positive(),
  numLayers: z.number().int().positive(),
  vocabSize: z.number().int().positive(),
  tieWordEmbeddings: z.boolean(),
  lmHeadBias: z.boolean().default(false),
  maxPositionEmbeddings: z.number().int().positive().optional(),
  dtype: z.enum(['bf16', 'fp16', 'fp32']).default('bf16'),
  norm: z.strictObject({ kind: z.enum(['rmsnorm', 'layernorm']), eps: z.number().positive() }),
  attention: attentionSchema.optional(),
  mlp: mlpSchema.optional(),
  mamba: mambaSchema.optional(),
  /** Learnable meta tokens prepended to every prompt (Hymba: 128). */
  metaTokens: z.number().int().nonnegative().default(0),
}).superRefine((s, ctx) => {
  // Cross-field checks, each at the key it concerns (validate and loadModelFile both run them).
  const needs = { attention: s.family !== 'mamba', mlp: s.family !== 'mamba', mamba: s.family === 'mamba' || s.family === 'hymba' };
  for (const [block, needed] of Object.entries(needs) as [keyof typeof needs, boolean][]) {
    if (needed && s[block] === undefined) reportIssue(ctx, `${block === 'mamba' ? 'a' : 'an'} ${block}: block (family ${s.family} needs one)`, 'nothing (the key is missing)', [block]);
    if (!needed && s[block] !== undefined) reportIssue(ctx, `no ${block}: block (family ${s.family} has none; it would be ignored)`, 'a map', [block]);
  }
  if (s.tieWordEmbeddings && s.lmHeadBias) {
    reportIssue(ctx, 'lmHeadBias: false with tieWordEmbeddings: true (a tied head is the embedding, which has no bias)', 'true', ['lmHeadBias']);
  }
  if (s.family === 'hymba' && s.norm.kind !== 'rmsnorm') {
    reportIssue(ctx, 'rmsnorm (family hymba is modelled with RMSNorms only)', `'${s.norm.kind}'`, ['norm', 'kind']);
  }
  const a = s.attention;
  if (a === undefined) return;
  if (!a.oProj && s.family !== 'hymba') {
    reportIssue(ctx, `oProj: true (only family hymba folds the attention output projection into mamba.out_proj; family ${s.family} always has one)`, 'false', ['attention', 'oProj']);
  }
  if (a.numHeads % a.numKvHeads !== 0) {
    reportIssue(ctx, `a divisor of numHeads (${a.numHeads}): each KV head serves a whole group of query heads`, String(a.numKvHeads), ['attention', 'numKvHeads']);
  }
  const layer = (l: number, path: (string | number)[]): void => {
    if (l >= s.numLayers) reportIssue(ctx, `a layer index < numLayers (${s.numLayers})`, String(l), ['attention', ...path]);
  };
  (a.globalLayers ?? []).forEach((l, i) => layer(l, ['globalLayers', i]));
  const group = new Map<number, number>();
  (a.kvReuseGroups ?? []).forEach((g, gi) => g.forEach((l, j) => {
    layer(l, ['kvReuseGroups', gi, j]);
    const first = group.get(l);
    if (first !== undefined) reportIssue(ctx, 'a layer in one KV-reuse group only, once', `layer ${l} again (also in kvReuseGroups[${first}])`, ['attention', 'kvReuseGroups', gi, j]);
    else group.set(l, gi);
  }));
});

/** A validated model shape. `file` is where it was loaded from (or '<inline>'). */
export type ModelShape = z.infer<typeof modelShapeSchema> & { readonly file: string };

/** Hymba-style layer role for KV: producer (own K/V), consumer (reuses `producer`'s), or none. */
export interface KvRole {
  readonly produces: boolean;
  /** Layer whose KV cache this layer reads; -1 when the layer has no attention. */
  readonly producer: number;
  /** Window in tokens, or Infinity for full attention. */
  readonly window: number;
}

/** KV role of `layer` under the shape's sharing and sliding-window rules. */
export function kvRole(shape: ModelShape, layer: number): KvRole {
  const a = shape.attention;
  if (!a) return { produces: false, producer: -1, window: 0 };
  const global = a.slidingWindow === undefined || (a.globalLayers ?? []).includes(layer);
  const window = global ? Infinity : (a.slidingWindow ?? Infinity);
  for (const g of a.kvReuseGroups ?? []) {
    const first = g[0]!;
    if (g.includes(layer) && layer !== first) return { produces: false, producer: first, window };
  }
  return { produces: true, producer: layer, window };
}

/** Mamba inner width (expand × hidden). */
export function mambaInner(shape: ModelShape): number {
  return (shape.mamba?.expand ?? 0) * shape.hiddenSize;
}
