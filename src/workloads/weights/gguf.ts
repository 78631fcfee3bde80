/**
 * GGUF header reader for tensor shapes (local files only; no network): wraps @huggingface/gguf with
 * allowLocalFile. GGML lists dims innermost-first; shapes here are reversed to PyTorch order [out, in].
 * The library reads past the end of a short file as zeros, so the header and every tensor's data
 * range are checked against the file size here (GGUF spec, ggml/docs/gguf.md; ggml type traits).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { gguf, GGMLQuantizationType } from '@huggingface/gguf';
import { UserError } from '../../config/errors.js';
import { openErrorText } from '../../config/open-error.js';

/** One tensor as declared in a GGUF header. */
export interface GgufTensor {
  readonly name: string;
  /** PyTorch order (outermost first). */
  readonly shape: readonly number[];
  readonly numel: number;
  /** GGML quantization type name ('F16', 'Q4_0', ...). */
  readonly type: string;
  /** GGML type id (ggml_type: 0 F32, 1 F16, 2 Q4_0, ...). */
  readonly typeId: number;
  /** Absolute file offset of the tensor's data (the data section's start plus the tensor's offset). */
  readonly offset: number;
}

export interface GgufHeader {
  readonly file: string;
  readonly version: number;
  readonly architecture: string | undefined;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly tensors: readonly GgufTensor[];
  /** Absolute file offset of the tensor data section (the header's end, padded to the alignment). */
  readonly dataOffset: number;
  /** general.alignment (default 32): tensor offsets are multiples of it. */
  readonly alignment: number;
  /** Byte order of the file (GGUF files are little-endian unless written for a big-endian host). */
  readonly littleEndian: boolean;
}

/** Bad GGUF input: the message names the file and what is wrong (CLI: one line, exit 2). */
export class GgufError extends UserError {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'GgufError';
  }
}

/**
 * [elements per block, bytes per block] of the GGML types whose size is fixed (ggml.c type_traits;
 * the same figures as @huggingface/gguf's GGML_QUANT_SIZES). Other types get the range check of their start only.
 */
const T = GGMLQuantizationType;
const BLOCK: Readonly<Partial<Record<number, readonly [number, number]>>> = {
  [T.F32]: [1, 4], [T.F16]: [1, 2], [T.BF16]: [1, 2], [T.F64]: [1, 8],
  [T.I8]: [1, 1], [T.I16]: [1, 2], [T.I32]: [1, 4], [T.I64]: [1, 8],
  [T.Q4_0]: [32, 18], [T.Q4_1]: [32, 20], [T.Q5_0]: [32, 22], [T.Q5_1]: [32, 24], [T.Q8_0]: [32, 34], [T.Q8_1]: [32, 36],
  [T.Q2_K]: [256, 84], [T.Q3_K]: [256, 110], [T.Q4_K]: [256, 144], [T.Q5_K]: [256, 176], [T.Q6_K]: [256, 210], [T.Q8_K]: [256, 292],
};

/** Fixed part of the header: magic, version (u32), tensor count and metadata count (u64 each). */
const FIXED = 24;
/** Smallest tensor-info record: name length (u64), n_dims (u32), type (u32), offset (u64). */
const MIN_TENSOR_INFO = 24;

/** The file's size and first bytes, or a one-line error (missing, a directory, not GGUF, too short). */
function precheck(file: string): { size: number; tensorCount: bigint } {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new GgufError(file, 'is a directory; expected a GGUF file');
    size = st.size;
  } catch (e) {
    if (e instanceof GgufError) throw e;
    throw new GgufError(file, `cannot open (${openErrorText(e)})`);
  }
  const head = Buffer.alloc(FIXED);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new GgufError(file, `cannot open (${openErrorText(e)})`);
  }
  try {
    readSync(fd, head, 0, FIXED, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 4 || head.toString('latin1', 0, 4) !== 'GGUF') {
    throw new GgufError(file, `not a GGUF file: expected the magic 'GGUF' in its first 4 bytes, found ${JSON.stringify(head.toString('latin1', 0, Math.min(4, size)))}`);
  }
  if (size < FIXED) throw new GgufError(file, `truncated: ${size} bytes, shorter than the ${FIXED}-byte GGUF header start`);
  const tensorCount = head.readBigUInt64LE(8);
  if (tensorCount * BigInt(MIN_TENSOR_INFO) > BigInt(size - FIXED)) {
    throw new GgufError(file, `truncated or malformed: the header declares ${tensorCount} tensors, which need at least ${tensorCount * BigInt(MIN_TENSOR_INFO) + BigInt(FIXED)} bytes, but the file has ${size}`);
  }
  return { size, tensorCount };
}

/** Read a local GGUF file's header (metadata and tensor shapes). Errors are GgufErrors naming the file. */
export async function readGgufHeader(file: string): Promise<GgufHeader> {
  if (/^[a-z]+:\/\//i.test(file)) throw new GgufError(file, 'only local GGUF files are read (no network access)');
  const { size, tensorCount } = precheck(file);
  let out;
  try {
    out = await gguf(file, { allowLocalFile: true });
  } catch (e) {
    throw new GgufError(file, `not a readable GGUF header (${(e as Error).message})`);
  }
  const dataStart = out.tensorDataOffset;
  if (dataStart > BigInt(size)) throw new GgufError(file, `truncated: the header needs ${dataStart} bytes but the file has ${size}`);
  if (BigInt(out.tensorInfos.length) !== tensorCount) throw new GgufError(file, `malformed: the header declares ${tensorCount} tensors but lists ${out.tensorInfos.length}`);
  const dataLen = BigInt(size) - dataStart;
  const seen = new Set<string>();
  const tensors = out.tensorInfos.map((t) => {
    const bad = (what: string): GgufError => new GgufError(file, `malformed tensor '${t.name}': ${what}`);
    if (t.name === '') throw new GgufError(file, 'malformed: a tensor with an empty name');
    if (seen.has(t.name)) throw bad('its name appears twice');
    seen.add(t.name);
    const type = GGMLQuantizationType[t.dtype] as string | undefined;
    if (type === undefined) throw bad(`unknown GGML type ${t.dtype}`);
    const numel = t.shape.reduce((a, d) => a * d, 1n);
    if (numel > BigInt(Number.MAX_SAFE_INTEGER)) throw bad(`${numel} elements is too many`);
    const block = BLOCK[t.dtype];
    if (block !== undefined && (t.shape[0] ?? 1n) % BigInt(block[0]) !== 0n) throw bad(`${type} stores blocks of ${block[0]} elements, but the innermost dimension is ${t.shape[0] ?? 1n}`);
    const end = block === undefined ? t.offset : t.offset + (numel / BigInt(block[0])) * BigInt(block[1]);
    if (t.offset > dataLen || end > dataLen) throw new GgufError(file, `truncated: tensor '${t.name}' ends at data byte ${end} but the file has only ${dataLen} data bytes`);
    const shape = t.shape.map((d) => Number(d)).reverse();
    return { name: t.name, shape, numel: Number(numel), type, typeId: t.dtype, offset: Number(dataStart + t.offset) };
  });
  const md = out.metadata as unknown as Record<string, unknown>;
  const arch = md['general.architecture'];
  const alignment = Number(md['general.alignment'] ?? 32);
  return { file, version: Number(md.version ?? 0), architecture: typeof arch === 'string' ? arch : undefined, metadata: md, tensors, dataOffset: Number(dataStart), alignment, littleEndian: out.littleEndian };
}
