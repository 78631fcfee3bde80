// Regression: a trace record near the end of the ps range (time < 2^53 ps, accepted by the parser)
// made the engine refuse the completion event — `qmcsim replay` printed "internal error: SimError:
// event time … is not a safe integer" and exited 3. It is bad input: file:line, exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-helpers.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { traceParseError } from './helpers.js';

const late = '0 R 0x0 64 1\n9007199254740000 R 0x40 64 1\n';

describe('trace times near 2^53 ps', () => {
  it('runReplay: a TraceParseError at the late record', () => {
    const e = traceParseError(() => runReplay({ device: 'qmc-mram', trace: { name: 't.trc', data: Buffer.from(late) } }));
    expect(e.message).toBe("t.trc:2:1: expected a time that keeps the simulation below 2^53 ps (about 2.5 h), found '9007199254740000'");
  });

  it('qmcsim replay: one line, exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qmcsim-late-')), 'late.trc');
    writeFileSync(file, late);
    const { code, stderr } = await runCli('replay', '--device', 'nvmexplorer-sram-2mb', '--trace', file);
    expect(code).toBe(2);
    expect(stderr).toBe(`${file}:2:1: expected a time that keeps the simulation below 2^53 ps (about 2.5 h), found '9007199254740000'\n`);
  });
});
