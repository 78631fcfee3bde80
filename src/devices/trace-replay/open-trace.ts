/**
 * Opens a trace file or buffer and picks the reader: binary by its magic; otherwise the first
 * record line decides between Ramulator 2 (`LD`/`ST`) and qmcsim text. `format` forces a reader.
 * A leading UTF-8 byte-order mark is skipped; a gzip-compressed file is refused at 1:1 (not read).
 */
import { ByteSource } from './byte-source.js';
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
  src.ensure(4096);
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

/** Refuses gzip data (one line at 1:1 instead of a garbage token) and skips a UTF-8 BOM. */
function checkStart(src: ByteSource, name: string): void {
  src.ensure(3);
  const b = src.buf, p = src.pos, n = src.end - p;
  if (n >= 2 && b[p] === 0x1f && b[p + 1] === 0x8b) {
    throw new TraceParseError(name, 1, 1, 'an uncompressed trace (gzip is not read; decompress it first, e.g. gunzip -k)', 'gzip-compressed data');
  }
  if (n >= 3 && b[p] === 0xef && b[p + 1] === 0xbb && b[p + 2] === 0xbf) src.pos += 3;
}

function open(src: ByteSource, name: string, opts: OpenTraceOptions): TraceCursor {
  checkStart(src, name);
  const f = opts.format === undefined || opts.format === 'auto' ? detect(src) : opts.format;
  const limit = opts.addressLimit ?? Infinity;
  if (f === 'qmcsim-binary') return new BinaryCursor(src, name, limit);
  if (f === 'ramulator2') return new RamulatorCursor(src, name, opts.granuleBytes, limit);
  return new QmcsimTextCursor(src, name, limit);
}

/** Opens `file` for streaming replay. */
export function openTraceFile(file: string, opts: OpenTraceOptions): TraceCursor {
  return open(ByteSource.fromFile(file), file, opts);
}

/** Opens an in-memory trace. */
export function openTraceBuffer(data: Buffer, opts: OpenTraceOptions): TraceCursor {
  return open(ByteSource.fromBuffer(data), opts.name ?? '<buffer>', opts);
}
