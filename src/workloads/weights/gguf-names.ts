/**
 * Hugging Face tensor names (the inventory's ids) → llama.cpp GGUF tensor names (llama.cpp's
 * tensor-name table, gguf-py constants: token_embd, blk.N.attn_q, ffn_gate, output_norm, output ...)
 * for the architectures gguf-shape.ts reads: llama, qwen2 (family llama) and phi2 (family phi; q/k/v
 * either separate or fused in blk.N.attn_qkv, whose rows are q, then k, then v).
 *
 * RoPE row order: llama.cpp's converter (convert_hf_to_gguf.py, LlamaModel) permutes the rows of
 * q_proj and k_proj (weights and biases) of architecture `llama` within each head, from Hugging Face's
 * [first half | second half] rotary layout to interleaved pairs: HF row j·(d/2) + i of a head of d
 * rows is GGUF row 2i + j. qwen2 and phi2 are stored unpermuted. A row permutation changes no row's
 * values, so row-wise statistics and per-row (per-group along a row) quantization error are the same
 * either way; the reader still undoes it (ggufRowOf) so that row r, and `weights.maxRows`'s first
 * rows, are the Hugging Face checkpoint's rows.
 */

/** Where an HF tensor's rows are in a GGUF file. */
export interface GgufLocation {
  /** GGUF tensor name. */
  readonly tensor: string;
  /** First row within that tensor (non-zero for k and v in a fused attn_qkv). */
  readonly rowStart: number;
  /** Whether the tensor is phi2's fused attn_qkv, of which the HF tensor is the rows from rowStart. */
  readonly fused: boolean;
  /** Rows per head when the rows are RoPE-permuted (llama q/k), else undefined. */
  readonly permutedHeadRows?: number;
}

const PLAIN: ReadonlyArray<readonly [RegExp, string]> = [
  [/^model\.embed_tokens\.weight$/, 'token_embd.weight'],
  [/^model\.norm\.weight$/, 'output_norm.weight'],
  [/^model\.final_layernorm\.(weight|bias)$/, 'output_norm.$1'],
  [/^lm_head\.(weight|bias)$/, 'output.$1'],
  [/^model\.layers\.(\d+)\.input_layernorm\.(weight|bias)$/, 'blk.$1.attn_norm.$2'],
  [/^model\.layers\.(\d+)\.post_attention_layernorm\.weight$/, 'blk.$1.ffn_norm.weight'],
  [/^model\.layers\.(\d+)\.self_attn\.(?:o_proj|dense)\.(weight|bias)$/, 'blk.$1.attn_output.$2'],
  [/^model\.layers\.(\d+)\.mlp\.gate_proj\.(weight|bias)$/, 'blk.$1.ffn_gate.$2'],
  [/^model\.layers\.(\d+)\.mlp\.(?:up_proj|fc1|c_fc)\.(weight|bias)$/, 'blk.$1.ffn_up.$2'],
  [/^model\.layers\.(\d+)\.mlp\.(?:down_proj|fc2|c_proj)\.(weight|bias)$/, 'blk.$1.ffn_down.$2'],
];

const QKV = /^model\.layers\.(\d+)\.self_attn\.([qkv])_proj\.(weight|bias)$/;

/** Attention geometry needed to locate q/k/v rows: head counts and head dimension. */
export interface GgufAttention {
  readonly arch: string;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
}

/**
 * The GGUF location of HF tensor `id`, or undefined when no llama.cpp name corresponds. `has` says
 * whether the file holds a tensor (to choose separate attn_q/k/v or the fused attn_qkv).
 */
export function ggufLocation(id: string, a: GgufAttention, has: (name: string) => boolean): GgufLocation | undefined {
  for (const [re, to] of PLAIN) if (re.test(id)) return { tensor: id.replace(re, to), rowStart: 0, fused: false };
  const m = QKV.exec(id);
  if (m === null) return undefined;
  const [, layer, which, part] = m as unknown as [string, string, 'q' | 'k' | 'v', string];
  const separate = `blk.${layer}.attn_${which}.${part}`;
  const fused = `blk.${layer}.attn_qkv.${part}`;
  if (!has(separate) && has(fused)) {
    const q = a.heads * a.headDim, kv = a.kvHeads * a.headDim;
    return { tensor: fused, rowStart: which === 'q' ? 0 : which === 'k' ? q : q + kv, fused: true };
  }
  const permuted = a.arch === 'llama' && which !== 'v';
  return permuted ? { tensor: separate, rowStart: 0, fused: false, permutedHeadRows: a.headDim } : { tensor: separate, rowStart: 0, fused: false };
}

/** GGUF row (within the tensor) holding HF row `r` of a RoPE-permuted q/k tensor with heads of `d` rows. */
export function ggufRowOf(r: number, d: number): number {
  const head = Math.floor(r / d), w = r % d, halfD = d / 2;
  return head * d + 2 * (w % halfD) + Math.floor(w / halfD);
}
