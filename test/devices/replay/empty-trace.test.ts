// Regression: `qmcsim replay` on a trace without accesses (empty file, comments only, binary header
// alone, empty gzip) exited 0 with a report of zero accesses at 0 B/s. Now it is one line naming the
// file, `FILE: expected at least one access, found none`, exit 2, for every trace format.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BinaryTraceWriter } from '../../../src/devices/trace-replay/binary-trace.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { EmptyTraceError } from '../../../src/devices/trace-replay/trace-cursor.js';
import { runCli } from '../../cli/cli-helpers.js';
import { traceFolder } from './helpers.js';

const traces = traceFolder('qmcsim-empty-trace-');
const file = traces.file;

const comments = '# header comment\n\n   # indented comment\n';
const cases: [string, Buffer | string, string][] = [
  ['empty.trc', '', 'auto'],
  ['comments.trc', comments, 'auto'],
  ['comments-text.trc', comments, 'qmcsim-text'],
  ['comments-ramulator.trace', comments, 'ramulator2'],
  ['header-only.bin', new BinaryTraceWriter().finish(), 'auto'],
  ['empty.trc.gz', gzipSync(Buffer.alloc(0)), 'auto'],
  ['comments.trc.gz', gzipSync(comments), 'auto'],
  ['header-only.bin.gz', gzipSync(new BinaryTraceWriter().finish()), 'auto'],
];

describe('a trace without accesses', () => {
  it('runReplay throws EmptyTraceError naming the trace (every format, plain and gzip)', () => {
    for (const [name, data, format] of cases) {
      const f = file(name, data);
      let err: unknown;
      try {
        runReplay({ device: 'qmc-mram', trace: f, format: format as 'auto' });
      } catch (e) { err = e; }
      expect(err, name).toBeInstanceOf(EmptyTraceError);
      expect((err as Error).message).toBe(`${f}: expected at least one access, found none`);
    }
  });

  it('qmcsim replay: exit 2, one line naming the file (text, binary, Ramulator, gzip)', async () => {
    for (const [name, data, format] of [cases[1]!, cases[3]!, cases[4]!, cases[5]!]) {
      const f = file(`cli-${name}`, data);
      const r = await runCli('replay', '--device', 'qmc-lpddr5', '--trace', f, '--format', format);
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(`${f}: expected at least one access, found none`);
    }
  });

  it('one access is still a report', async () => {
    const f = file('one.trc', '# c\n0 R 0x0 64\n');
    const r = await runCli('replay', '--device', 'qmc-mram', '--trace', f);
    expect(r.code).toBe(0);
  });
});
