// Regression: a gzip-compressed trace failed with "found 'L»'"-style garbage (raw bytes printed
// as latin1), and a trace saved with a UTF-8 byte-order mark (Windows editors) failed at 1:1 with
// "found 'ï»¿0'". Now gzip is decompressed (gzip-traces.test.ts), the BOM is skipped, and odd
// bytes print as \xNN.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openTraceBuffer } from '../../../src/devices/trace-replay/open-trace.js';
import type { TraceCursor } from '../../../src/devices/trace-replay/trace-cursor.js';
import { traceParseError } from './helpers.js';

const open = (b: Buffer, format?: 'qmcsim-text' | 'ramulator2'): TraceCursor =>
  openTraceBuffer(b, { granuleBytes: 64, name: 't.trc', ...(format ? { format } : {}) });
function drain(c: TraceCursor): number[][] {
  const out: number[][] = [];
  while (c.next()) out.push([c.timePs, c.addr, c.sizeBytes]);
  return out;
}

describe('trace start bytes', () => {
  it('a gzip-compressed trace is decompressed first, whatever --format says', () => {
    const gz = gzipSync(Buffer.from('0 R 0x0 64 1\n'));
    for (const f of [undefined, 'qmcsim-text'] as const) expect(drain(open(gz, f))).toEqual([[0, 0, 64]]);
    // Forcing the wrong reader fails on the decompressed text, not on gzip bytes.
    expect(traceParseError(() => drain(open(gz, 'ramulator2'))).message).toBe("t.trc:1:1: expected LD or ST, found '0'");
  });

  it('a UTF-8 byte-order mark is skipped (text and Ramulator 2)', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(drain(open(Buffer.concat([bom, Buffer.from('0 R 0x40 64 1\r\n')])))).toEqual([[0, 0x40, 64]]);
    const r = open(Buffer.concat([bom, Buffer.from('LD 0x80\n')]));
    expect(r.format).toBe('ramulator2');
    expect(drain(r)).toEqual([[0, 0x80, 64]]);
  });

  it('control and non-ASCII bytes in a bad token print as \\xNN', () => {
    const e = traceParseError(() => drain(open(Buffer.from([0x30, 0x20, 0x52, 0x20, 0x01, 0xff, 0x0a]))));
    expect(e.found).toBe("'\\x01\\xff'");
    expect(e.message).toBe("t.trc:1:5: expected a hex address such as 0x1f40, found '\\x01\\xff'");
  });
});
