// A run's `quant:` may name a quantizer YAML (`kind: quant`, as configs/quant/*.yaml), like `soc:`
// and `model:`: relative to the file that says it (a --set quant=FILE to the working directory);
// `--set quant.KEY=…` (and sweep axes) reach the named file; errors stay located. Before, a quant
// file could only be validated: a run refused `quant: file.yaml` ("expected a map").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { loadQuantConfig } from '../../src/workloads/quant/config.js';
import { resolvedRun } from '../../src/arch/resolved-run.js';
import { runCli } from '../cli/cli-helpers.js';
import { writeTinySramRun } from '../cli/fixtures.js';

let dir: string;
let run: string;
const QUANT = 'kind: quant\nscheme: rtn\nbits: 3\ngranularity: group\ngroupSize: 32\n';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-quantfile-'));
  run = writeTinySramRun(dir, { hiddenSize: 64, numLayers: 2, vocabSize: 100, numHeads: 1, numKvHeads: 1, intermediateSize: 128 });
  mkdirSync(join(dir, 'q'));
  writeFileSync(join(dir, 'q', 'int3.yaml'), QUANT);
  writeFileSync(run, readFileSync(run, 'utf8').replace('quant: { scheme: fp16 }', 'quant: q/int3.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const firstError = (f: () => unknown): string => {
  try { f(); } catch (e) { return String((e as Error).message).split('\n')[0] ?? ''; }
  return 'no error';
};

describe('run quant: FILE', () => {
  it('loads the named quantizer file, relative to the run file', () => {
    expect(loadRunConfig(run).quant).toEqual(loadQuantConfig(join(dir, 'q', 'int3.yaml')));
  });
  it('quant.KEY overrides reach the file; the hash follows the content, not the path', () => {
    const cfg = loadRunConfig(run, ['quant.bits=2']);
    expect(cfg.quant).toMatchObject({ scheme: 'rtn', bits: 2, groupSize: 32 });
    const inline = join(dir, 'inline.yaml');
    writeFileSync(inline, readFileSync(run, 'utf8').replace('quant: q/int3.yaml', 'quant: { scheme: rtn, bits: 3, granularity: group, groupSize: 32 }'));
    expect(resolvedRun(loadRunConfig(inline)).config).toEqual(resolvedRun(loadRunConfig(run)).config);
  });
  it('--set quant=FILE is relative to the working directory', () => {
    const rel = relative(process.cwd(), join(dir, 'q', 'int3.yaml'));
    const inline = join(dir, 'inline.yaml');
    writeFileSync(inline, readFileSync(run, 'utf8').replace('quant: q/int3.yaml', 'quant: { scheme: fp16 }'));
    expect(loadRunConfig(inline, [`quant=${rel}`]).quant).toMatchObject({ scheme: 'rtn', bits: 3 });
  });
  it('a bad quant.KEY override names the --set as typed', () => {
    expect(firstError(() => loadRunConfig(run, ['quant.bits=0']))).toMatch(/^--set quant\.bits=0: quant\.bits: expected /);
  });
  it('a missing file is reported at the run file\'s quant: key', () => {
    writeFileSync(run, readFileSync(run, 'utf8').replace('quant: q/int3.yaml', 'quant: q/nope.yaml'));
    expect(firstError(() => loadRunConfig(run))).toMatch(/run\.yaml:5:8: quant: expected a kind: quant file .*, found 'q\/nope\.yaml' \(.* is not a readable file\)$/);
  });
  it('a bad key inside the quant file is reported in that file', () => {
    writeFileSync(join(dir, 'q', 'int3.yaml'), `${QUANT}groupSise: 64\n`);
    expect(firstError(() => loadRunConfig(run))).toMatch(/q\/int3\.yaml:6:1: groupSise: expected a key allowed .*did you mean 'groupSize'\?$/);
  });
  it('qmcsim validate and run accept it', async () => {
    const v = await runCli('validate', run);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const r = await runCli('run', run, '--layer-reuse', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).metrics.weightBytes).toBeGreaterThan(0);
  }, 60_000);
});

describe('quantFileTree (for validate --provenance)', () => {
  it('gives the quant file\'s sources keyed as in the run, and its files', async () => {
    const { quantFileTree } = await import('../../src/arch/quant-file.js');
    const q = quantFileTree(run, ['quant.bits=2', 'workload.contextLength=4']);
    expect(q?.runOverrides).toEqual(['workload.contextLength=4']);
    expect(q?.files).toEqual([join(dir, 'q', 'int3.yaml')]);
    expect(q?.sources.get('quant.groupSize')?.value).toMatchObject({ file: join(dir, 'q', 'int3.yaml'), line: 5 });
    expect(q?.sources.get('quant.bits')?.value.file).toBe('--set quant.bits=2');
    expect(quantFileTree(run.replace('run.yaml', 'tiny.yaml'), [])).toBeUndefined();
  });
});
