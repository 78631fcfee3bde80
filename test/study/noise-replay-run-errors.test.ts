// A noise study's replay.runs entry that is a folder ('..') was reported at the replay.set line as
// "replay.set, replaying ..: … cannot read configuration file (it is a directory)"; an error in a run
// file was blamed on replay.set even when the study sets nothing. Both now point at replay.runs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..', '..');
const QMC = join(ROOT, 'experiments', 'qmc');

async function validate(edit: (src: string) => string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-runs-'));
  const src = readFileSync(join(ROOT, 'experiments', 'noise', 'default.yaml'), 'utf8').replace(/\.\.\/qmc\//g, `${QMC}/`);
  const file = join(dir, 'n.yaml');
  writeFileSync(file, edit(src).replaceAll('DIR/', `${dir}/`));
  writeFileSync(join(dir, 'bad-run.yaml'), `extends: ${QMC}/qmc-2bit.yaml\nworkload: { contextLenght: 8 }\n`);
  let err = '';
  const code = await main(['validate', file], { stdout: () => {}, stderr: (t) => { err += t; } });
  expect(code).toBe(2);
  return err;
}

describe('noise study replay.runs errors', () => {
  it('a folder is reported at replay.runs["2"], saying it is a directory', async () => {
    const err = await validate((s) => s.replace(`'2': ${QMC}/qmc-2bit.yaml`, "'2': .."));
    expect(err).toMatch(/n\.yaml:\d+:\d+: replay\.runs\["2"\]: expected a run configuration file .*found '\.\.' \(.* is a directory\)/);
  }, 60_000);
  it('an error inside a run file, with no replay.set, is prefixed with replay.runs, not replay.set', async () => {
    const err = await validate((s) => s.replace(`'2': ${QMC}/qmc-2bit.yaml`, "'2': DIR/bad-run.yaml").replace(/set: \[[^\]]*\]/, 'set: []'));
    expect(err).toMatch(/replay\.runs\["2"\], replaying .*bad-run\.yaml: .*contextLenght/);
    expect(err).not.toMatch(/replay\.set/);
  }, 60_000);
});
