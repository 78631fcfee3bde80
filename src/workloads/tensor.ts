/**
 * TensorSpec: one stored weight tensor of a model (id as in the HF checkpoint, layer, role, shape,
 * dtype). Exact: produced from the model shape by inventory.ts.
 */
import type { TensorRole } from './trace/types.js';

/** Structural kind; decides whether a quantizer touches the tensor by default. */
export type TensorKind = 'linear' | 'embedding' | 'norm' | 'bias' | 'conv' | 'ssm' | 'meta_tokens';

/** Storage dtype of a checkpoint tensor. */
export type StorageDtype = 'bf16' | 'fp16' | 'fp32';

/** One weight tensor. Shape is PyTorch's: [out, in] for linear weights. */
export interface TensorSpec {
  readonly id: string;
  /** Block index, or -1 for tensors outside the blocks (embedding, final norm, lm_head). */
  readonly layer: number;
  readonly role: TensorRole;
  readonly kind: TensorKind;
  readonly shape: readonly number[];
  readonly numel: number;
  readonly dtype: StorageDtype;
  /** Set on a tied embedding: the same stored tensor also serves as lm_head (counted once). */
  readonly tiedLmHead?: true;
}

/** Rows (output channels) and columns of a tensor seen as a matrix: [shape[0], numel/shape[0]]. */
export function matrixDims(t: Pick<TensorSpec, 'shape' | 'numel'>): { rows: number; cols: number } {
  if (t.shape.length < 2) return { rows: 1, cols: t.numel };
  const rows = t.shape[0]!;
  return { rows, cols: t.numel / rows };
}

/** Bytes per element of a storage dtype. */
export function dtypeBytes(d: StorageDtype): number {
  return d === 'fp32' ? 4 : 2;
}
