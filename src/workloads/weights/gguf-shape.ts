/**
 * A model shape (configs/models format) derived from a GGUF header: the architecture's metadata
 * keys and the tensors present (llama.cpp's GGUF conventions, ggml/docs/gguf.md: `{arch}.block_count`,
 * `{arch}.embedding_length`, `{arch}.attention.head_count_kv`, `token_embd.weight`, `output.weight`,
 * `blk.N.attn_q.bias` ...). Decoder architectures llama, qwen2 (family llama) and phi2 (family phi);
 * others are refused by name. Every value comes from the file; none is defaulted silently.
 */
import { basename } from 'node:path';
import { GgufError, type GgufHeader } from './gguf.js';

/** GGUF `general.architecture` values read here, and the configs/models family each becomes. */
export const GGUF_ARCHITECTURES: Readonly<Record<string, 'llama' | 'phi'>> = { llama: 'llama', qwen2: 'llama', phi2: 'phi' };

/** The storage types of the float checkpoints a model file's `dtype` can name. */
const DTYPE_OF_TYPE: Readonly<Record<string, 'fp16' | 'bf16' | 'fp32'>> = { F16: 'fp16', BF16: 'bf16', F32: 'fp32' };

export interface GgufShape {
  /** The model file's fields, in configs/models order (validated by the caller with modelShapeSchema). */
  readonly shape: Record<string, unknown>;
  /** Elements over every tensor of the file (the checkpoint's parameter count). */
  readonly fileParams: number;
  /** GGML type of the token embedding (a quantized type when the checkpoint is quantized). */
  readonly storage: string;
}

/** The shortest decimal that reads back as the same float32 (GGUF stores epsilons as float32: 1e-5, not 0.0000099999997). */
function float32Text(v: number): number {
  for (let p = 1; p <= 9; p++) {
    const d = Number(v.toPrecision(p));
    if (Math.fround(d) === v) return d;
  }
  return v;
}

/** Derives the model shape of a GGUF file from its header. */
export function modelShapeFromGguf(h: GgufHeader): GgufShape {
  const arch = h.architecture;
  const family = arch === undefined ? undefined : GGUF_ARCHITECTURES[arch];
  if (family === undefined) {
    throw new GgufError(h.file, `general.architecture ${arch === undefined ? 'is missing' : `'${arch}'`}; expected one of ${Object.keys(GGUF_ARCHITECTURES).join(', ')} (decoder architectures a model shape can be derived from)`);
  }
  const md = h.metadata;
  const tensors = new Map(h.tensors.map((t) => [t.name, t]));
  const num = (key: string, required = true): number | undefined => {
    const v = md[`${arch}.${key}`];
    const n = typeof v === 'bigint' ? Number(v) : v;
    if (typeof n === 'number' && Number.isFinite(n) && n > 0) return n;
    if (v === undefined && !required) return undefined;
    throw new GgufError(h.file, `metadata ${arch}.${key}: expected a positive number, found ${v === undefined ? 'nothing (the key is missing)' : JSON.stringify(typeof v === 'bigint' ? String(v) : v)}`);
  };
  const tensor = (name: string): { shape: readonly number[]; type: string } => {
    const t = tensors.get(name);
    if (t === undefined) throw new GgufError(h.file, `tensor '${name}' is missing; a ${arch} checkpoint has one`);
    return t;
  };
  const hidden = num('embedding_length')!;
  const layers = num('block_count')!;
  const heads = num('attention.head_count')!;
  const kvHeads = num('attention.head_count_kv', false) ?? heads;
  const headDim = num('attention.key_length', false) ?? hidden / heads;
  if (!Number.isInteger(headDim)) throw new GgufError(h.file, `${arch}.embedding_length ${hidden} is not a multiple of ${arch}.attention.head_count ${heads} and ${arch}.attention.key_length is missing`);
  const embd = tensor('token_embd.weight');
  const tokens = md['tokenizer.ggml.tokens'];
  const vocab = num('vocab_size', false) ?? (Array.isArray(tokens) ? tokens.length : embd.shape[0]!);
  const ctx = num('context_length', false);
  const eps = family === 'llama' ? num('attention.layer_norm_rms_epsilon')! : num('attention.layer_norm_epsilon')!;
  const dtype = DTYPE_OF_TYPE[embd.type];
  const name = typeof md['general.name'] === 'string' && md['general.name'] !== '' ? md['general.name'] : basename(h.file).replace(/\.gguf$/i, '');
  const repo = md['general.source.huggingface.repository'];
  const shape: Record<string, unknown> = {
    name,
    hfId: typeof repo === 'string' && repo !== '' ? repo : `gguf:${basename(h.file)}`,
    family,
    source: `GGUF header of ${basename(h.file)} (general.architecture ${arch}${dtype === undefined ? `; tensors stored as ${embd.type}: shapes only, dtype below is the unquantized model's assumed fp16` : ''})`,
    hiddenSize: hidden,
    numLayers: layers,
    vocabSize: vocab,
    tieWordEmbeddings: !tensors.has('output.weight'),
    ...(tensors.has('output.bias') ? { lmHeadBias: true } : {}),
    ...(ctx !== undefined ? { maxPositionEmbeddings: ctx } : {}),
    dtype: dtype ?? 'fp16',
    norm: { kind: family === 'llama' ? 'rmsnorm' : 'layernorm', eps: float32Text(eps) },
  };
  if (family === 'llama') {
    shape.attention = { numHeads: heads, numKvHeads: kvHeads, headDim, qkvBias: tensors.has('blk.0.attn_q.bias') };
    if (!tensors.has('blk.0.ffn_gate.weight')) throw new GgufError(h.file, `tensor 'blk.0.ffn_gate.weight' is missing; a ${arch} checkpoint has a gated (SwiGLU) MLP`);
    shape.mlp = { kind: 'swiglu', intermediateSize: num('feed_forward_length')! };
  } else {
    shape.attention = { numHeads: heads, numKvHeads: kvHeads, headDim, qkvBias: tensors.has('blk.0.attn_qkv.bias') || tensors.has('blk.0.attn_q.bias'), oBias: tensors.has('blk.0.attn_output.bias') };
    shape.mlp = { kind: 'gelu', intermediateSize: num('feed_forward_length')!, bias: tensors.has('blk.0.ffn_up.bias') };
  }
  return { shape, fileParams: h.tensors.reduce((a, t) => a + t.numel, 0), storage: embd.type };
}
