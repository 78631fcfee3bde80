// `qmcsim … 2>&1 | head -1`: a reader that closes stderr early must not turn the exit code of the
// error being reported (2, bad input) into an internal error (3).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('stderr closed by the reader', () => {
  it('a bad file still exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-epipe-'));
    try {
      // many unknown keys: many error lines, written after the reader has gone
      const f = join(dir, 'many.yaml');
      writeFileSync(f, `kind: soc\n${Array.from({ length: 200 }, (_, i) => `unknownKey${i}: 1`).join('\n')}\n`);
      const code = await new Promise<number | null>((res, rej) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'validate', f], { stdio: ['ignore', 'ignore', 'pipe'] });
        child.stderr.destroy(); // the reader is gone before the CLI writes its first line
        child.on('error', rej);
        child.on('exit', (c) => res(c));
      });
      expect(code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
