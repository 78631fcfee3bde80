// A command's result files (run, study noise, reproduce --out) are written all or nothing: a full
// disk or a directory where a file must go used to leave part of the set (result.json and some CSVs,
// no report.html) and a message naming a hidden temp file ('.result.json.6649.0.tmp: is a
// directory') or no file at all ('no space left on device'). Now the message names --out, the file
// and the reason, and the folder is left as it was.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeResultSet } from '../../src/cli/result-set.js';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli, writeTinyNoiseStudy } from './cli-helpers.js';

const t: TempDir = tempDir();
afterAll(() => t.remove());
const full = (): never => {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
};

describe('writeResultSet', () => {
  it('a failing file leaves the folder as it was and names the file and the reason', () => {
    const dir = join(t.dir, 'a');
    mkdirSync(dir);
    writeFileSync(join(dir, 'result.json'), 'old');
    expect(() => writeResultSet(dir, 'x: --out', (set) => {
      set.put('result.json', 'new');
      set.put('configs/c1/resolved.json', '{}');
      set.write('report.html', full);
    })).toThrow(`x: --out ${dir}: cannot write report.html (no space left on device); nothing was written`);
    expect(readdirSync(dir)).toEqual(['result.json']);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe('old');
  });

  it('a directory where a file must go is found before anything is replaced', () => {
    const dir = join(t.dir, 'b');
    mkdirSync(join(dir, 'report.html'), { recursive: true });
    writeFileSync(join(dir, 'result.json'), 'old');
    expect(() => writeResultSet(dir, 'x: --out', (set) => {
      set.put('result.json', 'new');
      set.put('report.html', '<html>');
    })).toThrow(`x: --out ${dir}: cannot write report.html (it is a directory); nothing was written`);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'result.json']);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe('old');
  });

  it('on success replaces the files, adds new folders and removes the stale ones it is told to', () => {
    const dir = join(t.dir, 'c');
    mkdirSync(dir);
    writeFileSync(join(dir, 'result.json'), 'old');
    writeFileSync(join(dir, 'rho-sweep.csv'), 'stale');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const names = writeResultSet(dir, 'x: --out', (set) => {
      set.put('result.json', 'new');
      set.write('configs/c1/resolved.json', (p) => writeFileSync(p, '{}'));
    }, { remove: ['rho-sweep.csv'] });
    expect(names).toEqual(['result.json', 'configs/c1/resolved.json']);
    expect(readdirSync(dir).sort()).toEqual(['configs', 'notes.txt', 'result.json']);
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'configs', 'c1', 'resolved.json'), 'utf8')).toBe('{}');
  });
});

describe('commands write their result set all or nothing', () => {
  it('run: result.json a directory names --out and the file, and writes no resolved.json', async () => {
    const dir = join(t.dir, 'run');
    mkdirSync(join(dir, 'result.json'), { recursive: true });
    const r = await runCli('run', 'configs/runs/qmc-hymba.yaml', '--set', 'model=smollm2-135m', '--set', 'workload.contextLength=16', '--layer-reuse', '--out', dir);
    expect(r.stderr).toBe(`qmcsim run: --out ${dir}: cannot write result.json (it is a directory); nothing was written\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['result.json']);
  }, 60_000);

  it('study noise: report.html a directory leaves no result.json or CSV tables', async () => {
    const dir = join(t.dir, 'noise');
    const file = writeTinyNoiseStudy(t.dir);
    mkdirSync(join(dir, 'report.html'), { recursive: true });
    const r = await runCli('study', 'noise', file, '--out', dir, '--no-progress');
    expect(r.stderr).toBe(`qmcsim study: --out ${dir}: cannot write report.html (it is a directory); nothing was written\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(''); // no tables for a study whose files were not written (they were printed first)
    expect(readdirSync(dir)).toEqual(['report.html']);
  }, 60_000);

  it('reproduce: report.html a directory leaves no other file and prints no tables', async () => {
    const dir = join(t.dir, 'reproduce');
    mkdirSync(join(dir, 'report.html'), { recursive: true });
    const r = await runCli('reproduce', 'qmc', '--model', 'smollm2-135m', '--no-rho', '--threads', '0', '--no-progress', '--out', dir);
    expect(r.stderr).toBe(`qmcsim reproduce: --out ${dir}: cannot write report.html (it is a directory); nothing was written\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['report.html']);
  }, 120_000);
});
