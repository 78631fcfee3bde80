import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTraceBuffer, openTraceFile } from '../../../src/devices/trace-replay/open-trace.js';
import { BinaryTraceWriter } from '../../../src/devices/trace-replay/binary-trace.js';
import type { TraceCursor, TraceParseError } from '../../../src/devices/trace-replay/trace-cursor.js';
import { traceParseError } from './helpers.js';

type Rec = [number, boolean, number, number, number];
function all(c: TraceCursor): Rec[] {
  const out: Rec[] = [];
  while (c.next()) out.push([c.timePs, c.isWrite, c.addr, c.sizeBytes, c.tag]);
  return out;
}
const text = (s: string) => openTraceBuffer(Buffer.from(s), { granuleBytes: 64, name: 't.trc' });
const parseError = (s: string): TraceParseError => traceParseError(() => all(text(s)));

describe('qmcsim text trace', () => {
  it('parses records, comments, blank lines, CRLF, optional tags and bare hex', () => {
    const c = text('# header\n\n0 R 0x0 64\r\n  10 W 1f40 128 7\n20 r 0XFF 1\t3\n');
    expect(c.format).toBe('qmcsim-text');
    expect(all(c)).toEqual([[0, false, 0, 64, 0], [10, true, 0x1f40, 128, 7], [20, false, 255, 1, 3]]);
  });

  it('the largest size and tag (the binary format\'s u32 / u16) are accepted', () => {
    expect(all(text('0 R 0x0 4294967295 65535\n'))).toEqual([[0, false, 0, 4294967295, 65535]]);
  });

  it('last line without a newline is read', () => {
    expect(all(text('5 W 0x10 8'))).toEqual([[5, true, 16, 8, 0]]);
  });

  it.each([
    ['0 X 0x0 64\n', 1, 3, 'R or W', "'X'"],
    ['0 R 0xZZ 64\n', 1, 5, 'a hex address', "'0xZZ'"],
    ['0 R 0x0\n', 1, 8, 'a size in bytes', 'end of line'],
    ['0 R 0x0 0\n', 1, 9, 'a size of at least 1 byte', "'0'"],
    ['10 R 0x0 64\n5 R 0x0 64\n', 2, 1, 'a time ≥ 10 ps', "'5'"],
    ['0 R 0x0 64 1 junk\n', 1, 14, 'end of line', "'junk'"],
    ['abc R 0x0 64\n', 1, 1, 'a time in integer ps', "'abc'"],
    // sizes and tags are bounded as the binary format's u32 / u16 fields (a 1e15 B access ran for
    // hours; tag 4e12 allocated per-tag arrays of that length: RangeError, exit 3)
    ['0 R 0x0 4294967296\n', 1, 9, 'a size of at most 4294967295 B', "'4294967296'"],
    ['0 R 0x0 1000000000000000 1\n', 1, 9, 'a size of at most 4294967295 B', "'1000000000000000'"],
    ['0 R 0x0 64 65536\n', 1, 12, 'a tag of at most 65535', "'65536'"],
    ['0 R 0x0 64 4000000000000\n', 1, 12, 'a tag of at most 65535', "'4000000000000'"],
  ])('malformed %j → file:line:col with expected/found', (src, line, col, expected, found) => {
    const e = parseError(src);
    expect(e.line).toBe(line);
    expect(e.col).toBe(col);
    expect(e.message.startsWith(`t.trc:${line}:${col}: expected ${expected}`)).toBe(true);
    expect(e.found).toBe(found);
  });
});

describe('Ramulator 2 load/store trace (LoadStoreTrace)', () => {
  it('parses LD/ST with hex or decimal addresses, untimed, one granule each', () => {
    const c = text('LD 0x40\nST 128\n\nLD 0xdeadbeef\n');
    expect(c.format).toBe('ramulator2');
    expect(c.timed).toBe(false);
    expect(all(c)).toEqual([[0, false, 64, 64, 0], [0, true, 128, 64, 0], [0, false, 0xdeadbec0, 64, 0]]);
  });

  it('an unaligned address is the granule holding it, as Ramulator 2 drops the low bits (not two partial transfers)', () => {
    expect(all(text('LD 0x41\nST 127\nLD 0x7f\n'))).toEqual([[0, false, 64, 64, 0], [0, true, 64, 64, 0], [0, false, 64, 64, 0]]);
    const sram = openTraceBuffer(Buffer.from('LD 0x0f\n'), { granuleBytes: 8, name: 't.trc' });
    expect(all(sram)).toEqual([[0, false, 8, 8, 0]]);
  });

  it('names file:line of a malformed line', () => {
    expect(parseError('LD 0x40\nXX 0x80\n').message).toBe("t.trc:2:1: expected LD or ST, found 'XX'");
    expect(parseError('LD 0x40\nST zz\n').message).toBe("t.trc:2:4: expected an address (0x-hex or decimal), found 'zz'");
  });
});

describe('binary trace and chunked file reading', () => {
  it('binary round-trips the text records', () => {
    const w = new BinaryTraceWriter(2);
    w.add(0, false, 0, 64, 1);
    w.add(10, true, 0x1f40, 128, 7);
    w.add(20, false, 2 ** 40, 64, 65535);
    const c = openTraceBuffer(w.finish(), { granuleBytes: 64 });
    expect(c.format).toBe('qmcsim-binary');
    expect(all(c)).toEqual([[0, false, 0, 64, 1], [10, true, 0x1f40, 128, 7], [20, false, 2 ** 40, 64, 65535]]);
  });

  it('binary: truncated record and bad flags are errors naming the record', () => {
    const w = new BinaryTraceWriter();
    w.add(0, false, 0, 64);
    const b = w.finish();
    expect(() => all(openTraceBuffer(b.subarray(0, b.length - 3), { granuleBytes: 64, name: 'b.bin' }))).toThrow(/b\.bin:1:1: expected a 24-byte record/);
    const bad = Buffer.from(b);
    bad.writeUInt16LE(6, 8 + 20);
    expect(() => all(openTraceBuffer(bad, { granuleBytes: 64, name: 'b.bin' }))).toThrow(/b\.bin:1:21: expected flags/);
  });

  it('binary: an address of 2^53 names the bound it passes (it read "expected a non-negative integer address")', () => {
    const w = new BinaryTraceWriter();
    w.add(0, false, 2 ** 53, 64);
    expect(() => all(openTraceBuffer(w.finish(), { granuleBytes: 64, name: 'b.bin' })))
      .toThrow('b.bin:1:9: expected a non-negative integer address below 2^53, found 9007199254740992');
  });

  it('streams a file larger than the 1 MiB read chunk with lines across chunk boundaries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-trace-'));
    try {
      const n = 60000;
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(`${i * 1000} ${i % 3 === 0 ? 'W' : 'R'} 0x${(i * 64).toString(16)} 64 ${i % 5}`);
      const file = join(dir, 'big.trc');
      writeFileSync(file, lines.join('\n') + '\n');
      const c = openTraceFile(file, { granuleBytes: 64 });
      let count = 0, sumAddr = 0, writes = 0, badTimes = 0;
      while (c.next()) {
        if (c.timePs !== count * 1000) badTimes++;
        sumAddr += c.addr;
        if (c.isWrite) writes++;
        count++;
      }
      expect(count).toBe(n);
      expect(badTimes).toBe(0);
      expect(sumAddr).toBe((64 * n * (n - 1)) / 2);
      expect(writes).toBe(20000);
      const e = (() => { try { all(openTraceFile(file, { granuleBytes: 64, format: 'ramulator2' })); } catch (x) { return x as Error; } return undefined; })();
      expect(e?.message).toBe(`${file}:1:1: expected LD or ST, found '0'`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
