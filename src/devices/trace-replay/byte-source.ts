/**
 * Chunked byte reader for trace files: reads 1 MiB at a time with fs.readSync into one reusable
 * Buffer and hands out whole lines (the trace is streamed, never materialised). Lines longer than
 * the buffer grow it. A file or buffer starting with the gzip magic (1f 8b) is decompressed on the
 * fly (GunzipReader). Also used over an in-memory Buffer (tests, benchmarks).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { GunzipReader, isGzip } from './gunzip-reader.js';
import { TraceParseError } from './trace-cursor.js';

const CHUNK = 1 << 20;

/** Where the bytes come from: a file descriptor or a gzip decompressor. */
interface ChunkReader {
  /** Bytes copied into `dst` at `off` (at most `len`); 0 at the end of the data. */
  read(dst: Buffer, off: number, len: number): number;
  /** Set when the data ended early because it could not be read (corrupt or truncated gzip). */
  readonly failure?: string | undefined;
  close(): void;
}

class FdReader implements ChunkReader {
  constructor(private fd: number | undefined) {}
  read(dst: Buffer, off: number, len: number): number {
    if (this.fd === undefined) return 0;
    const n = readSync(this.fd, dst, off, len, null);
    if (n === 0) this.close();
    return n;
  }
  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }
}

export class ByteSource {
  buf: Buffer;
  /** Start of unread data. */
  pos = 0;
  /** End of valid data. */
  end = 0;
  /**
   * Line (or record) number to blame when the data cannot be read on (a corrupt or truncated gzip
   * stream): the trace opener points it at the record being read. Default 1.
   */
  failLine: () => number = () => 1;
  private reader: ChunkReader | undefined;
  private eof = false;
  private failure: string | undefined;

  private constructor(readonly name: string, buf: Buffer, reader: ChunkReader | undefined, end: number) {
    this.buf = buf;
    this.reader = reader;
    this.end = end;
    this.eof = reader === undefined;
  }

  /** Streams `path` (a file or a pipe); gzip data (by its magic bytes, whatever the name) is decompressed. */
  static fromFile(path: string): ByteSource {
    const fd = openSync(path, 'r');
    const buf = Buffer.allocUnsafe(CHUNK);
    let n = 0, gz: GunzipReader | undefined, regular = false;
    try {
      // Sniff the magic with plain reads (a pipe cannot seek back); the bytes stay in the buffer.
      while (n < 2) {
        const r = readSync(fd, buf, n, 2 - n, null);
        if (r === 0) break;
        n += r;
      }
      if (isGzip(buf, 0, n)) {
        // The worker opens the file itself: a regular file from its start; a pipe goes on after
        // the sniffed bytes, which are handed over (and our descriptor held until close).
        regular = fstatSync(fd).isFile();
        gz = regular ? new GunzipReader({ path }) : new GunzipReader({ path, head: buf.subarray(0, n), holdFd: fd });
      }
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    if (regular) closeSync(fd);
    if (gz !== undefined) return new ByteSource(path, buf, gz, 0);
    return new ByteSource(path, buf, new FdReader(fd), n);
  }

  /** Reads `data` in place, or decompresses it when it is gzip data. */
  static fromBuffer(data: Buffer, name = '<buffer>'): ByteSource {
    if (isGzip(data)) return new ByteSource(name, Buffer.allocUnsafe(CHUNK), new GunzipReader({ data }), 0);
    return new ByteSource(name, data, undefined, data.length);
  }

  /**
   * Ensures at least `n` unread bytes are buffered if the data has them; returns the count
   * available. Throws the read failure (TraceParseError) when fewer than `n` are left because of one.
   */
  ensure(n: number): number {
    const have = this.peek(n);
    if (have < n && this.failure !== undefined) this.throwFailure();
    return have;
  }

  /** As ensure, but never throws: for sniffing the format from the first bytes. */
  peek(n: number): number {
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
      if (this.eof) {
        if (this.failure !== undefined) this.throwFailure();
        return this.pos < this.end ? this.end : -1;
      }
      from = this.end - this.pos; // after compaction, resume scanning where we stopped
      this.fill();
      from += this.pos;
    }
  }

  private fill(): void {
    if (this.reader === undefined) {
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
    const n = this.reader.read(this.buf, this.end, this.buf.length - this.end);
    if (n === 0) {
      this.eof = true;
      this.failure = this.reader.failure;
      this.reader.close();
      this.reader = undefined;
    } else this.end += n;
  }

  private throwFailure(): never {
    throw new TraceParseError(this.name, this.failLine(), 1, 'a complete, intact gzip stream', this.failure ?? 'unreadable data');
  }

  /** Closes the file (and stops decompression) early (safe to call twice). */
  close(): void {
    this.reader?.close();
    this.reader = undefined;
    this.eof = true;
  }
}
