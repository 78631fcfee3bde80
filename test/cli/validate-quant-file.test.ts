// `qmcsim validate RUN` of a run whose `quant:` names a quant file (kind: quant) loads it as
// `qmcsim run` does: `--set quant.bits=2` reaches the file (it failed with "expected a map at
// 'quant'"), --provenance names the quant file's lines (they showed 'default'), and the file count
// includes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinySramRun } from './fixtures.js';
import { runCli } from './cli-helpers.js';

let dir: string;
let run: string;
let quant: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-validate-quant-'));
  run = writeTinySramRun(dir, { hiddenSize: 64, numLayers: 2, vocabSize: 100, numHeads: 1, numKvHeads: 1, intermediateSize: 128 });
  mkdirSync(join(dir, 'q'));
  quant = join(dir, 'q', 'base.yaml');
  writeFileSync(quant, 'kind: quant\nscheme: rtn\nbits: 4\n');
  // a quant file that extends another: both are files the run rests on
  writeFileSync(join(dir, 'q', 'int3.yaml'), 'kind: quant\nextends: base.yaml\nbits: 3\ngranularity: group\ngroupSize: 32\n');
  writeFileSync(run, readFileSync(run, 'utf8').replace('quant: { scheme: fp16 }', 'quant: q/int3.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (stdout: string, key: string): string => stdout.split('\n').find((l) => l.startsWith(`${key} `))?.slice(key.length).trim() ?? '(no row)';

describe('validate a run with quant: FILE', () => {
  it('accepts --set quant.bits=2 as run does, and hashes it as run resolves it', async () => {
    const v = await runCli('validate', run, '--set', 'quant.bits=2');
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const bad = await runCli('validate', run, '--set', 'quant.bits=0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--set quant\.bits=0: quant\.bits: expected /);
    const plain = await runCli('validate', run);
    expect(plain.stdout.match(/hash (\w+)/)?.[1]).not.toBe(v.stdout.match(/hash (\w+)/)?.[1]);
  });
  it('--provenance names the quant file and the --set; the count includes the quant files', async () => {
    const v = await runCli('validate', run, '--set', 'quant.bits=2', '--provenance');
    expect(v.code).toBe(0);
    const q3 = join(dir, 'q', 'int3.yaml');
    expect(row(v.stdout, 'quant.bits')).toBe('--set quant.bits=2');
    expect(row(v.stdout, 'quant.groupSize')).toBe(`${q3}:5:12`);
    expect(row(v.stdout, 'quant.granularity')).toBe(`${q3}:4:14`);
    expect(row(v.stdout, 'quant.scheme')).toBe(`${quant}:2:9`);
    expect(row(v.stdout, 'quant.symmetric')).toBe('default');
    // the same run with an inline quant map, plus int3.yaml and the base.yaml it extends
    const plain = await runCli('validate', run);
    const count = Number(/\((\d+) files?,/.exec(plain.stdout)?.[1]);
    const inline = join(dir, 'inline.yaml');
    writeFileSync(inline, readFileSync(run, 'utf8').replace('quant: q/int3.yaml', 'quant: { scheme: fp16 }'));
    const noQuant = Number(/\((\d+) files?,/.exec((await runCli('validate', inline)).stdout)?.[1]);
    expect(count).toBe(noQuant + 2);
  });
});
