// Regression: `qmcsim replay --format ramulator` said only "expects one of …, found 'ramulator'";
// a near miss of a format name now gets a did-you-mean, and a far one none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/cli-helpers.js';

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-replay-format-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qmcsim replay --format', () => {
  it("'ramulator' → exit 2, one line suggesting 'ramulator2'", async () => {
    const f = join(dir, 'ok.trc');
    writeFileSync(f, 'LD 0x0\n');
    const r = await runCli('replay', '--device', 'qmc-mram', '--trace', f, '--format', 'ramulator');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--format expects one of .*ramulator2.*, found 'ramulator'; did you mean 'ramulator2'\?$/m);
    const far = await runCli('replay', '--device', 'qmc-mram', '--trace', f, '--format', 'csv');
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/found 'csv'$/m);
  });
});
