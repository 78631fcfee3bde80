/**
 * Child processes for the sweep tests: the CLI through `npx tsx src/cli/main.ts` in its own process
 * group (so SIGKILL reaches tsx's node child too), a local redis-server on a free port, and cleanup.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT } from './helpers.js';

/** A spawned process with its output collected line by line. */
export interface Proc {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first line (past or future) matching `re`; rejects on exit or timeout. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or signal name). */
  readonly exited: Promise<number | string>;
  /** Signals the whole process group; ignores a group that is already gone. */
  kill(signal: NodeJS.Signals): void;
}

const live = new Set<Proc>();

/** Starts `cmd args` in a new process group, collecting stdout and stderr lines. */
export function startProc(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn(cmd, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  const onData = (buf: Buffer, partial: { s: string }): void => {
    partial.s += buf.toString('utf8');
    const parts = partial.s.split('\n');
    partial.s = parts.pop() ?? '';
    for (const l of parts) {
      lines.push(l);
      for (const w of [...waiters]) if (w.re.test(l)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(l); }
    }
  };
  const o = { s: '' };
  const e = { s: '' };
  child.stdout?.on('data', (b: Buffer) => onData(b, o));
  child.stderr?.on('data', (b: Buffer) => onData(b, e));
  const exited = new Promise<number | string>((res) => child.on('exit', (code, sig) => res(code ?? sig ?? -1)));
  const proc: Proc = {
    child, lines, exited,
    waitFor(re, timeoutMs = 120_000) {
      const hit = lines.find((l) => re.test(l));
      if (hit !== undefined) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${lines.slice(-20).join('\n')}`)), timeoutMs);
        waiters.push({ re, resolve: (l) => { clearTimeout(t); resolve(l); } });
        void exited.then((c) => { clearTimeout(t); reject(new Error(`process exited (${c}) before ${re}; output:\n${lines.slice(-20).join('\n')}`)); });
      });
    },
    kill(signal) {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch { /* already gone */ }
    },
  };
  live.add(proc);
  void exited.then(() => live.delete(proc));
  return proc;
}

/** The CLI: `npx tsx src/cli/main.ts ...args`. */
export function startCli(args: readonly string[]): Proc {
  return startProc('npx', ['tsx', 'src/cli/main.ts', ...args]);
}

/** Kills every process these helpers started that is still running (afterAll). */
export async function killAll(): Promise<void> {
  const procs = [...live];
  for (const p of procs) p.kill('SIGKILL');
  await Promise.all(procs.map((p) => p.exited));
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** True when a redis-server binary is on PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Starts a throw-away redis-server (no persistence) and resolves when it accepts connections. */
export async function startRedis(): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = startProc('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await proc.waitFor(/Ready to accept connections/, 20_000);
  return { proc, url: `redis://127.0.0.1:${port}` };
}
