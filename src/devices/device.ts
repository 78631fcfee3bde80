/**
 * The contract every memory device model implements (LPDDR5, SRAM, STT-MRAM, ReRAM).
 *
 * Hot-path rule (performance-notes.md): requests cross this interface as plain numbers, never as
 * per-access objects. The caller (initiator, bus or replay driver) owns request ids; the device
 * reports completion by id and time. Devices COUNT actions during the run; energy is priced after
 * the run from an EnergyTable (src/devices/energy), so a run can be re-priced without re-running.
 */
import type { Ps } from '../units/quantity.js';

/** Called when the last byte of request `reqId` has been delivered (read) or accepted (write). */
export type CompletionFn = (reqId: number, donePs: number) => void;

export interface MemoryDevice {
  /** Component path, e.g. 'soc.memory.dram'. Also the RNG stream path. */
  readonly path: string;
  /** Plug-in type: 'lpddr5' | 'sram' | 'stt-mram' | 'reram'. */
  readonly kind: string;
  /** Usable capacity in bytes. */
  readonly capacityBytes: number;
  /** Natural transfer granule in bytes (64 for LPDDR5 BL16 ×2 / ReRAM IO). Requests are multiples. */
  readonly granuleBytes: number;
  /** Peak data bandwidth in B/s (for reports and sanity checks). */
  readonly peakBandwidth: number;
  /**
   * Offers a request at the engine's current time. Returns false when the device's queue is full;
   * the device will then call the retry hook once space frees (gem5-style back-pressure).
   * `tag` is a small integer naming the data (tensor/role) for per-tag statistics.
   */
  offer(reqId: number, addr: number, sizeBytes: number, isWrite: boolean, tag: number): boolean;
  setCompletion(fn: CompletionFn): void;
  setRetry(fn: () => void): void;
  /** Action counts and time bookkeeping so far (call after the run for the totals). */
  counts(): ActionCounts;
  /** Bit-error statistics per tag (empty when no noise model is attached). */
  errorStats(): ErrorStats;
}

/** What a device did, in counts. Priced by an EnergyTable after the run. */
export interface ActionCounts {
  readonly path: string;
  readonly kind: string;
  /** Action name → count, e.g. { act: 10, rd: 400, readBits: 204800, refab: 3 }. */
  readonly actions: Readonly<Record<string, number>>;
  readonly bytesRead: number;
  readonly bytesWritten: number;
  /** Time the device (any bank/channel) was busy serving data, summed over channels, in ps. */
  readonly busyPs: number;
  /** Simulated time covered by these counts, in ps (for background / leakage energy). */
  readonly elapsedPs: Ps;
}

/** Bit-error statistics for one tag on one device. */
export interface TagErrorStats {
  readonly tag: number;
  readonly accesses: number;
  readonly bitsRead: number;
  /** Sampled bit errors (Monte-Carlo, from the device's seeded stream). */
  readonly bitErrors: number;
  /** Accesses that saw at least one error. */
  readonly accessesWithErrors: number;
  /** Analytic expectation of bit errors for the same reads. */
  readonly expectedBitErrors: number;
}
export interface ErrorStats {
  readonly path: string;
  readonly byTag: readonly TagErrorStats[];
}
