// Ctrl-C / SIGTERM during a sweep unwinds through the command's cleanup instead of exiting on the
// spot: before any point is stored no empty results.duckdb (+ .wal) or created --out folder is
// left; once the table was printed the signal is ignored (exit 0, no 'interrupted' line); before
// that the table is not printed and the command ends with the 'interrupted' line (130 / 143). The
// signals are emitted in process at fixed moments (the plan line, the last report line).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES, tempDir } from './helpers.js';

const SPEC = join(FIXTURES, 'toy-sweep.yaml');

/** Runs the toy sweep in process; emits `signal` when a line matching `at` is written. */
async function sweep(args: string[], at?: RegExp, signal: NodeJS.Signals = 'SIGINT'): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [], stderr: string[] = [];
  let sent = false;
  const write = (into: string[]) => (t: string): void => {
    for (const l of t.split('\n').filter((x) => x !== '')) {
      into.push(l);
      if (at !== undefined && !sent && at.test(l)) {
        sent = true;
        process.emit(signal, signal);
      }
    }
  };
  const code = await main(['sweep', SPEC, '--workers', '0', '--no-progress', ...args], { stdout: write(stdout), stderr: write(stderr) });
  return { code, stdout, stderr };
}

describe('sweep interrupted cleanly', () => {
  it('before the first point: exit 130, no database, no .wal, no created --out', async () => {
    const out = join(tempDir(), 'new', 'out');
    const r = await sweep(['--out', out], /^toy: 12 points/);
    expect(r.code).toBe(130);
    expect(r.stderr.at(-1)).toBe('toy: interrupted before any point finished; nothing was stored');
    expect(existsSync(join(out, 'results.duckdb'))).toBe(false);
    expect(existsSync(join(out, 'results.duckdb.wal'))).toBe(false);
    expect(existsSync(join(out, '..'))).toBe(false);
    expect(r.stdout).toEqual([]);
  });

  it('SIGTERM: exit 143', async () => {
    const out = join(tempDir(), 'out');
    const r = await sweep(['--out', out], /^toy: 12 points/, 'SIGTERM');
    expect(r.code).toBe(143);
    expect(existsSync(join(out, 'results.duckdb'))).toBe(false);
  });

  it('while finishing (--resume, every point stored): either the table and exit 0, or the interrupted line and 130 — never half of each', async () => {
    const out = join(tempDir(), 'out');
    expect((await sweep(['--out', out])).code).toBe(0);
    const db = join(out, 'results.duckdb');
    // before the report is written: no table, the interrupted line, 130
    const early = await sweep(['--out', out, '--resume'], /^toy: 12 points/);
    expect(early.code).toBe(130);
    expect(early.stdout).toEqual([]);
    expect(early.stderr.at(-1)).toBe(`toy: interrupted before the report was written; all 12 points are stored in ${db}. Run the same command with --resume to write it`);
    expect(existsSync(db)).toBe(true);
    // after the table is printed: the signal changes nothing
    const late = await sweep(['--out', out, '--resume'], /^tables: /);
    expect(late.code).toBe(0);
    expect(late.stdout.some((l) => l.startsWith('12 points stored in '))).toBe(true);
    expect(late.stderr.some((l) => l.includes('interrupted'))).toBe(false);
  });

  it('after the report, SIGINT / SIGTERM stay handled (ignored) while the command tears down, not left to Node\'s default exit 130 / 143', async () => {
    const out = join(tempDir(), 'out');
    const count = (): number[] => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const before = count();
    expect((await sweep(['--out', out])).code).toBe(0);
    const after = count();
    // an ignoring listener each once a sweep has reported (they used to be removed, leaving Node's default)
    expect(after[0]).toBeGreaterThanOrEqual(Math.max(1, before[0]!));
    expect(after[1]).toBeGreaterThanOrEqual(Math.max(1, before[1]!));
    // and no more than one, however many sweeps report
    expect((await sweep(['--out', out, '--resume'])).code).toBe(0);
    expect(count()).toEqual(after);
  });
});
