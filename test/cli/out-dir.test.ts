// Output directories are checked before any work: `--out` naming a file (or a path through a file)
// is one line and exit 2 at once, and nothing is simulated or written.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareOutDir } from '../../src/cli/out-dir.js';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

describe('prepareOutDir', () => {
  it('creates missing folders and accepts an existing directory', () => {
    const d = join(t.dir, 'a', 'b', 'c');
    prepareOutDir(d, 'x: --out');
    expect(existsSync(d)).toBe(true);
    prepareOutDir(d, 'x: --out');
  });
  it('a file, or a path through a file, is a UserError naming the option and the path', () => {
    const f = t.write('file.txt', 'x');
    expect(() => prepareOutDir(f, 'x: --out')).toThrow(`x: --out ${f}: expected a directory that can be written, found a file (not a directory)`);
    expect(() => prepareOutDir(join(f, 'sub'), 'x: --out')).toThrow(/found a path through a file$/);
  });
  // Node 20's mkdirSync(..., { recursive: true }) spins forever on procfs (mkdir gives ENOENT there),
  // so this runs in a child process with a time limit: a hang fails the test instead of the suite.
  it.runIf(existsSync('/proc/self'))('a folder under /proc is one line, not a hang', () => {
    const code = `import { prepareOutDir } from './src/cli/out-dir.ts';
      try { prepareOutDir('/proc/qmcsim-out/x', 'x: --out'); console.log('created'); } catch (e) { console.log(e.message); }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal, 'the child was killed: prepareOutDir hung').toBeNull();
    expect(r.stdout.trim()).toMatch(/^x: --out \/proc\/qmcsim-out\/x: expected a directory that can be written, found (a place where no directory can be created|permission denied)$/);
  });
});

describe('commands check --out before running', () => {
  it.each([
    ['run', ['run', 'configs/runs/qmc-hymba.yaml', '--set', 'model=smollm2-135m', '--layer-reuse']],
    ['reproduce', ['reproduce', 'qmc', '--model', 'smollm2-135m', '--no-rho', '--threads', '0', '--no-progress']],
    ['study', ['study', 'noise', 'experiments/noise/default.yaml', '--no-progress']],
  ])('%s --out FILE exits 2 with one line and no output', async (name, argv) => {
    const f = t.write(`${name}-out`, 'not a directory');
    const before = readdirSync(t.dir).length;
    const r = await runCli(...argv, '--out', f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([`qmcsim ${name}: --out ${f}: expected a directory that can be written, found a file (not a directory)`]);
    expect(readdirSync(t.dir).length).toBe(before);
  });
});

describe('a failure before anything is written leaves no --out folder behind', () => {
  it('discardIfEmpty removes the folders prepareOutDir created, never an existing or non-empty one', () => {
    const top = join(t.dir, 'new-top');
    prepareOutDir(join(top, 'x', 'y'), 'x: --out').discardIfEmpty();
    expect(existsSync(top)).toBe(false);
    const kept = join(t.dir, 'kept');
    prepareOutDir(kept, 'x: --out');
    prepareOutDir(kept, 'x: --out').discardIfEmpty(); // existed before this call
    expect(existsSync(kept)).toBe(true);
    const full = join(t.dir, 'full');
    const p = prepareOutDir(full, 'x: --out');
    t.write('full/result.json', '{}');
    p.discardIfEmpty();
    expect(existsSync(join(full, 'result.json'))).toBe(true);
  });

  it.each([
    ['reproduce', (f: string) => ['reproduce', f, '--no-progress', '--threads', '0'], 'kind: qmc-study\nname: x\nbogus: 1\n'],
    ['run', (f: string) => ['run', 'configs/runs/qmc-hymba.yaml', '--set', 'model=smollm2-135m', '--set', 'soc.memories[1].device.capacity=16 MiB', '--layer-reuse'], ''],
  ])('%s with input that fails exits non-zero and creates no folder', async (name, argv, text) => {
    const f = t.write(`${name}-bad.yaml`, text || 'unused');
    const out = join(t.dir, `${name}-never`, 'deep');
    const r = await runCli(...argv(f), '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /); // located lines, no stack
    expect(existsSync(join(t.dir, `${name}-never`))).toBe(false);
  });
});
