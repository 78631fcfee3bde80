/**
 * Opens a trace file or buffer and picks the reader: binary by its magic; otherwise the first
 * record line decides between Ramulator 2 (`LD`/`ST`) and qmcsim text. `format` forces a reader.
 * Gzip data (magic 1f 8b, any file name) is decompressed while streaming and then read the same way;
 * a leading UTF-8 byte-order mark is skipped.
 */
import { ByteSource } from './byte-source.js';
import { isGzip } from './gunzip-reader.js';
import { BinaryCursor, BINARY_MAGIC } from './binary-trace.js';
import { QmcsimTextCursor, RamulatorCursor } from './text-trace.js';
import { TraceParseError, type TraceCursor } from './trace-cursor.js';

export type TraceFormat = 'auto' | 'qmcsim-text' | 'qmcsim-binary' | 'ramulator2';
export const traceFormats: readonly TraceFormat[] = ['auto', 'qmcsim-text', 'qmcsim-binary', 'ramulator2'];

export interface OpenTraceOptions {
  readonly format?: TraceFormat;
  /** Access size for untimed formats without sizes (Ramulator 2): the device granule. */
  readonly granuleBytes: number;
  /** Name used in error messages for in-memory traces. */
  readonly name?: string;
  /**
   * Bytes of device address space: an access reaching past it is a trace error at its line
   * (devices that do not fold addresses, i.e. LPDDR5; docs/trace-format.md). Default: no limit.
   */
  readonly addressLimit?: number;
}

function detect(src: ByteSource): Exclude<TraceFormat, 'auto'> {
  src.peek(4096);
  const b = src.buf;
  if (src.end - src.pos >= 8 && b.subarray(src.pos, src.pos + 8).equals(BINARY_MAGIC)) return 'qmcsim-binary';
  // First non-blank, non-comment line.
  let p = src.pos;
  while (p < src.end) {
    while (p < src.end && (b[p] === 32 || b[p] === 9 || b[p] === 13 || b[p] === 10)) p++;
    if (b[p] !== 35) break;
    while (p < src.end && b[p] !== 10) p++;
  }
  if (p + 2 <= src.end && ((b[p] === 76 && b[p + 1] === 68) || (b[p] === 83 && b[p + 1] === 84))) return 'ramulator2';
  return 'qmcsim-text';
}

/**
 * Refuses gzip data left after decompressing one layer (one line at 1:1 instead of a garbage
 * token) and skips a UTF-8 BOM.
 */
function checkStart(src: ByteSource, name: string): void {
  src.peek(3);
  const b = src.buf, p = src.pos, n = src.end - p;
  if (isGzip(b, p, src.end)) {
    throw new TraceParseError(name, 1, 1, 'a trace inside the gzip data (one gzip layer is decompressed)', 'gzip-compressed data again (compressed twice?)');
  }
  if (n >= 3 && b[p] === 0xef && b[p + 1] === 0xbb && b[p + 2] === 0xbf) src.pos += 3;
}

function open(src: ByteSource, opts: OpenTraceOptions): TraceCursor {
  const name = src.name;
  try {
    checkStart(src, name);
    const f = opts.format === undefined || opts.format === 'auto' ? detect(src) : opts.format;
    const limit = opts.addressLimit ?? Infinity;
    const cursor = f === 'qmcsim-binary' ? new BinaryCursor(src, name, limit)
      : f === 'ramulator2' ? new RamulatorCursor(src, name, opts.granuleBytes, limit)
      : new QmcsimTextCursor(src, name, limit);
    // A gzip stream that breaks off is blamed on the record being read when it does.
    src.failLine = () => cursor.line + 1;
    return cursor;
  } catch (e) {
    src.close(); // stops a gzip worker too
    throw e;
  }
}

/** Opens `file` (plain or gzip-compressed) for streaming replay. */
export function openTraceFile(file: string, opts: OpenTraceOptions): TraceCursor {
  return open(ByteSource.fromFile(file), opts);
}

/** Opens an in-memory trace (plain or gzip-compressed). */
export function openTraceBuffer(data: Buffer, opts: OpenTraceOptions): TraceCursor {
  return open(ByteSource.fromBuffer(data, opts.name ?? '<buffer>'), opts);
}
