/**
 * `qmcsim worker` and `qmcsim sweep --queue` when Redis is not there: a free port where nothing
 * listens, or a malformed URL, gives one stderr line naming the URL and exit 2 (no stack, no hang).
 * With a redis-server, a connection lost mid-run makes the worker exit 1 with one line.
 */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { QUEUE_SWEEP } from './fixtures/real-sweeps.js';
import { ROOT, tempDir } from './helpers.js';
import { freePort, hasRedisServer, killAll, startCli, startRedis } from './processes.js';

afterAll(killAll);

/** Longest a refused connection may take before the command counts as hanging (startup included). */
const HANG_MS = 30_000;

interface Result { code: number | string; stdout: string[]; stderr: string[] }

/** Runs the CLI to completion with stdout and stderr kept apart; SIGKILLs it after HANG_MS. */
function runCli(args: readonly string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString('utf8'); });
    child.stderr.on('data', (b: Buffer) => { err += b.toString('utf8'); });
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, HANG_MS);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      const lines = (s: string): string[] => s.split('\n').filter((l) => l.trim() !== '');
      resolve({ code: code ?? sig ?? -1, stdout: lines(out), stderr: lines(err) });
    });
  });
}

function expectOneLine(r: Result, command: string, mention: string): void {
  expect(r.code, `exit code (SIGKILL means it hung); stderr:\n${r.stderr.join('\n')}`).toBe(2);
  expect(r.stderr.some((l) => /^\s+at /.test(l))).toBe(false);
  expect(r.stderr).toHaveLength(1);
  expect(r.stderr[0]).toContain(`qmcsim ${command}:`);
  expect(r.stderr[0]).toContain(mention);
  expect(r.stdout).toEqual([]);
}

describe('distributed mode without a reachable Redis', () => {
  it('worker and sweep --queue exit 2 with one line naming the URL when nothing listens', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dir = tempDir();
    const [worker, sweep] = await Promise.all([
      runCli(['worker', '--queue', url, '--workers', '1']),
      runCli(['sweep', QUEUE_SWEEP, '--queue', url, '--out', dir, '--no-progress']),
    ]);
    expectOneLine(worker, 'worker', `cannot reach Redis at ${url} (connection refused)`);
    expectOneLine(sweep, 'sweep', `cannot reach Redis at ${url} (connection refused)`);
  }, 2 * HANG_MS);

  it('a malformed --queue URL exits 2 with one line', async () => {
    const dir = tempDir();
    const [worker, sweep] = await Promise.all([
      runCli(['worker', '--queue', 'foo', '--workers', '1']),
      runCli(['sweep', QUEUE_SWEEP, '--queue', 'http://127.0.0.1:1', '--out', dir, '--no-progress']),
    ]);
    expectOneLine(worker, 'worker', "expected a URL such as redis://127.0.0.1:6379, found 'foo'");
    expectOneLine(sweep, 'sweep', "expected a redis:// URL, found 'http://127.0.0.1:1'");
  }, 2 * HANG_MS);
});

describe.skipIf(!hasRedisServer())('distributed mode when Redis goes away mid-run', () => {
  it('the worker exits 1 with one line naming the URL', async () => {
    const { proc: server, url } = await startRedis();
    const worker = startCli(['worker', '--queue', url, '--workers', '1']);
    try {
      await worker.waitFor(/waiting for points/);
      server.kill('SIGKILL');
      await server.exited;
      expect(await worker.exited).toBe(1);
      const tail = worker.lines.filter((l) => !/waiting for points/.test(l) && l.trim() !== '');
      expect(tail).toEqual([`qmcsim worker: lost connection to Redis at ${url} (connection refused); points it was running go back to the queue for other workers`]);
    } finally {
      worker.kill('SIGKILL');
      server.kill('SIGKILL');
      await Promise.all([worker.exited, server.exited]);
    }
  }, 120_000);
});
