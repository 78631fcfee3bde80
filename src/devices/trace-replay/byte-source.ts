/**
 * Chunked byte reader for trace files: reads 1 MiB at a time with fs.readSync into one reusable
 * Buffer and hands out whole lines (the trace is streamed, never materialised). Lines longer than
 * the buffer grow it. Also used over an in-memory Buffer (tests, benchmarks).
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;

export class ByteSource {
  buf: Buffer;
  /** Start of unread data. */
  pos = 0;
  /** End of valid data. */
  end = 0;
  private fd: number | undefined;
  private eof = false;

  private constructor(buf: Buffer, fd: number | undefined, end: number) {
    this.buf = buf;
    this.fd = fd;
    this.end = end;
    this.eof = fd === undefined;
  }

  static fromFile(path: string): ByteSource {
    const fd = openSync(path, 'r');
    return new ByteSource(Buffer.allocUnsafe(CHUNK), fd, 0);
  }
  static fromBuffer(data: Buffer): ByteSource {
    return new ByteSource(data, undefined, data.length);
  }

  /** Ensures at least `n` unread bytes are buffered if the file has them; returns the count available. */
  ensure(n: number): number {
    while (this.end - this.pos < n && !this.eof) this.fill();
    return this.end - this.pos;
  }

  /**
   * Index of the next '\n' at or after pos (reading more as needed), or `end` at end of file when
   * the last line has no newline. Returns -1 when no bytes are left.
   */
  lineEnd(): number {
    let from = this.pos;
    for (;;) {
      const nl = this.buf.indexOf(10, from);
      if (nl !== -1 && nl < this.end) return nl;
      if (this.eof) return this.pos < this.end ? this.end : -1;
      from = this.end - this.pos; // after compaction, resume scanning where we stopped
      this.fill();
      from += this.pos;
    }
  }

  private fill(): void {
    if (this.fd === undefined) {
      this.eof = true;
      return;
    }
    // Compact unread bytes to the front, grow if the buffer is full.
    const live = this.end - this.pos;
    if (this.pos > 0) {
      this.buf.copy(this.buf, 0, this.pos, this.end);
      this.pos = 0;
      this.end = live;
    }
    if (this.end === this.buf.length) {
      const b = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(b, 0, 0, this.end);
      this.buf = b;
    }
    const n = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (n === 0) {
      this.eof = true;
      closeSync(this.fd);
      this.fd = undefined;
    } else this.end += n;
  }

  /** Closes the file early (safe to call twice). */
  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    this.eof = true;
  }
}
