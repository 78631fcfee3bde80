/**
 * Writes small GGUF v3 files laid out as llama.cpp writes llama, qwen2 and phi2 checkpoints
 * (metadata keys and tensor names of ggml/docs/gguf.md), with F16 tensors of zeros unless `data`
 * gives each tensor's type and bytes; `writeGguf` writes any metadata and tensors.
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
  /** Each tensor's GGML type id and data bytes (default: F16 zeros). */
  readonly data?: (name: string, shape: readonly number[]) => { readonly type: number; readonly bytes: Uint8Array };
  /** general.alignment to write (default: the key is absent, so 32). */
  readonly alignment?: number;
  /** Split q/k/v of phi2 into attn_q/attn_k/attn_v instead of the fused attn_qkv. */
  readonly splitQkv?: boolean;
}

export type Value = { t: 'str'; v: string } | { t: 'u32'; v: number } | { t: 'f32'; v: number } | { t: 'strs'; v: readonly string[] };

/** One tensor to write: PyTorch shape, GGML type id, data bytes. */
export interface TensorToWrite {
  readonly name: string;
  readonly shape: readonly number[];
  readonly type: number;
  readonly bytes: Uint8Array;
}

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
      t.push([`${b}attn_norm.weight`, [h]], [`${b}attn_norm.bias`, [h]]);
      if (m.splitQkv) t.push([`${b}attn_q.weight`, [h, h]], [`${b}attn_q.bias`, [h]], [`${b}attn_k.weight`, [kv, h]], [`${b}attn_k.bias`, [kv]], [`${b}attn_v.weight`, [kv, h]], [`${b}attn_v.bias`, [kv]]);
      else t.push([`${b}attn_qkv.weight`, [h + 2 * kv, h]], [`${b}attn_qkv.bias`, [h + 2 * kv]]);
      t.push([`${b}attn_output.weight`, [h, h]], [`${b}attn_output.bias`, [h]], [`${b}ffn_up.weight`, [m.ff, h]], [`${b}ffn_up.bias`, [m.ff]],
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
  const tensors = tinyTensors(m).map(([name, shape]): TensorToWrite => {
    const d = m.data?.(name, shape);
    return { name, shape, type: d?.type ?? 1, bytes: d?.bytes ?? new Uint8Array(2 * shape.reduce((a, x) => a * x, 1)) };
  });
  writeGguf(file, keep, tensors, m.alignment ?? 32);
  return tensors.reduce((a, t) => a + t.shape.reduce((x, y) => x * y, 1), 0);
}

/**
 * Writes a GGUF v3 file: the metadata `kv` (plus general.alignment when `alignment` is not the
 * default 32), then tensor infos, then each tensor's bytes at an offset aligned to `alignment`.
 */
export function writeGguf(file: string, kv: ReadonlyArray<readonly [string, Value]>, tensors: readonly TensorToWrite[], alignment = 32): void {
  const keep = alignment === 32 ? kv : [...kv, ['general.alignment', { t: 'u32', v: alignment }] as const];
  const pad = (n: number): number => Math.ceil(n / alignment) * alignment;
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
  let offset = 0;
  for (const t of tensors) {
    str(t.name); u32(t.shape.length);
    for (const d of [...t.shape].reverse()) u64(d); // GGML order: innermost first
    u32(t.type); u64(offset);
    offset += pad(t.bytes.length);
  }
  const head = Buffer.concat(parts);
  const data = Buffer.alloc(offset);
  let at = 0;
  for (const t of tensors) { data.set(t.bytes, at); at += pad(t.bytes.length); }
  writeFileSync(file, Buffer.concat([head, Buffer.alloc(pad(head.length) - head.length), data]));
}
