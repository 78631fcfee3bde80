/**
 * GGUF tensor reader: one tensor's rows (outermost dimension) dequantized to float32 on demand, with
 * positioned reads of only the bytes those rows occupy (GGUF spec, ggml/docs/gguf.md: data section
 * at the header's end padded to general.alignment; tensor offsets relative to it, multiples of it).
 * Types: gguf-dequant.ts. Unreadable types, misalignment and short files fail naming file and tensor.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { GgufError, readGgufHeader, type GgufHeader, type GgufTensor } from './gguf.js';
import { openErrorText } from '../../config/open-error.js';
import { GGML_FORMATS, readableTypeNames, type GgmlFormat } from './gguf-dequant.js';
import { didYouMean } from '../../config/did-you-mean.js';

/** An open GGUF file whose tensors can be read. Call close() when done. */
export class GgufTensorFile {
  private fd: number;
  private readonly byName: Map<string, GgufTensor>;

  private constructor(readonly header: GgufHeader, fd: number) {
    this.fd = fd;
    this.byName = new Map(header.tensors.map((t) => [t.name, t]));
  }

  get file(): string { return this.header.file; }

  /** Reads and checks the header of `file` (readGgufHeader) and opens it for tensor reads. */
  static async open(file: string): Promise<GgufTensorFile> {
    const header = await readGgufHeader(file);
    if (!header.littleEndian) throw new GgufError(file, 'is a big-endian GGUF file; only little-endian files are read');
    if (!Number.isInteger(header.alignment) || header.alignment <= 0) throw new GgufError(file, `general.alignment: expected a positive integer, found ${String(header.alignment)}`);
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (e) {
      throw new GgufError(file, `cannot open (${openErrorText(e)})`);
    }
    return new GgufTensorFile(header, fd);
  }

  /** The tensor `name`, or undefined. */
  find(name: string): GgufTensor | undefined { return this.byName.get(name); }

  /** The tensor `name`, or a one-line error naming the file, the tensor, `forWhat`, and a near name. */
  tensor(name: string, forWhat = ''): GgufTensor {
    const t = this.byName.get(name);
    if (t !== undefined) return t;
    const dym = didYouMean(name, this.byName.keys());
    const n = this.header.tensors.length;
    throw new GgufError(this.file, `no tensor '${name}'${forWhat} (${dym !== '' ? `${dym} ` : ''}the file has ${n} tensors: ${this.header.tensors.slice(0, 3).map((x) => x.name).join(', ')}${n > 3 ? ', ...' : ''})`);
  }

  /** The format of `t`, or a one-line refusal naming the file, tensor and type; checks the offset's alignment. */
  format(t: GgufTensor): GgmlFormat {
    const f = GGML_FORMATS[t.typeId];
    if (f === undefined) throw new GgufError(this.file, `tensor '${t.name}' is stored as ${t.type}, which this reader cannot dequantize (it reads ${readableTypeNames()})`);
    const rel = t.offset - this.header.dataOffset;
    if (rel % this.header.alignment !== 0) throw new GgufError(this.file, `malformed tensor '${t.name}': its data offset ${rel} is not a multiple of general.alignment ${this.header.alignment}`);
    return f;
  }

  /** Rows [start, start+count) of tensor `name` (PyTorch order: rows are its outermost dimension; a 1-D tensor is one row), as float32. */
  readRows(name: string, start: number, count: number): Float32Array {
    const t = this.tensor(name);
    const f = this.format(t);
    const rows = t.shape.length < 2 ? 1 : t.shape[0]!;
    if (start < 0 || count < 0 || start + count > rows) throw new RangeError(`readRows: rows ${start}..${start + count} of '${name}' (${rows} rows)`);
    const cols = t.numel / rows;
    const rowBytes = (cols / f.blockElems) * f.blockBytes;
    const buf = new Uint8Array(count * rowBytes);
    const at = t.offset + start * rowBytes;
    let got = 0;
    while (got < buf.length) {
      const n = readSync(this.fd, buf, got, buf.length - got, at + got);
      if (n === 0) throw new GgufError(this.file, `truncated while reading tensor '${name}' (${got} of ${buf.length} bytes from byte ${at})`);
      got += n;
    }
    const out = new Float32Array(count * cols);
    f.decode(buf, (count * cols) / f.blockElems, out, 0);
    return out;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
