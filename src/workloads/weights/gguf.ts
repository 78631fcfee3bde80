/**
 * GGUF header reader for tensor shapes (local files only; no network): wraps @huggingface/gguf with
 * allowLocalFile. GGML lists dims innermost-first; shapes here are reversed to PyTorch order [out, in].
 */
import { existsSync } from 'node:fs';
import { gguf, GGMLQuantizationType } from '@huggingface/gguf';

/** One tensor as declared in a GGUF header. */
export interface GgufTensor {
  readonly name: string;
  /** PyTorch order (outermost first). */
  readonly shape: readonly number[];
  readonly numel: number;
  /** GGML quantization type name ('F16', 'Q4_0', ...). */
  readonly type: string;
}

export interface GgufHeader {
  readonly file: string;
  readonly version: number;
  readonly architecture: string | undefined;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly tensors: readonly GgufTensor[];
}

/** Read a local GGUF file's header (metadata and tensor shapes). Errors name the file. */
export async function readGgufHeader(file: string): Promise<GgufHeader> {
  if (/^[a-z]+:\/\//i.test(file)) throw new Error(`${file}: only local GGUF files are read (no network access)`);
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  let out;
  try {
    out = await gguf(file, { allowLocalFile: true });
  } catch (e) {
    throw new Error(`${file}: not a readable GGUF header (${(e as Error).message})`);
  }
  const md = out.metadata as unknown as Record<string, unknown>;
  const tensors = out.tensorInfos.map((t) => {
    const shape = t.shape.map((d) => Number(d)).reverse();
    return { name: t.name, shape, numel: shape.reduce((a, d) => a * d, 1), type: GGMLQuantizationType[t.dtype] ?? String(t.dtype) };
  });
  const arch = md['general.architecture'];
  return { file, version: Number(md.version ?? 0), architecture: typeof arch === 'string' ? arch : undefined, metadata: md, tensors };
}
