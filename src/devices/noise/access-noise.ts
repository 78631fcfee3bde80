/**
 * Per-access bit-error sampling that devices attach to their read paths. Independent bit flips
 * (STT-MRAM, SRAM, LPDDR5 retention) or multi-level cells (a cell error flips the Hamming distance
 * between stored and read level patterns). Exact Binomial sampling in O(1 + errors) draws, zero draws
 * when the rate is zero; no per-access allocation.
 */
import type { Rng } from '../../engine/rng.js';
import { BinomialSampler, pickFromCdf } from './sampling.js';
import { normaliseOccupancy, type ConfusionMatrix } from './confusion.js';
import { levelToPattern, popcount, type LevelCoding } from './cell-encoding.js';

/** What a device holds to draw the bit errors of one read. */
export interface AccessNoise {
  /** Bit errors in one access of `nBits` bits, drawn from `rng` (the device's stream). */
  sampleErrors(nBits: number, rng: Rng): number;
  /** Analytic expectation of bit errors per bit read. */
  readonly expectedErrorsPerBit: number;
  /** One-line description for reports (model and rate). */
  readonly label: string;
  /**
   * Bits per cell the model is defined for (multi-level models: log2 of its level count); undefined
   * for per-bit models, which apply to any cell. A device refuses a model whose cells differ from its own.
   */
  readonly bitsPerCell?: number;
  /**
   * Noise-model parameters the rate rests on that are estimates (no primary source), as
   * 'noise.<YAML key>'; reports list them with the device's estimates. Undefined or empty: none.
   */
  readonly estimates?: readonly string[];
}

/** Independent flips with probability `pBit` per bit read. */
export class BitFlipAccessNoise implements AccessNoise {
  private readonly sampler = new BinomialSampler();
  readonly expectedErrorsPerBit: number;
  constructor(readonly pBit: number, readonly label: string, readonly estimates: readonly string[] = []) {
    if (!(pBit >= 0 && pBit <= 1)) throw new RangeError(`bit error probability must be in [0, 1], found ${pBit}`);
    this.expectedErrorsPerBit = pBit;
  }
  sampleErrors(nBits: number, rng: Rng): number {
    return this.sampler.sample(nBits, this.pBit, rng);
  }
}

/** Independent bit flips with probability `pBit`. */
export function bitFlipAccessNoise(pBit: number, label = `bit-flip p=${pBit.toExponential(3)}`,
  estimates: readonly string[] = []): BitFlipAccessNoise {
  return new BitFlipAccessNoise(pBit, label, estimates);
}

/**
 * Multi-level cells: a read of nBits touches ⌈nBits/b⌉ cells of b bits; each cell errs with the
 * occupancy-weighted fault probability and then flips h bits with the conditional Hamming law. When
 * nBits is not a multiple of b, the last cell is partly read and only its flips in the read bits
 * count (uniform bit positions), which keeps E[errors] = nBits · expectedErrorsPerBit exactly.
 */
export class MlcAccessNoise implements AccessNoise {
  readonly bitsPerCell: number;
  /** Mean probability that a cell reads a wrong level. */
  readonly cellErrorProbability: number;
  /** Mean flipped bits per erroneous cell. */
  readonly flipsPerCellError: number;
  readonly expectedErrorsPerBit: number;
  private readonly flipCdf: Float64Array;
  private readonly sampler = new BinomialSampler();

  constructor(cm: ConfusionMatrix, coding: LevelCoding, readonly label: string, occupancy?: ArrayLike<number>) {
    const L = cm.levels;
    const b = Math.round(Math.log2(L));
    if (2 ** b !== L) throw new RangeError(`levels per cell must be a power of 2, found ${L}`);
    this.bitsPerCell = b;
    const w = normaliseOccupancy(L, occupancy);
    const byFlips = new Float64Array(b + 1);
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        if (j === i) continue;
        const h = popcount(levelToPattern(i, coding) ^ levelToPattern(j, coding));
        byFlips[h] = (byFlips[h] ?? 0) + (w[i] ?? 0) * (cm.p[i * L + j] ?? 0);
      }
    }
    let pCell = 0;
    let flips = 0;
    for (let h = 1; h <= b; h++) {
      pCell += byFlips[h] ?? 0;
      flips += h * (byFlips[h] ?? 0);
    }
    this.cellErrorProbability = Math.min(1, pCell);
    this.flipsPerCellError = pCell > 0 ? flips / pCell : 0;
    this.expectedErrorsPerBit = flips / b;
    this.flipCdf = new Float64Array(b);
    let acc = 0;
    for (let h = 1; h <= b; h++) {
      acc += pCell > 0 ? (byFlips[h] ?? 0) / pCell : 0;
      this.flipCdf[h - 1] = acc;
    }
  }

  sampleErrors(nBits: number, rng: Rng): number {
    if (nBits <= 0 || !(this.cellErrorProbability > 0)) return 0;
    const b = this.bitsPerCell;
    const nCells = Math.ceil(nBits / b);
    const k = this.sampler.sample(nCells, this.cellErrorProbability, rng);
    if (k === 0) return 0;
    let first = 0;
    let total = 0;
    for (let e = 0; e < k; e++) {
      const h = b === 1 ? 1 : 1 + pickFromCdf(this.flipCdf, rng.next());
      if (e === 0) first = h;
      total += h;
    }
    const rem = nBits - (nCells - 1) * b;
    if (rem < b && rng.next() * nCells < k) {
      // The partly read last cell is one of the k erroneous cells (exchangeable: take the first).
      let seen = 0;
      let left = first;
      for (let pos = 0; pos < rem; pos++) {
        if (rng.next() * (b - pos) < left) {
          seen++;
          left--;
        }
      }
      total += seen - first;
    }
    return total;
  }
}

/** MLC access noise from a level-confusion matrix, level coding and optional level occupancy. */
export function mlcAccessNoise(cm: ConfusionMatrix, coding: LevelCoding, label = `mlc ${cm.levels}-level`,
  occupancy?: ArrayLike<number>): MlcAccessNoise {
  return new MlcAccessNoise(cm, coding, label, occupancy);
}

/** A device without a noise model: always zero errors, zero draws. */
export const NO_NOISE: AccessNoise = {
  sampleErrors: () => 0,
  expectedErrorsPerBit: 0,
  label: 'none',
};
