/**
 * Writes small GGUF v3 files laid out as llama.cpp writes llama, qwen2 and phi2 checkpoints
 * (metadata keys and tensor names of ggml/docs/gguf.md), with F16 tensors of zeros.
 */
import { writeFileSync } from 'node:fs';

export interface TinyGguf {
  readonly arch: string;
  readonly hidden: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly ff: number;
  readonly vocab: number;
  readonly tied?: boolean;
  /** Leave these metadata keys out (without the `{arch}.` prefix). */
  readonly omit?: readonly string[];
  /** Extra tensors [name, PyTorch shape]. */
  readonly extra?: ReadonlyArray<readonly [string, readonly number[]]>;
}

type Value = { t: 'str'; v: string } | { t: 'u32'; v: number } | { t: 'f32'; v: number } | { t: 'strs'; v: readonly string[] };

/** Tensor names and PyTorch shapes of a checkpoint of this architecture. */
export function tinyTensors(m: TinyGguf): Array<readonly [string, readonly number[]]> {
  const hd = m.hidden / m.heads, kv = m.kvHeads * hd, h = m.hidden;
  const t: Array<readonly [string, readonly number[]]> = [['token_embd.weight', [m.vocab, h]], ['output_norm.weight', [h]]];
  const phi = m.arch === 'phi2';
  if (phi) t.push(['output_norm.bias', [h]]);
  if (!m.tied) t.push(['output.weight', [m.vocab, h]], ...(phi ? [['output.bias', [m.vocab]] as const] : []));
  for (let l = 0; l < m.layers; l++) {
    const b = `blk.${l}.`;
    if (phi) {
      t.push([`${b}attn_norm.weight`, [h]], [`${b}attn_norm.bias`, [h]], [`${b}attn_qkv.weight`, [h + 2 * kv, h]], [`${b}attn_qkv.bias`, [h + 2 * kv]],
        [`${b}attn_output.weight`, [h, h]], [`${b}attn_output.bias`, [h]], [`${b}ffn_up.weight`, [m.ff, h]], [`${b}ffn_up.bias`, [m.ff]],
        [`${b}ffn_down.weight`, [h, m.ff]], [`${b}ffn_down.bias`, [h]]);
      continue;
    }
    t.push([`${b}attn_norm.weight`, [h]], [`${b}attn_q.weight`, [h, h]], [`${b}attn_k.weight`, [kv, h]], [`${b}attn_v.weight`, [kv, h]]);
    if (m.arch === 'qwen2') t.push([`${b}attn_q.bias`, [h]], [`${b}attn_k.bias`, [kv]], [`${b}attn_v.bias`, [kv]]);
    t.push([`${b}attn_output.weight`, [h, h]], [`${b}ffn_norm.weight`, [h]], [`${b}ffn_gate.weight`, [m.ff, h]], [`${b}ffn_up.weight`, [m.ff, h]], [`${b}ffn_down.weight`, [h, m.ff]]);
  }
  return [...t, ...(m.extra ?? [])];
}

/** Writes the file; returns the number of tensor elements. */
export function writeTinyGguf(file: string, m: TinyGguf): number {
  const kv: Array<[string, Value]> = [
    ['general.architecture', { t: 'str', v: m.arch }], ['general.name', { t: 'str', v: `tiny-${m.arch}` }],
    [`${m.arch}.context_length`, { t: 'u32', v: 2048 }], [`${m.arch}.embedding_length`, { t: 'u32', v: m.hidden }],
    [`${m.arch}.block_count`, { t: 'u32', v: m.layers }], [`${m.arch}.feed_forward_length`, { t: 'u32', v: m.ff }],
    [`${m.arch}.attention.head_count`, { t: 'u32', v: m.heads }], [`${m.arch}.attention.head_count_kv`, { t: 'u32', v: m.kvHeads }],
    [`${m.arch}.attention.${m.arch === 'phi2' ? 'layer_norm_epsilon' : 'layer_norm_rms_epsilon'}`, { t: 'f32', v: 1e-5 }],
    ['tokenizer.ggml.tokens', { t: 'strs', v: Array.from({ length: m.vocab }, (_, i) => `t${i}`) }],
  ];
  const keep = kv.filter(([k]) => !(m.omit ?? []).some((o) => k === `${m.arch}.${o}`));
  const tensors = tinyTensors(m);
  const parts: Buffer[] = [];
  const u32 = (v: number): void => { const b = Buffer.alloc(4); b.writeUInt32LE(v); parts.push(b); };
  const u64 = (v: number): void => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); parts.push(b); };
  const str = (s: string): void => { u64(Buffer.byteLength(s)); parts.push(Buffer.from(s)); };
  parts.push(Buffer.from('GGUF')); u32(3); u64(tensors.length); u64(keep.length);
  for (const [k, v] of keep) {
    str(k);
    if (v.t === 'str') { u32(8); str(v.v); }
    else if (v.t === 'u32') { u32(4); u32(v.v); }
    else if (v.t === 'f32') { u32(6); const b = Buffer.alloc(4); b.writeFloatLE(v.v); parts.push(b); }
    else { u32(9); u32(8); u64(v.v.length); for (const s of v.v) str(s); }
  }
  let offset = 0, numel = 0;
  for (const [name, shape] of tensors) {
    str(name); u32(shape.length);
    for (const d of [...shape].reverse()) u64(d); // GGML order: innermost first
    u32(1); u64(offset); // F16
    const n = shape.reduce((a, d) => a * d, 1);
    numel += n;
    offset += Math.ceil((n * 2) / 32) * 32;
  }
  let b = Buffer.concat(parts);
  b = Buffer.concat([b, Buffer.alloc((32 - (b.length % 32)) % 32), Buffer.alloc(offset)]);
  writeFileSync(file, b);
  return numel;
}
