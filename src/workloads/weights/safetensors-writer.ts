/**
 * Safetensors writer: header first (offsets from the declared shapes), then each tensor's bytes as
 * the caller produces them, so a model is written tensor by tensor. Deterministic: entries in the
 * given order, header padded with spaces to 8 bytes, written to a temp file then renamed.
 * Also the sharded layout (model-0000i-of-0000N.safetensors + model.safetensors.index.json).
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { f32ToBf16Bits, f32ToF16Bits } from '../quant/float16.js';
import { DTYPE_BYTES, SafetensorsError } from './safetensors.js';

/** A tensor to write: its header entry; the bytes come from the producer. */
export interface TensorToWrite {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
}

/** Produces the little-endian bytes of one tensor (called once per tensor, in order). */
export type TensorProducer = (t: TensorToWrite, index: number) => Uint8Array;

function byteSize(t: TensorToWrite): number {
  const el = DTYPE_BYTES[t.dtype];
  if (el === undefined) throw new Error(`safetensors writer: unknown dtype '${t.dtype}' for '${t.name}'`);
  return t.shape.reduce((a, d) => a * d, 1) * el;
}

/** Serialized header (length prefix + padded JSON) for tensors in order. */
export function safetensorsHeader(tensors: readonly TensorToWrite[], metadata?: Readonly<Record<string, string>>): Uint8Array {
  const h: Record<string, unknown> = {};
  if (metadata && Object.keys(metadata).length > 0) h.__metadata__ = metadata;
  let off = 0;
  for (const t of tensors) {
    if (t.name === '__metadata__' || t.name in h) throw new Error(`safetensors writer: duplicate or reserved tensor name '${t.name}'`);
    const n = byteSize(t);
    h[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [off, off + n] };
    off += n;
  }
  let json = JSON.stringify(h);
  const len = Buffer.byteLength(json, 'utf8');
  json += ' '.repeat((8 - (len % 8)) % 8);
  const body = Buffer.from(json, 'utf8');
  const out = Buffer.alloc(8 + body.length);
  out.writeBigUInt64LE(BigInt(body.length), 0);
  body.copy(out, 8);
  return out;
}

/** Write one .safetensors file, calling `produce` for each tensor in order. Returns bytes written. */
export function writeSafetensors(file: string, tensors: readonly TensorToWrite[], produce: TensorProducer, metadata?: Readonly<Record<string, string>>): number {
  const header = safetensorsHeader(tensors, metadata);
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let pos = 0;
  try {
    try {
      pos += writeSync(fd, header, 0, header.length, pos);
      tensors.forEach((t, i) => {
        const b = produce(t, i);
        if (b.length !== byteSize(t)) throw new SafetensorsError(file, `producer gave ${b.length} bytes for '${t.name}', expected ${byteSize(t)}`);
        let w = 0;
        while (w < b.length) w += writeSync(fd, b, w, b.length - w, pos + w);
        pos += b.length;
      });
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true }); // a failed write leaves no half-written temp file behind
    throw e;
  }
  return pos;
}

/**
 * Write a sharded checkpoint into `dir`: tensors are packed in order into shards of at most
 * `maxShardBytes` data bytes (a larger tensor gets its own shard). Returns the shard file names.
 */
export function writeShardedSafetensors(dir: string, tensors: readonly TensorToWrite[], produce: TensorProducer,
  opts: { maxShardBytes: number; prefix?: string; metadata?: Readonly<Record<string, string>> }): string[] {
  mkdirSync(dir, { recursive: true });
  const prefix = opts.prefix ?? 'model';
  const shards: TensorToWrite[][] = [];
  let cur: TensorToWrite[] = [];
  let curBytes = 0;
  for (const t of tensors) {
    const n = byteSize(t);
    if (cur.length > 0 && curBytes + n > opts.maxShardBytes) { shards.push(cur); cur = []; curBytes = 0; }
    cur.push(t);
    curBytes += n;
  }
  if (cur.length > 0) shards.push(cur);
  const pad = (i: number) => String(i).padStart(5, '0');
  const names = shards.map((_, i) => `${prefix}-${pad(i + 1)}-of-${pad(shards.length)}.safetensors`);
  const weightMap: Record<string, string> = {};
  let total = 0;
  let index = 0;
  shards.forEach((s, i) => {
    writeSafetensors(join(dir, names[i]!), s, (t) => produce(t, index++), opts.metadata);
    for (const t of s) { weightMap[t.name] = names[i]!; total += byteSize(t); }
  });
  const idx = JSON.stringify({ metadata: { total_size: total }, weight_map: weightMap }, null, 2) + '\n';
  const idxFile = join(dir, `${prefix}.safetensors.index.json`);
  writeFileSync(`${idxFile}.tmp-${process.pid}`, idx);
  renameSync(`${idxFile}.tmp-${process.pid}`, idxFile);
  return names;
}

/** float32 values → little-endian bytes of F32, F16 or BF16. */
export function encodeFloat(values: Float32Array, dtype: 'F32' | 'F16' | 'BF16'): Uint8Array {
  if (dtype === 'F32') return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  const u = new Uint16Array(values.length);
  const enc = dtype === 'F16' ? f32ToF16Bits : f32ToBf16Bits;
  for (let i = 0; i < values.length; i++) u[i] = enc(values[i]!);
  return new Uint8Array(u.buffer);
}
