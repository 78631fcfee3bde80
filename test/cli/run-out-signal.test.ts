// `qmcsim run … --out new/a/b`: the run is synchronous, so SIGINT / SIGTERM during it cannot be
// handled and end the process (130 / 143). The --out folders used to be created before the run
// and were left empty; now they are checked before the run and created only when result.json is
// written. In process: the folder does not exist while the simulation runs, and holds the results
// after. As a process: SIGTERM during the run leaves no folder.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

const seen = vi.hoisted(() => ({ dir: '', existedDuringRun: [] as boolean[] }));
vi.mock('../../src/arch/run.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/arch/run.js')>();
  const { existsSync: exists } = await import('node:fs');
  return {
    ...m,
    tryRunConfig: (...a: Parameters<typeof m.tryRunConfig>) => {
      seen.existedDuringRun.push(exists(seen.dir));
      return m.tryRunConfig(...a);
    },
  };
});

const t: TempDir = tempDir();
afterAll(() => t.remove());
const SMALL = ['--set', 'model=smollm2-135m', '--set', 'workload.contextLength=16', '--layer-reuse'];

describe('run --out and signals', () => {
  it('the new --out folders do not exist while the simulation runs; result.json is written after', async () => {
    seen.dir = join(t.dir, 'run-term');
    const out = join(seen.dir, 'a', 'b');
    const r = await runCli('run', 'configs/runs/qmc-hymba.yaml', ...SMALL, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(seen.existedDuringRun).toEqual([false]);
    expect(readdirSync(out).sort()).toEqual(['resolved.json', 'result.json']);
  });

  it('a bad --out is still refused before the run (exit 2), leaving nothing', async () => {
    const file = t.write('plain.txt', 'x');
    const r = await runCli('run', 'configs/runs/qmc-hymba.yaml', ...SMALL, '--out', join(file, 'sub'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*: expected a directory that can be written, found a path through a file\n$/);
  });

  it.runIf(process.platform === 'linux')('SIGTERM during the run: the process ends by the signal and leaves no folder', async () => {
    const root = join(t.dir, 'proc-term');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', 'configs/runs/qmc-hymba.yaml', '--out', join(root, 'a', 'b')], { stdio: 'ignore' });
    const exited = new Promise<number | string>((res) => child.on('exit', (code, sig) => res(code ?? sig ?? -1)));
    // loading takes ~8 s on 2 cores and the run ~5 s more: the signal lands in the run (before the
    // fix the folders existed by then); on a faster machine the run may be over, and the results written
    await new Promise((r) => setTimeout(r, 9000));
    child.kill('SIGTERM');
    const end = await exited;
    if (end === 'SIGTERM') expect(existsSync(root)).toBe(false);
    else expect([end, readdirSync(join(root, 'a', 'b')).sort()]).toEqual([0, ['resolved.json', 'result.json']]);
  }, 60_000);
});
