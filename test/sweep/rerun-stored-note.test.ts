// Regression: re-running a sweep without --resume into a database that stores its points printed
// '4 points (4 to run, 0 already stored)', although they were stored (and silently recomputed). The
// plan now says how many are stored and will be re-run, and how to reuse them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir, writeToySweep } from './helpers.js';

async function plan(args: string[]): Promise<string> {
  let stderr = '';
  expect(await main(['sweep', ...args, '--workers', '0', '--no-progress'], { stdout: () => {}, stderr: (t) => { stderr += t; } })).toBe(0);
  return stderr.split('\n')[0]!;
}

describe('sweep plan line', () => {
  it('says stored points are re-run without --resume, and reused with it', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, 'axes:\n  - reram.arrays: [32, 64]\n');
    const args = [file, '--out', join(dir, 'out')];
    expect(await plan(args)).toBe('t: 2 points (2 to run, 0 already stored); 0 more skipped by constraints');
    expect(await plan(args)).toBe('t: 2 points (2 to run; 2 already stored will be re-run: use --resume to reuse them); 0 more skipped by constraints');
    expect(await plan([...args, '--resume'])).toBe('t: 2 points (0 to run, 2 already stored); 0 more skipped by constraints');
  }, 60_000);
});
