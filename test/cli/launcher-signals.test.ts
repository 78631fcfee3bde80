// The `qmcsim` launcher (bin/qmcsim.js) runs the CLI in its own process, so a signal sent to the
// launcher alone (`timeout`, `kill PID`) stops the simulation. It used to run the CLI as a child
// through spawnSync: SIGTERM ended the launcher and left the simulator running, re-parented to pid 1.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Command lines of running processes that mention `marker`. */
function processesWith(marker: string): string[] {
  const r = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
}

describe('bin/qmcsim.js', () => {
  it.runIf(process.platform === 'linux')('SIGTERM to the launcher alone leaves no simulator process behind', async () => {
    const out = join(dir, 'marker-out');
    const child = spawn(process.execPath, ['bin/qmcsim.js', 'study', 'noise', 'experiments/noise/default.yaml', '--no-progress', '--out', out], { stdio: 'ignore' });
    const exited = new Promise<number | string>((res) => child.on('exit', (code, sig) => res(code ?? sig ?? -1)));
    await new Promise((r) => setTimeout(r, 4000));
    expect(processesWith(out).length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 1000));
    expect(processesWith(out)).toEqual([]);
  }, 60_000);

  it('runs the CLI: --version and an exit code', () => {
    const v = spawnSync(process.execPath, ['bin/qmcsim.js', '--version'], { encoding: 'utf8' });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = spawnSync(process.execPath, ['bin/qmcsim.js', 'validate', join(dir, 'missing.yaml')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`${join(dir, 'missing.yaml')}: cannot read configuration file (no such file)\n`);
  });
});
