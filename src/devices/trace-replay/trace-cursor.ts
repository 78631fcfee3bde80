/**
 * The record cursor every trace reader implements: `next()` loads the next access into plain
 * fields (no object per record). Parse errors are TraceParseError naming file:line:col.
 */
import { formatQuantity } from '../../units/format.js';

export interface TraceCursor {
  /** Loads the next record; false at end of trace. Throws TraceParseError on a malformed record. */
  next(): boolean;
  /** Arrival time in ps (0 for untimed formats). */
  timePs: number;
  isWrite: boolean;
  addr: number;
  sizeBytes: number;
  tag: number;
  /** True when the format carries arrival times (latency is then measured from them). */
  readonly timed: boolean;
  /** Format name for reports: 'qmcsim-text' | 'qmcsim-binary' | 'ramulator2'. */
  readonly format: string;
  /** 1-based line (text) or record (binary) number of the current record. */
  readonly line: number;
  close(): void;
}

/** A malformed trace record: one line `file:line:col: expected …, found …`. */
export class TraceParseError extends Error {
  constructor(readonly file: string, readonly line: number, readonly col: number, readonly expected: string, readonly found: string) {
    super(`${file}:${line}:${col}: expected ${expected}, found ${found}`);
    this.name = 'TraceParseError';
  }
}

/**
 * A trace with no access at all (empty, only comments, a binary header alone): nothing to measure,
 * so one line `file: expected at least one access, found none` instead of a zero report.
 */
export class EmptyTraceError extends Error {
  constructor(readonly file: string) {
    super(`${file}: expected at least one access, found none`);
    this.name = 'EmptyTraceError';
  }
}

/** Shows the token at [from, to) for an error message ('end of line' when empty; other bytes as \xNN). */
export function showBytes(buf: Buffer, from: number, to: number): string {
  if (from >= to) return 'end of line';
  let end = from;
  while (end < to && end - from < 24 && buf[end] !== 32 && buf[end] !== 9 && buf[end] !== 13) end++;
  if (end === from) end = from + 1;
  // Control and non-ASCII bytes print as \xNN, so binary data cannot garble the terminal line.
  let shown = '';
  for (let i = from; i < end; i++) {
    const c = buf[i] as number;
    shown += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return `'${shown}'`;
}

/** A device capacity for an error message: exact bytes plus the binary-prefixed size ('34359738368 B = 32 GiB'). */
export function capacityText(bytes: number): string {
  return `${bytes} B = ${formatQuantity(bytes, 'size', 6)}`;
}
