/**
 * Safetensors reader (format: 8-byte LE header length, JSON header, raw little-endian data;
 * https://github.com/huggingface/safetensors). Streams tensor by tensor with positioned reads, so a
 * checkpoint is never held in memory at once; F32/F16/BF16 decode to Float32Array. Sharded
 * checkpoints via model.safetensors.index.json. Malformed or truncated files fail naming the file.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { bf16BitsToF32, f16BitsToF32 } from '../quant/float16.js';
import { UserError } from '../../config/errors.js';
import { didYouMean } from '../../config/did-you-mean.js';
import { openErrorText } from '../../config/open-error.js';

/** Element size of the safetensors dtypes this reader understands. */
export const DTYPE_BYTES: Readonly<Record<string, number>> = {
  F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1,
};

/** Bad checkpoint: message names the file and what is wrong. Bad input, so the CLI exits 2 with this one line. */
export class SafetensorsError extends UserError {
  /** `detail` says what is wrong; `openFailure` is set (why, in words) when the file could not be opened at all. */
  constructor(readonly file: string, detail: string, readonly openFailure?: string) {
    super(`${file}: ${detail}`);
    this.name = 'SafetensorsError';
  }
}

/** One tensor's header entry; begin/end are absolute file offsets. */
export interface SafetensorsEntry {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly file: string;
  readonly begin: number;
  readonly end: number;
}

const MAX_HEADER = 100 * 1024 * 1024;

/** An open single-file checkpoint. Call close() when done. */
export class SafetensorsFile {
  private fd: number;
  readonly entries: readonly SafetensorsEntry[];
  readonly metadata: Readonly<Record<string, string>>;
  private readonly byName: Map<string, SafetensorsEntry>;

  private constructor(readonly file: string, fd: number, entries: SafetensorsEntry[], metadata: Record<string, string>) {
    this.fd = fd;
    this.entries = entries;
    this.metadata = metadata;
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** Open and validate the header of `file`. */
  static open(file: string): SafetensorsFile {
    if (endianness() !== 'LE') throw new SafetensorsError(file, 'big-endian hosts are not supported');
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (e) {
      throw new SafetensorsError(file, `cannot open (${openErrorText(e)})`, openErrorText(e));
    }
    try {
      const { entries, metadata } = parseHeader(file, fd);
      return new SafetensorsFile(file, fd, entries, metadata);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** Header entry of `name`, or an error listing a few available names. */
  entry(name: string): SafetensorsEntry {
    const e = this.byName.get(name);
    if (!e) throw new SafetensorsError(this.file, `no tensor '${name}' (has ${this.entries.slice(0, 5).map((x) => x.name).join(', ')}${this.entries.length > 5 ? ', ...' : ''})`);
    return e;
  }

  /** Raw little-endian bytes of one tensor (a fresh buffer). */
  readBytes(name: string): Uint8Array {
    const e = this.entry(name);
    const out = new Uint8Array(e.end - e.begin);
    let got = 0;
    while (got < out.length) {
      const n = readSync(this.fd, out, got, out.length - got, e.begin + got);
      if (n === 0) throw new SafetensorsError(this.file, `truncated while reading '${name}' (${got} of ${out.length} bytes)`);
      got += n;
    }
    return out;
  }

  /** One tensor decoded to float32 (F32, F16, BF16 only). */
  readFloat32(name: string): Float32Array {
    const e = this.entry(name);
    return decodeFloat(this.file, e, this.readBytes(name));
  }

  /** Tensors one at a time, in file order (only one is alive per step unless the caller keeps it). */
  *tensors(): Generator<{ entry: SafetensorsEntry; data: Float32Array }> {
    for (const e of this.entries) yield { entry: e, data: this.readFloat32(e.name) };
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** Decode raw bytes of an F32/F16/BF16 tensor to float32. */
export function decodeFloat(file: string, e: Pick<SafetensorsEntry, 'name' | 'dtype'>, b: Uint8Array): Float32Array {
  if (e.dtype === 'F32') return new Float32Array(b.buffer, b.byteOffset, b.length / 4).slice();
  if (e.dtype === 'F16' || e.dtype === 'BF16') {
    const u = new Uint16Array(b.buffer, b.byteOffset, b.length / 2);
    const out = new Float32Array(u.length);
    const dec = e.dtype === 'F16' ? f16BitsToF32 : bf16BitsToF32;
    for (let i = 0; i < u.length; i++) out[i] = dec(u[i]!);
    return out;
  }
  throw new SafetensorsError(file, `tensor '${e.name}' has dtype ${e.dtype}; only F32, F16 and BF16 decode to float`);
}

function parseHeader(file: string, fd: number): { entries: SafetensorsEntry[]; metadata: Record<string, string> } {
  const size = fstatSync(fd).size;
  if (size < 8) throw new SafetensorsError(file, `truncated: ${size} bytes, shorter than the 8-byte header length`);
  const lenBuf = Buffer.alloc(8);
  readSync(fd, lenBuf, 0, 8, 0);
  if (lenBuf.toString('latin1', 0, 4) === 'GGUF') throw new SafetensorsError(file, 'is a GGUF file; expected a safetensors checkpoint (.safetensors, its index .json, or a directory holding either)');
  // compared and quoted as a BigInt: a Number would print 2^62 as 4611686018427388000
  const len = lenBuf.readBigUInt64LE(0);
  if (len > BigInt(MAX_HEADER)) throw new SafetensorsError(file, `malformed: header length ${len} bytes exceeds the ${MAX_HEADER}-byte limit (not a safetensors file?)`);
  const n = Number(len);
  if (8 + n > size) throw new SafetensorsError(file, `truncated: header needs ${8 + n} bytes but the file has ${size}`);
  const hb = Buffer.alloc(n);
  readSync(fd, hb, 0, n, 8);
  let header: unknown;
  try {
    header = JSON.parse(hb.toString('utf8'));
  } catch (e) {
    throw new SafetensorsError(file, `malformed JSON header (${(e as Error).message})`);
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw new SafetensorsError(file, 'malformed: header is not a JSON object');
  const dataStart = 8 + n;
  const dataLen = size - dataStart;
  const entries: SafetensorsEntry[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, v] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.values(v as object).every((x) => typeof x === 'string')) {
        throw new SafetensorsError(file, `malformed: __metadata__ must map strings to strings, found ${JSON.stringify(v)?.slice(0, 60)}`);
      }
      metadata = v as Record<string, string>;
      continue;
    }
    const o = v as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const bad = (what: string) => new SafetensorsError(file, `malformed entry '${name}': ${what}`);
    if (!o || typeof o !== 'object') throw bad('not an object');
    if (typeof o.dtype !== 'string' || !(o.dtype in DTYPE_BYTES)) throw bad(`unknown dtype ${JSON.stringify(o.dtype)}`);
    if (!Array.isArray(o.shape) || !o.shape.every((d) => Number.isInteger(d) && d >= 0)) throw bad(`shape ${JSON.stringify(o.shape)} is not a list of non-negative integers`);
    const off = o.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !off.every((d) => Number.isInteger(d) && d >= 0) || off[0] > off[1]) throw bad(`data_offsets ${JSON.stringify(off)} is not [begin, end]`);
    const numel = (o.shape as number[]).reduce((a, d) => a * d, 1);
    const need = numel * DTYPE_BYTES[o.dtype]!;
    if (off[1] - off[0] !== need) throw bad(`data_offsets span ${off[1] - off[0]} bytes but ${o.dtype}${JSON.stringify(o.shape)} needs ${need}`);
    if (off[1] > dataLen) throw new SafetensorsError(file, `truncated: tensor '${name}' ends at data byte ${off[1]} but the file has only ${dataLen} data bytes`);
    entries.push({ name, dtype: o.dtype, shape: o.shape as number[], file, begin: dataStart + off[0], end: dataStart + off[1] });
  }
  entries.sort((a, b) => a.begin - b.begin || a.name.localeCompare(b.name));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.begin < entries[i - 1]!.end) throw new SafetensorsError(file, `malformed: tensors '${entries[i - 1]!.name}' and '${entries[i]!.name}' overlap`);
  }
  // The format indexes the whole data buffer (no holes, nothing after the last tensor), as the
  // reference reader checks: a gap means the offsets were computed wrongly or the file was cut or padded.
  let at = dataStart;
  for (const e of entries) {
    if (e.begin !== at) throw new SafetensorsError(file, `malformed: data bytes ${at - dataStart}..${e.begin - dataStart} before tensor '${e.name}' belong to no tensor (expected contiguous data_offsets)`);
    at = e.end;
  }
  if (at !== size) throw new SafetensorsError(file, `malformed: ${size - at} bytes after the last tensor's data (expected the data to end at byte ${at - dataStart} of ${dataLen})`);
  return { entries, metadata };
}

/** ':line:col' of the key `name` in an index JSON's text (its first occurrence as a key), or ''. */
function entryPosition(text: string, name: string): string {
  const m = new RegExp(`${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).exec(text);
  if (m === null) return '';
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  return `:${line}:${m.index - before.lastIndexOf('\n')}`;
}

/** A possibly sharded checkpoint: every tensor name → the file holding it. */
export class Checkpoint {
  private readonly files = new Map<string, SafetensorsFile>();
  /**
   * `index`: the index JSON's text and each tensor's shard as written there, so that a shard which
   * cannot be opened is reported at its weight_map entry.
   */
  private constructor(readonly path: string, private readonly weightMap: Map<string, string>, private readonly index?: { text: string; written: Map<string, string> }) {}

  /** Open a .safetensors file, a *.index.json, or a directory holding either. */
  static open(path: string): Checkpoint {
    let p = path;
    if (existsSync(p) && statSync(p).isDirectory()) {
      const idx = join(p, 'model.safetensors.index.json');
      const single = join(p, 'model.safetensors');
      if (existsSync(idx)) p = idx;
      else if (existsSync(single)) p = single;
      else throw new SafetensorsError(path, 'directory has neither model.safetensors.index.json nor model.safetensors');
    }
    const map = new Map<string, string>();
    const written = new Map<string, string>();
    let indexText = '';
    if (p.endsWith('.json')) {
      let text: string;
      let j: unknown;
      try {
        text = readFileSync(p, 'utf8');
      } catch (e) {
        throw new SafetensorsError(p, `cannot open (${openErrorText(e)})`);
      }
      try {
        j = JSON.parse(text) as typeof j;
      } catch (e) {
        throw new SafetensorsError(p, `malformed index JSON (${(e as Error).message})`);
      }
      // a JSON null, list or number parses too: refuse it here rather than fail reading its keys
      const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
      if (!isMap(j)) throw new SafetensorsError(p, `malformed index: expected a JSON object with a 'weight_map' (tensor name → shard file), found ${JSON.stringify(j)?.slice(0, 40)}`);
      if (!isMap(j.weight_map)) throw new SafetensorsError(p, `malformed index: expected 'weight_map' to be an object mapping tensor names to shard files, found ${j.weight_map === undefined ? 'no weight_map' : JSON.stringify(j.weight_map).slice(0, 40)}`);
      const folder = dirname(p);
      for (const [name, shard] of Object.entries(j.weight_map)) {
        if (typeof shard !== 'string' || shard === '') throw new SafetensorsError(`${p}${entryPosition(text, name)}`, `malformed index: weight_map['${name}'] must be a shard file name, found ${JSON.stringify(shard)}`);
        // a shard is a file of the checkpoint's folder (or below it): '../../etc/passwd' or '/etc/passwd'
        // would read outside it. Symbolic links inside the folder are followed (the Hugging Face cache uses them).
        const rel = relative(folder, resolve(folder, shard));
        if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || isAbsolute(shard)) {
          throw new SafetensorsError(`${p}${entryPosition(text, name)}`, `weight_map['${name}']: expected a shard file inside the checkpoint folder ${folder}, found '${shard}' (outside it)`);
        }
        map.set(name, join(folder, shard));
        written.set(name, shard);
      }
      indexText = text;
    } else {
      const f = SafetensorsFile.open(p);
      for (const e of f.entries) map.set(e.name, p);
      const cp = new Checkpoint(p, map);
      cp.files.set(p, f);
      return cp;
    }
    return new Checkpoint(p, map, { text: indexText, written });
  }

  /** Tensor names in shard order then file order. */
  names(): string[] {
    const out: string[] = [];
    for (const shard of [...new Set(this.weightMap.values())]) {
      const first = [...this.weightMap].find(([, s]) => s === shard)?.[0] ?? '';
      for (const e of this.file(shard, first).entries) if (this.weightMap.get(e.name) === shard) out.push(e.name);
    }
    return out;
  }

  /** The open shard file `shard`, which holds tensor `name` (named when the index points at no file). */
  private file(shard: string, name: string): SafetensorsFile {
    let f = this.files.get(shard);
    if (!f) {
      try {
        f = SafetensorsFile.open(shard);
      } catch (e) {
        const idx = this.index;
        if (!(e instanceof SafetensorsError) || e.openFailure === undefined || idx === undefined) throw e;
        // the other shards the index names that do not exist either, so one run lists every missing file
        const others = [...new Set(this.weightMap.values())].filter((s) => s !== shard && !existsSync(s));
        const written = (s: string): string => idx.written.get([...this.weightMap].find(([, v]) => v === s)?.[0] ?? '') ?? s;
        const also = others.length === 0 ? '' : `; the index names ${others.length} more shard${others.length === 1 ? '' : 's'} that do${others.length === 1 ? 'es' : ''} not exist: ${others.slice(0, 5).map((s) => `'${written(s)}'`).join(', ')}${others.length > 5 ? ', …' : ''}`;
        throw new SafetensorsError(`${this.path}${entryPosition(idx.text, name)}`, `weight_map['${name}']: expected a shard file that can be opened, found '${idx.written.get(name) ?? shard}' (${shard}: ${e.openFailure})${also}`);
      }
      this.files.set(shard, f);
    }
    return f;
  }

  private shardOf(name: string): SafetensorsFile {
    const shard = this.weightMap.get(name);
    if (!shard) {
      const dym = didYouMean(name, this.weightMap.keys());
      throw new SafetensorsError(this.path, `no tensor '${name}' in the checkpoint (${dym !== '' ? `${dym} ` : ''}it has ${this.weightMap.size} tensors: ${[...this.weightMap.keys()].slice(0, 3).join(', ')}${this.weightMap.size > 3 ? ', ...' : ''})`);
    }
    const f = this.file(shard, name);
    f.entry(name);
    return f;
  }

  entry(name: string): SafetensorsEntry { return this.shardOf(name).entry(name); }
  readBytes(name: string): Uint8Array { return this.shardOf(name).readBytes(name); }
  readFloat32(name: string): Float32Array { return this.shardOf(name).readFloat32(name); }

  /** Every tensor, one at a time. */
  *tensors(): Generator<{ entry: SafetensorsEntry; data: Float32Array }> {
    for (const n of this.names()) yield { entry: this.entry(n), data: this.readFloat32(n) };
  }

  close(): void {
    for (const f of this.files.values()) f.close();
    this.files.clear();
  }
}
