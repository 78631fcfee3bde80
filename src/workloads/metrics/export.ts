/**
 * Export of dequantized (and optionally noisy) weights as a safetensors checkpoint with the weight
 * source's tensor names and shapes: the model's when the source holds whole tensors (so a user can
 * measure perplexity in their own harness), the sampled tensors and rows when it is a sample (the
 * noise study's `weights.tensors` / `maxRows`; such a file is not a loadable model checkpoint).
 * Tensor by tensor: each is read, quantized, (noised,) dequantized and written before the next.
 */
import type { QuantConfig } from '../quant/config.js';
import { quantLabel } from '../quant/config.js';
import type { WeightSource } from '../weights/source.js';
import { encodeFloat, writeSafetensors, writeShardedSafetensors, type TensorToWrite } from '../weights/safetensors-writer.js';
import { evaluateTensor, type DeviceNoise, type TensorQuality } from './quality.js';

export interface ExportOptions {
  /** Stored dtype of the exported values. Default 'BF16'. */
  readonly dtype?: 'F32' | 'F16' | 'BF16';
  /** Inject this noise and export the noisy reconstruction. */
  readonly noise?: DeviceNoise;
  /** Write a sharded checkpoint into `path` (a directory) with shards of at most this many bytes. */
  readonly maxShardBytes?: number;
  /** Extra __metadata__ entries. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * Write the dequantized weights of `src` under `cfg` to `path` (file, or directory when sharded).
 * Returns the per-tensor quality rows computed on the way.
 */
export function exportDequantized(path: string, src: WeightSource, cfg: QuantConfig, o: ExportOptions = {}): TensorQuality[] {
  const dtype = o.dtype ?? 'BF16';
  const specs = src.specs;
  const entries: TensorToWrite[] = specs.map((s) => ({ name: s.id, dtype, shape: s.shape }));
  const rows: TensorQuality[] = [];
  const produce = (_t: TensorToWrite, i: number): Uint8Array => {
    const spec = specs[i]!;
    const r = evaluateTensor(spec, src.read(spec), cfg, o.noise);
    rows.push(r.quality);
    return encodeFloat(o.noise ? (r.noisy ?? r.clean) : r.clean, dtype);
  };
  const metadata = {
    format: 'pt', producer: 'qmcsim', quantizer: quantLabel(cfg), noisy: o.noise ? 'true' : 'false',
    ...(o.noise ? { noiseSeed: String(o.noise.seed), noiseModel: o.noise.model.kind } : {}), ...(o.metadata ?? {}),
  };
  if (o.maxShardBytes !== undefined) writeShardedSafetensors(path, entries, produce, { maxShardBytes: o.maxShardBytes, metadata });
  else writeSafetensors(path, entries, produce, metadata);
  return rows;
}
