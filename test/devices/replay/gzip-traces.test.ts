// Gzip-compressed device traces (docs/trace-format.md): recognised by the magic bytes 1f 8b, read
// streaming through a createGunzip worker, and replayed exactly as the uncompressed trace; a parse
// error inside still names file:line:col, a corrupt or truncated stream is one line, exit 2.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BinaryTraceWriter } from '../../../src/devices/trace-replay/binary-trace.js';
import { formatReplayJson, formatReplayText } from '../../../src/devices/trace-replay/format-report.js';
import { openTraceBuffer, openTraceFile } from '../../../src/devices/trace-replay/open-trace.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import type { TraceCursor } from '../../../src/devices/trace-replay/trace-cursor.js';
import { runCli } from '../../cli/cli-helpers.js';
import { traceFolder, traceParseError } from './helpers.js';

const traces = traceFolder('qmcsim-gzip-');
const file = traces.file;
function drain(c: TraceCursor): number[][] {
  const out: number[][] = [];
  try {
    while (c.next()) out.push([c.timePs, c.isWrite ? 1 : 0, c.addr, c.sizeBytes, c.tag]);
  } finally {
    c.close();
  }
  return out;
}
const open = (b: Buffer, name = 't.trc.gz'): TraceCursor => openTraceBuffer(b, { granuleBytes: 64, name });

/** Ramulator 2 lines with a little irregularity (varying line lengths, a comment, CRLF now and then). */
function ramulator(n: number): string {
  const lines = ['# Ramulator 2 LD/ST'];
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    lines.push(`${x % 4 === 0 ? 'ST' : 'LD'} 0x${((x % 1048576) * 64).toString(16)}${i % 97 === 0 ? '\r' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
function qmcsimText(n: number): string {
  const lines = ['# time_ps op addr size tag'];
  for (let i = 0; i < n; i++) lines.push(`${i * 1500} ${i % 5 === 0 ? 'W' : 'R'} 0x${((i * 7919) % 65536 * 64).toString(16)} ${64 * (1 + (i % 2))} ${i % 3}`);
  return `${lines.join('\n')}\n`;
}

describe('gzip traces: same records as the plain bytes', () => {
  it('qmcsim text, Ramulator 2, binary and a byte-order mark, in memory', () => {
    const bin = new BinaryTraceWriter();
    bin.add(0, false, 0x40, 64, 1);
    bin.add(900, true, 0x1000, 128, 2);
    const cases: [Buffer, string][] = [
      [Buffer.from(qmcsimText(40)), 'qmcsim-text'],
      [Buffer.from(ramulator(40)), 'ramulator2'],
      [bin.finish(), 'qmcsim-binary'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('LD 0x80\n')]), 'ramulator2'],
    ];
    for (const [plain, format] of cases) {
      const records = drain(open(plain, 'p.trc'));
      expect(records.length).toBeGreaterThan(0);
      const gz = open(gzipSync(plain));
      expect(gz.format).toBe(format);
      expect(drain(gz)).toEqual(records);
    }
  });

  it('an empty gzip member is an empty trace; concatenated members (cat a.gz b.gz) read as one', () => {
    expect(drain(open(gzipSync(Buffer.alloc(0))))).toEqual([]);
    const text = ramulator(30);
    const cut = text.indexOf('\n', 200) - 3; // the split falls inside a line
    const two = Buffer.concat([gzipSync(text.slice(0, cut)), gzipSync(text.slice(cut))]);
    expect(drain(open(two))).toEqual(drain(open(Buffer.from(text), 'p.trc')));
  });
});

describe('gzip trace files replay byte for byte like the uncompressed file', () => {
  it('a multi-MiB Ramulator trace (lines cut across the 1 MiB hand-over slots), by magic not by name', () => {
    const text = ramulator(200_000); // ~2.5 MB decompressed: more than the two 1 MiB slots
    expect(text.length).toBeGreaterThan(2 * 2 ** 20);
    const plain = file('big.trc', text);
    const gz = file('big.trc.gz', gzipSync(text));
    const noExt = file('big-gz-without-extension.trc', gzipSync(text, { level: 1 }));
    const ref = runReplay({ device: 'qmc-mram', trace: plain, seed: 5 });
    expect(ref.result.reads + ref.result.writes).toBe(200_000);
    for (const f of [gz, noExt]) {
      const run = runReplay({ device: 'qmc-mram', trace: f, seed: 5 });
      expect(formatReplayJson(run).replaceAll(f, plain)).toBe(formatReplayJson(ref));
      expect(formatReplayText(run).replaceAll(f, plain)).toBe(formatReplayText(ref));
    }
  });

  it('qmcsim replay (CLI) prints the same text and JSON for trace.trc and trace.trc.gz', async () => {
    for (const [name, text, device] of [['t.trc', qmcsimText(3000), 'qmc-reram-3bit'], ['r.trc', ramulator(3000), 'qmc-mram']] as const) {
      const plain = file(name, text);
      const gz = file(`${name}.gz`, gzipSync(text));
      for (const extra of [[], ['--json']]) {
        const args = ['replay', '--device', device, '--seed', '7', '--noise', device === 'qmc-mram' ? 'stt-mram-default' : 'nvmexplorer-3bit', ...extra];
        const a = await runCli(...args, '--trace', plain);
        const b = await runCli(...args, '--trace', gz);
        expect([a.code, b.code, b.stderr]).toEqual([0, 0, '']);
        expect(b.stdout).toContain(gz);
        expect(b.stdout.replaceAll(gz, plain)).toBe(a.stdout);
      }
    }
  });

  it('a plain trace named .gz is read as plain (the magic decides, not the name)', () => {
    const f = file('not-really.gz', 'LD 0x0\nST 0x40\n');
    expect(drain(openTraceFile(f, { granuleBytes: 64 }))).toEqual([[0, 0, 0, 64, 0], [0, 1, 0x40, 64, 0]]);
  });
});

describe('errors in gzip traces', () => {
  it('a bad line inside trace.txt.gz names the file, line and column (CLI: one line, exit 2)', async () => {
    const lines = ramulator(20).split('\n');
    lines[11] = 'LD 0xnothex'; // line 12
    const f = file('trace.txt.gz', gzipSync(lines.join('\n')));
    const r = await runCli('replay', '--device', 'qmc-mram', '--trace', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f}:12:4: expected an address (0x-hex or decimal), found '0xnothex'\n`);
    const q = qmcsimText(5).replace('1500 R', '1500 Q');
    expect(traceParseError(() => drain(open(gzipSync(q)))).message).toBe("t.trc.gz:3:6: expected R or W, found 'Q'");
  });

  it('a truncated stream is the truncation error wherever it is cut, never a silent shorter trace', () => {
    const text = 'LD 0x0\nST 0x40\nLD 0x80\nLD 0xc0\n';
    const gz = gzipSync(text);
    // In the 10-byte header, at the first deflate byte, inside the data, in the CRC and in the size trailer.
    const cuts = [2, 5, 10, 11, gz.length >> 1, gz.length - 8, gz.length - 5, gz.length - 1];
    for (const cut of cuts) {
      const e = traceParseError(() => drain(open(gz.subarray(0, cut))));
      expect(e.message).toMatch(/^t\.trc\.gz:[1-5]:1: expected a complete, intact gzip stream, found truncated gzip data \(unexpected end of file\)$/);
    }
  });

  it('the truncation error names the first record that could not be read', () => {
    // Stored (level 0) deflate blocks put the bytes in the file as they are: cutting inside line 3 leaves lines 1–2 intact.
    const text = 'LD 0x0\nST 0x40\nLD 0x80\nLD 0xc0\n';
    const gz = gzipSync(text, { level: 0 });
    const at = gz.indexOf('LD 0x80');
    const e = traceParseError(() => drain(open(gz.subarray(0, at + 3))));
    expect([e.line, e.col]).toEqual([3, 1]);
  });

  it('corrupt gzip data: one line, exit 2, no stack', async () => {
    const gz = gzipSync(ramulator(50));
    const badCrc = Buffer.from(gz);
    const crcAt = badCrc.length - 8; // CRC-32 of the trailer
    badCrc.writeUInt8(badCrc.readUInt8(crcAt) ^ 0xff, crcAt);
    expect(traceParseError(() => drain(open(badCrc))).message).toMatch(/^t\.trc\.gz:\d+:1: expected a complete, intact gzip stream, found corrupt gzip data \(incorrect data check\)$/);
    const f = file('corrupt.trc.gz', badCrc);
    const r = await runCli('replay', '--device', 'qmc-mram', '--trace', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:1: expected a complete, intact gzip stream, found corrupt gzip data \\(incorrect data check\\)\\n$`));
    const t = file('trunc.trc.gz', gz.subarray(0, gz.length - 20));
    const r2 = await runCli('replay', '--device', 'qmc-mram', '--trace', t);
    expect(r2.code).toBe(2);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).toMatch(/found truncated gzip data \(unexpected end of file\)\n$/);
  });

  it('a trace compressed twice is refused at 1:1 after one layer', () => {
    const e = traceParseError(() => drain(open(gzipSync(gzipSync('LD 0x0\n')))));
    expect(e.message).toBe('t.trc.gz:1:1: expected a trace inside the gzip data (one gzip layer is decompressed), found gzip-compressed data again (compressed twice?)');
  });

  it('an error early in a large gzip trace ends the replay (no wait on the decompressing worker)', () => {
    const text = `LD 0x0\nXX 0x40\n${ramulator(300_000)}`;
    const f = file('early.trc.gz', gzipSync(text, { level: 1 }));
    expect(traceParseError(() => runReplay({ device: 'qmc-mram', trace: f })).message).toBe(`${f}:2:1: expected LD or ST, found 'XX'`);
  });
});
