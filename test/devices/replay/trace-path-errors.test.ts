// Regression: `qmcsim replay --trace FILE/x` (a path through a file) printed the generic
// "qmcsim: FILE/x: not a directory" instead of naming --trace with expected/found.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-helpers.js';

describe('replay --trace paths', () => {
  it('a path through a file names --trace, expected and found; exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qmcsim-trace-path-')), 'a.trc');
    writeFileSync(file, '0 R 0x0 64\n');
    const { code, stderr } = await runCli('replay', '--device', 'qmc-mram', '--trace', join(file, 'x'));
    expect(code).toBe(2);
    expect(stderr).toBe(`qmcsim replay: --trace ${join(file, 'x')}: expected a trace file, found a path through a file\n`);
  });
});
