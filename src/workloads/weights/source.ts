/**
 * Weight sources: a list of tensor specs plus a reader that returns one tensor's float32 values on
 * demand (synthetic or from a local safetensors checkpoint), so consumers hold one tensor at a time.
 */
import type { TensorSpec } from '../tensor.js';
import { Checkpoint, SafetensorsError } from './safetensors.js';
import { syntheticRows, type SyntheticOptions } from './synthetic.js';
import { matrixDims } from '../tensor.js';

const FLOAT_DTYPES: readonly string[] = ['F32', 'F16', 'BF16'];

/** Tensors and an on-demand reader. */
export interface WeightSource {
  readonly specs: readonly TensorSpec[];
  read(spec: TensorSpec): Float32Array;
  close?(): void;
}

/**
 * The problem with the first non-finite value of tensor `spec`'s weights `w` (named `what` in the
 * message), or undefined when every value is finite: a NaN or Inf cannot be quantized.
 */
export function nonFiniteWeight(w: Float32Array, spec: TensorSpec, what: string): string | undefined {
  const cols = matrixDims(spec).cols;
  for (let i = 0; i < w.length; i++) {
    if (!Number.isFinite(w[i]!)) return `${what} has a non-finite weight (${w[i]}) at row ${Math.floor(i / cols)}, column ${i % cols}; expected finite weights to quantize`;
  }
  return undefined;
}

/** Restrict a spec to its first `maxRows` rows (for subsampled quality studies). */
export function limitRows(spec: TensorSpec, maxRows: number | undefined): TensorSpec {
  const { rows, cols } = matrixDims(spec);
  if (maxRows === undefined || rows <= maxRows || spec.shape.length < 2) return spec;
  return { ...spec, shape: [maxRows, ...spec.shape.slice(1)], numel: maxRows * cols };
}

/** Seeded synthetic weights for `specs` (optionally only the first `maxRows` rows of each tensor). */
export function syntheticSource(specs: readonly TensorSpec[], o: SyntheticOptions, maxRows?: number): WeightSource {
  const limited = specs.map((s) => limitRows(s, maxRows));
  return {
    specs: limited,
    read: (spec) => syntheticRows({ ...spec, shape: specs.find((s) => s.id === spec.id)?.shape ?? spec.shape, numel: specs.find((s) => s.id === spec.id)?.numel ?? spec.numel }, o, 0, matrixDims(spec).rows),
  };
}

/**
 * Tensors of `specs` read from a local checkpoint (file, index or directory). Shapes are checked
 * against the inventory; a missing or mis-shaped tensor fails naming the checkpoint and tensor.
 */
export function checkpointSource(path: string, specs: readonly TensorSpec[], maxRows?: number): WeightSource {
  const cp = Checkpoint.open(path);
  try {
    for (const s of specs) {
      const e = cp.entry(s.id);
      if (e.shape.join(',') !== s.shape.join(',')) {
        throw new SafetensorsError(path, `tensor '${s.id}' has shape [${e.shape.join(', ')}], the model shape says [${s.shape.join(', ')}]`);
      }
      if (!FLOAT_DTYPES.includes(e.dtype)) {
        throw new SafetensorsError(e.file, `tensor '${s.id}' has dtype ${e.dtype}; expected weights in F32, F16 or BF16`);
      }
    }
  } catch (e) {
    cp.close();
    throw e;
  }
  const limited = specs.map((s) => limitRows(s, maxRows));
  return {
    specs: limited,
    read: (spec) => {
      const all = cp.readFloat32(spec.id);
      const w = all.length === spec.numel ? all : all.slice(0, spec.numel);
      const bad = nonFiniteWeight(w, spec, `tensor '${spec.id}'`);
      if (bad !== undefined) throw new SafetensorsError(cp.entry(spec.id).file, bad);
      return w;
    },
    close: () => cp.close(),
  };
}
