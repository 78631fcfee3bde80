/**
 * Per-read bit errors for a device model without a noise hook of its own (LPDDR5: optional retention
 * errors, dram-retention.ts): a MemoryDevice decorator that forwards everything to the wrapped device
 * and, for every read it accepts, draws the read's bit errors from the model with the stream
 * rngFor(seed, path + '.noise') (the stream the SRAM/NVM devices use), counted per tag.
 */
import { rngFor, type Rng } from '../../engine/rng.js';
import type { ActionCounts, CompletionFn, ErrorStats, MemoryDevice } from '../device.js';
import type { AccessNoise } from './access-noise.js';
import { ErrorTally } from './error-tally.js';
import { assertNoiseFitsCells } from './cell-fit.js';
import { noisePresetsFitting } from './models.js';

/** What the decorator needs from a noise model. */
export type ReadNoiseModel = Pick<AccessNoise, 'sampleErrors' | 'expectedErrorsPerBit' | 'bitsPerCell'>;

export class ReadNoiseDevice implements MemoryDevice {
  readonly path: string;
  readonly kind: string;
  readonly capacityBytes: number;
  readonly granuleBytes: number;
  readonly peakBandwidth: number;
  private readonly rng: Rng;
  private readonly tally: ErrorTally;
  /** Expected rate 0: count the bits, draw nothing (as the SRAM/NVM devices do). */
  private readonly noiseFree: boolean;

  /** `inner` stores one bit per cell (DRAM): a multi-level model is refused. */
  constructor(readonly inner: MemoryDevice, noise: ReadNoiseModel, seed = 0) {
    assertNoiseFitsCells(inner.path, inner.kind, noise.bitsPerCell, 1, `use a per-bit model (e.g. preset ${noisePresetsFitting(1, ['dram-retention']).join(', ')})`);
    this.path = inner.path;
    this.kind = inner.kind;
    this.capacityBytes = inner.capacityBytes;
    this.granuleBytes = inner.granuleBytes;
    this.peakBandwidth = inner.peakBandwidth;
    this.rng = rngFor(seed, `${inner.path}.noise`);
    this.tally = new ErrorTally(inner.path, noise);
    this.noiseFree = noise.expectedErrorsPerBit === 0;
  }

  offer(reqId: number, addr: number, sizeBytes: number, isWrite: boolean, tag: number): boolean {
    if (!this.inner.offer(reqId, addr, sizeBytes, isWrite, tag)) return false;
    if (!isWrite) {
      const t = tag >= 0 && Number.isInteger(tag) ? tag : 0;
      if (this.noiseFree) this.tally.record(t, sizeBytes * 8, 0);
      else this.tally.read(t, sizeBytes * 8, this.rng);
    }
    return true;
  }

  setCompletion(fn: CompletionFn): void {
    this.inner.setCompletion(fn);
  }

  setRetry(fn: () => void): void {
    this.inner.setRetry(fn);
  }

  counts(): ActionCounts {
    return this.inner.counts();
  }

  errorStats(): ErrorStats {
    return this.tally.stats();
  }
}

/** `device` itself without a model, else wrapped so its reads draw bit errors. */
export function withReadNoise(device: MemoryDevice, noise: ReadNoiseModel | undefined, seed = 0): MemoryDevice {
  return noise === undefined ? device : new ReadNoiseDevice(device, noise, seed);
}
