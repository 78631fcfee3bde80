/**
 * A WeightSource reading the inventory's tensors (Hugging Face names, [out, in]) from a local GGUF
 * checkpoint: names mapped by gguf-names.ts, dims taken in PyTorch order (GGML lists ne[0] = in
 * first; the data of [out, in] is row-major either way), values dequantized by gguf-dequant.ts.
 * Missing tensors, shape mismatches and unreadable types fail at open with one line naming file and tensor.
 */
import type { TensorSpec } from '../tensor.js';
import { matrixDims } from '../tensor.js';
import { GgufError } from './gguf.js';
import { modelShapeFromGguf } from './gguf-shape.js';
import { ggufLocation, ggufRowOf, type GgufAttention, type GgufLocation } from './gguf-names.js';
import { GgufTensorFile } from './gguf-tensors.js';
import { limitRows, nonFiniteWeight, type WeightSource } from './source.js';

const dims = (s: readonly number[]): string => `[${s.join(', ')}]`;

/** Attention geometry from the file's metadata (via the model-shape derivation, which checks the architecture). */
function attentionOf(f: GgufTensorFile): GgufAttention {
  const shape = modelShapeFromGguf(f.header).shape as { attention: { numHeads: number; numKvHeads: number; headDim: number } };
  return { arch: f.header.architecture ?? '', heads: shape.attention.numHeads, kvHeads: shape.attention.numKvHeads, headDim: shape.attention.headDim };
}

/** Locates and checks one spec (name, shape, type); a one-line GgufError otherwise. */
function locate(f: GgufTensorFile, s: TensorSpec, a: GgufAttention): GgufLocation {
  const loc = ggufLocation(s.id, a, (n) => f.find(n) !== undefined);
  if (loc === undefined) throw new GgufError(f.file, `tensor '${s.id}' has no llama.cpp GGUF name this reader knows (it maps embeddings, norms, attention and MLP tensors of llama, qwen2 and phi2)`);
  const t = f.tensor(loc.tensor, ` (the GGUF name of '${s.id}')`);
  f.format(t);
  if (loc.fused) {
    const q = a.heads * a.headDim, kv = a.kvHeads * a.headDim;
    const rows = loc.rowStart === 0 ? q : kv;
    const want = [rows, ...t.shape.slice(1)];
    if (t.shape[0] !== q + 2 * kv || want.join(',') !== s.shape.join(',')) {
      throw new GgufError(f.file, `tensor '${s.id}' (rows ${loc.rowStart}..${loc.rowStart + rows} of '${t.name}', shape ${dims(t.shape)}) has shape ${dims(want)}, the model shape says ${dims(s.shape)}`);
    }
  } else if (t.shape.join(',') !== s.shape.join(',')) {
    throw new GgufError(f.file, `tensor '${s.id}' (GGUF '${t.name}') has shape ${dims(t.shape)}, the model shape says ${dims(s.shape)}`);
  }
  return loc;
}

/**
 * The spec's values in Hugging Face row order: rows [0, rows) of `cols` columns, from rows
 * rowStart.. of the GGUF tensor. A 1-D tensor (a bias) is read whole and its elements taken as rows,
 * so a fused qkv bias is sliced and a permuted q/k bias un-permuted like the weight's rows.
 */
function readSpecValues(f: GgufTensorFile, loc: GgufLocation, spec: TensorSpec): Float32Array {
  const t = f.tensor(loc.tensor);
  const oneD = t.shape.length < 2;
  const rows = oneD ? spec.numel : matrixDims(spec).rows;
  const cols = oneD ? 1 : matrixDims(spec).cols;
  const all = oneD ? f.readRows(loc.tensor, 0, 1) : undefined;
  const get = (start: number, count: number): Float32Array => (all !== undefined ? all.subarray(start * cols, (start + count) * cols) : f.readRows(loc.tensor, start, count));
  const d = loc.permutedHeadRows;
  if (d === undefined) return all !== undefined ? all.slice(loc.rowStart, loc.rowStart + rows) : get(loc.rowStart, rows);
  const total = oneD ? t.numel : t.shape[0]!;
  const src = get(0, Math.min(total, Math.ceil(rows / d) * d));
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const g = ggufRowOf(r, d);
    out.set(src.subarray(g * cols, (g + 1) * cols), r * cols);
  }
  return out;
}

/**
 * Tensors of `specs` read from the local GGUF file `path` (optionally only the first `maxRows` rows
 * of each). Every spec is located and checked before this returns; values are read on demand.
 */
export async function ggufSource(path: string, specs: readonly TensorSpec[], maxRows?: number): Promise<WeightSource> {
  const f = await GgufTensorFile.open(path);
  const where = new Map<string, GgufLocation>();
  try {
    const a = attentionOf(f);
    for (const s of specs) where.set(s.id, locate(f, s, a));
  } catch (e) {
    f.close();
    throw e;
  }
  return {
    specs: specs.map((s) => limitRows(s, maxRows)),
    read: (spec) => {
      const loc = where.get(spec.id);
      if (loc === undefined) throw new Error(`ggufSource: '${spec.id}' is not one of the source's specs`);
      const w = readSpecValues(f, loc, spec);
      const bad = nonFiniteWeight(w, spec, `tensor '${spec.id}' (GGUF '${loc.tensor}')`);
      if (bad !== undefined) throw new GgufError(path, bad);
      return w;
    },
    close: () => f.close(),
  };
}
