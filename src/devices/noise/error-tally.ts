/**
 * Per-tag bit-error bookkeeping a device embeds: typed arrays indexed by tag (tensor/role id) for
 * accesses, bits read, sampled bit errors, accesses with errors and the analytic expectation. No
 * allocation per access; grows geometrically when a larger tag appears. Produces TagErrorStats.
 */
import type { Rng } from '../../engine/rng.js';
import type { ErrorStats, TagErrorStats } from '../device.js';
import type { AccessNoise } from './access-noise.js';

export class ErrorTally {
  private accesses = new Float64Array(16);
  private bitsRead = new Float64Array(16);
  private bitErrors = new Float64Array(16);
  private withErrors = new Float64Array(16);
  private expected = new Float64Array(16);
  private maxTag = -1;

  constructor(readonly path: string, readonly noise: Pick<AccessNoise, 'sampleErrors' | 'expectedErrorsPerBit'>) {}

  private grow(tag: number): void {
    let n = this.accesses.length;
    while (n <= tag) n *= 2;
    const g = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.accesses = g(this.accesses);
    this.bitsRead = g(this.bitsRead);
    this.bitErrors = g(this.bitErrors);
    this.withErrors = g(this.withErrors);
    this.expected = g(this.expected);
  }

  /** Draw the errors of one read of `nBits` bits for `tag`, record them and return the count. */
  read(tag: number, nBits: number, rng: Rng): number {
    const errors = this.noise.sampleErrors(nBits, rng);
    this.record(tag, nBits, errors);
    return errors;
  }

  /** Record a read whose errors were drawn elsewhere. */
  record(tag: number, nBits: number, errors: number): void {
    if (!Number.isInteger(tag) || tag < 0) throw new RangeError(`tag: expected an integer ≥ 0, found ${tag}`);
    if (tag >= this.accesses.length) this.grow(tag);
    if (tag > this.maxTag) this.maxTag = tag;
    this.accesses[tag] = (this.accesses[tag] ?? 0) + 1;
    this.bitsRead[tag] = (this.bitsRead[tag] ?? 0) + nBits;
    this.bitErrors[tag] = (this.bitErrors[tag] ?? 0) + errors;
    if (errors > 0) this.withErrors[tag] = (this.withErrors[tag] ?? 0) + 1;
    this.expected[tag] = (this.expected[tag] ?? 0) + nBits * this.noise.expectedErrorsPerBit;
  }

  /** Statistics for every tag that saw at least one access, in tag order. */
  byTag(): TagErrorStats[] {
    const out: TagErrorStats[] = [];
    for (let t = 0; t <= this.maxTag; t++) {
      const a = this.accesses[t] ?? 0;
      if (a === 0) continue;
      out.push({
        tag: t,
        accesses: a,
        bitsRead: this.bitsRead[t] ?? 0,
        bitErrors: this.bitErrors[t] ?? 0,
        accessesWithErrors: this.withErrors[t] ?? 0,
        expectedBitErrors: this.expected[t] ?? 0,
      });
    }
    return out;
  }

  /** The device's ErrorStats. */
  stats(): ErrorStats {
    return { path: this.path, byTag: this.byTag() };
  }

  /** Totals over all tags (tag = −1). */
  total(): TagErrorStats {
    let accesses = 0, bitsRead = 0, bitErrors = 0, accessesWithErrors = 0, expectedBitErrors = 0;
    for (const s of this.byTag()) {
      accesses += s.accesses;
      bitsRead += s.bitsRead;
      bitErrors += s.bitErrors;
      accessesWithErrors += s.accessesWithErrors;
      expectedBitErrors += s.expectedBitErrors;
    }
    return { tag: -1, accesses, bitsRead, bitErrors, accessesWithErrors, expectedBitErrors };
  }
}
