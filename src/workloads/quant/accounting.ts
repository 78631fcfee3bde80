/**
 * Inventory-level quantization accounting: for every tensor, the stored parts (values and
 * metadata) with exact counts and bytes, without needing weights. Outlier counts use the same
 * rounding as the value-level quantizer (outliers.ts). Metadata is reported two ways:
 * paper-faithful (not counted, as QMC does) and honest (counted).
 */
import type { TensorPart } from '../trace/types.js';
import { matrixDims, type TensorSpec } from '../tensor.js';
import type { QuantConfig, QuantizingConfig } from './config.js';
import { outlierCount } from './outliers.js';

/** What a metadata part holds. */
export type MetaKind = 'scale' | 'zero' | 'bitmap' | 'index' | 'rowptr';

/** One stored part of a tensor: `count` values of `bits` bits = `bytes` (rounded up per part). */
export interface QuantizedPart {
  readonly part: TensorPart;
  readonly bits: number;
  readonly count: number;
  readonly bytes: number;
  /** For part 'meta': the value part it describes, and what it is. */
  readonly of?: Exclude<TensorPart, 'meta'>;
  readonly what?: MetaKind;
}

/** A tensor after quantization accounting. */
export interface QuantizedTensor {
  readonly tensor: TensorSpec;
  /** Scheme applied ('keep' = left at keepBits, e.g. norms and biases). */
  readonly scheme: QuantConfig['scheme'] | 'keep';
  readonly parts: readonly QuantizedPart[];
  /** Bytes excluding 'meta' parts (paper-faithful). */
  readonly paperBytes: number;
  /** Bytes including every part (honest). */
  readonly honestBytes: number;
}

/** Metadata accounting mode. */
export type MetadataMode = 'paper' | 'honest';

const part = (p: TensorPart, bits: number, count: number, of?: Exclude<TensorPart, 'meta'>, what?: MetaKind): QuantizedPart => {
  const base = { part: p, bits, count, bytes: Math.ceil((bits * count) / 8) };
  return of !== undefined && what !== undefined ? { ...base, of, what } : base;
};

/** Whether `cfg` quantizes tensor `t` (linear always; others per cfg.scope). fp16/bf16 have no scope: they store every tensor at 16 bits. */
export function isQuantized(t: TensorSpec, cfg: QuantizingConfig): boolean {
  if (t.kind === 'linear') return true;
  if (t.kind === 'embedding') return cfg.scope.embeddings;
  if (t.kind === 'conv') return cfg.scope.conv;
  if (t.kind === 'meta_tokens') return cfg.scope.metaTokens;
  return false;
}

function partsFor(t: TensorSpec, cfg: QuantConfig): { scheme: QuantizedTensor['scheme']; parts: QuantizedPart[] } {
  const n = t.numel;
  if (cfg.scheme === 'fp16' || cfg.scheme === 'bf16') return { scheme: cfg.scheme, parts: [part('dense', 16, n)] };
  if (!isQuantized(t, cfg)) return { scheme: 'keep', parts: [part('dense', cfg.keepBits, n)] };
  const { rows, cols } = matrixDims(t);
  switch (cfg.scheme) {
    case 'int8': case 'rtn': {
      const bits = cfg.scheme === 'int8' ? 8 : cfg.bits;
      const groups = cfg.granularity === 'channel' ? rows : rows * Math.ceil(cols / Math.min(cfg.groupSize, cols));
      const ps = [part('dense', bits, n), part('meta', cfg.scaleBits, groups, 'dense', 'scale')];
      if (!cfg.symmetric) ps.push(part('meta', bits, groups, 'dense', 'zero'));
      return { scheme: cfg.scheme, parts: ps };
    }
    case 'mxint4': {
      const blocks = rows * Math.ceil(cols / Math.min(cfg.blockSize, cols));
      return { scheme: 'mxint4', parts: [part('dense', cfg.elementBits, n), part('meta', cfg.scaleBits, blocks, 'dense', 'scale')] };
    }
    case 'qmc': {
      const k = outlierCount(n, cfg.rho);
      const ps = [part('inlier', cfg.inlierBits, n - k), part('outlier', cfg.outlierBits, k)];
      ps.push(part('meta', cfg.scaleBits, rows, 'inlier', 'scale'));
      if (!cfg.symmetric) ps.push(part('meta', cfg.inlierBits, rows, 'inlier', 'zero'));
      ps.push(part('meta', cfg.scaleBits, rows, 'outlier', 'scale'));
      if (!cfg.symmetric) ps.push(part('meta', cfg.outlierBits, rows, 'outlier', 'zero'));
      if (cfg.outlierIndex === 'bitmap') ps.push(part('meta', 1, n, 'outlier', 'bitmap'));
      else if (cfg.outlierIndex === 'index') ps.push(part('meta', Math.max(1, Math.ceil(Math.log2(n))), k, 'outlier', 'index'));
      else {
        ps.push(part('meta', Math.max(1, Math.ceil(Math.log2(cols))), k, 'outlier', 'index'));
        ps.push(part('meta', cfg.rowPtrBits, rows + 1, 'outlier', 'rowptr'));
      }
      return { scheme: 'qmc', parts: ps };
    }
  }
}

/** Accounting for one tensor. */
export function quantizeTensorSpec(t: TensorSpec, cfg: QuantConfig): QuantizedTensor {
  const { scheme, parts } = partsFor(t, cfg);
  let paper = 0;
  let honest = 0;
  for (const p of parts) {
    honest += p.bytes;
    if (p.part !== 'meta') paper += p.bytes;
  }
  return { tensor: t, scheme, parts, paperBytes: paper, honestBytes: honest };
}

/** Lazy accounting of an inventory (for streaming traces). */
export function* quantizeInventoryIter(inv: Iterable<TensorSpec>, cfg: QuantConfig): Generator<QuantizedTensor> {
  for (const t of inv) yield quantizeTensorSpec(t, cfg);
}

/** Accounting of a whole inventory: one QuantizedTensor per TensorSpec, same order. */
export function quantizeInventory(inv: Iterable<TensorSpec>, cfg: QuantConfig): QuantizedTensor[] {
  return [...quantizeInventoryIter(inv, cfg)];
}

/** Total stored bytes under a metadata mode. */
export function totalBytes(q: Iterable<QuantizedTensor>, mode: MetadataMode): number {
  let s = 0;
  for (const t of q) s += mode === 'paper' ? t.paperBytes : t.honestBytes;
  return s;
}

/** Bits per weight over the quantized tensors (kept tensors excluded unless `includeKept`). */
export function bitsPerWeight(q: Iterable<QuantizedTensor>, mode: MetadataMode, includeKept = false): number {
  let bits = 0;
  let n = 0;
  for (const t of q) {
    if (t.scheme === 'keep' && !includeKept) continue;
    n += t.tensor.numel;
    for (const p of t.parts) if (mode === 'honest' || p.part !== 'meta') bits += p.bits * p.count;
  }
  return n === 0 ? 0 : bits / n;
}

/** Bytes per part name (summed over tensors) under a metadata mode. */
export function bytesByPart(q: Iterable<QuantizedTensor>, mode: MetadataMode): Record<TensorPart, number> {
  const r: Record<TensorPart, number> = { dense: 0, inlier: 0, outlier: 0, meta: 0 };
  for (const t of q) for (const p of t.parts) if (mode === 'honest' || p.part !== 'meta') r[p.part] += p.bytes;
  return r;
}
