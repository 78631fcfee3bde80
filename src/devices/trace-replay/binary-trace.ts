/**
 * qmcsim compact binary trace (docs/trace-format.md): magic `QMCTRC1\n`, then 24-byte little-endian
 * records { f64 timePs, f64 addr, u32 sizeBytes, u16 flags (bit 0 = write), u16 tag }. Read through
 * the chunked ByteSource with direct Buffer reads; written by BinaryTraceWriter.
 */
import type { ByteSource } from './byte-source.js';
import { capacityText, TraceParseError, type TraceCursor } from './trace-cursor.js';

export const BINARY_MAGIC = Buffer.from('QMCTRC1\n', 'latin1');
export const BINARY_RECORD_BYTES = 24;

export class BinaryCursor implements TraceCursor {
  timePs = 0;
  isWrite = false;
  addr = 0;
  sizeBytes = 0;
  tag = 0;
  line = 0;
  readonly timed = true;
  readonly format = 'qmcsim-binary';

  constructor(private readonly src: ByteSource, private readonly file: string, private readonly addressLimit = Infinity) {
    if (src.ensure(8) < 8 || !src.buf.subarray(src.pos, src.pos + 8).equals(BINARY_MAGIC)) {
      throw new TraceParseError(file, 1, 1, "the binary trace magic 'QMCTRC1'", 'other bytes');
    }
    src.pos += 8;
  }

  next(): boolean {
    const s = this.src;
    const have = s.ensure(BINARY_RECORD_BYTES);
    if (have === 0) return false;
    this.line++;
    if (have < BINARY_RECORD_BYTES) throw new TraceParseError(this.file, this.line, 1, `a ${BINARY_RECORD_BYTES}-byte record`, `${have} trailing bytes`);
    const b = s.buf, p = s.pos;
    const t = b.readDoubleLE(p);
    const a = b.readDoubleLE(p + 8);
    const size = b.readUInt32LE(p + 16);
    const flags = b.readUInt16LE(p + 20);
    const tag = b.readUInt16LE(p + 22);
    s.pos = p + BINARY_RECORD_BYTES;
    if (!Number.isSafeInteger(t) || t < this.timePs) throw new TraceParseError(this.file, this.line, 1, `an integer time ≥ ${this.timePs} ps`, String(t));
    if (!Number.isSafeInteger(a) || a < 0) throw new TraceParseError(this.file, this.line, 9, 'a non-negative integer address below 2^53', String(a));
    if (size === 0) throw new TraceParseError(this.file, this.line, 17, 'a size of at least 1 byte', '0');
    if (a + size > this.addressLimit) throw new TraceParseError(this.file, this.line, 9, `an access inside the device's ${capacityText(this.addressLimit)} (address + size ≤ capacity)`, `address ${a} + ${size} B`);
    if ((flags & ~1) !== 0) throw new TraceParseError(this.file, this.line, 21, 'flags 0 (read) or 1 (write)', String(flags));
    this.timePs = t;
    this.addr = a;
    this.sizeBytes = size;
    this.isWrite = (flags & 1) === 1;
    this.tag = tag;
    return true;
  }

  close(): void {
    this.src.close();
  }
}

/** Builds a binary trace in memory (tests, benchmarks, conversion). */
export class BinaryTraceWriter {
  private buf: Buffer;
  private n = 8;

  constructor(expectedRecords = 1024) {
    this.buf = Buffer.alloc(8 + expectedRecords * BINARY_RECORD_BYTES);
    BINARY_MAGIC.copy(this.buf, 0);
  }

  add(timePs: number, isWrite: boolean, addr: number, sizeBytes: number, tag = 0): void {
    if (this.n + BINARY_RECORD_BYTES > this.buf.length) {
      const b = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(b, 0, 0, this.n);
      this.buf = b;
    }
    const b = this.buf, p = this.n;
    b.writeDoubleLE(timePs, p);
    b.writeDoubleLE(addr, p + 8);
    b.writeUInt32LE(sizeBytes, p + 16);
    b.writeUInt16LE(isWrite ? 1 : 0, p + 20);
    b.writeUInt16LE(tag, p + 22);
    this.n += BINARY_RECORD_BYTES;
  }

  /** The encoded trace. */
  finish(): Buffer {
    return this.buf.subarray(0, this.n);
  }
}
