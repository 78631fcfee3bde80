// Regression: `qmcsim sweep FILE --queue-name x` without --queue silently ran every point locally
// (the option was ignored), and an empty --queue-name reached Redis instead of being refused.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-helpers.js';
import { FIXTURES, tempDir } from './helpers.js';

describe('queue options', () => {
  it('sweep --queue-name without --queue: one line, exit 2, nothing run', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli('sweep', join(FIXTURES, 'toy-sweep.yaml'), '--workers', '0', '--queue-name', 'x', '--out', out, '--no-progress');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qmcsim sweep: --queue-name: expected together with --queue redis://HOST:PORT, found no --queue (points would run locally)\n');
    expect(existsSync(join(out, 'results.duckdb'))).toBe(false);
  });
  it("sweep and worker --queue-name '': refused before reaching Redis", async () => {
    const s = await runCli('sweep', join(FIXTURES, 'toy-sweep.yaml'), '--queue', 'redis://127.0.0.1:1', '--queue-name', '', '--out', join(tempDir(), 'o'));
    expect(s.code).toBe(2);
    expect(s.stderr).toBe('qmcsim sweep: --queue-name: expected a queue name, found an empty string\n');
    const w = await runCli('worker', '--queue', 'redis://127.0.0.1:1', '--queue-name', '');
    expect(w.code).toBe(2);
    expect(w.stderr).toBe('qmcsim worker: --queue-name: expected a queue name, found an empty string\n');
  });
});
