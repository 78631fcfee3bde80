// A noise study is checked before any sweep point runs: misspelt tensors, noise presets, memory ids,
// missing run files and bad replay overrides are located one-line errors (exit 2), never an
// internal error (an unknown MLC preset was a RangeError, exit 3) or an unlocated line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const QMC = resolve(import.meta.dirname, '../../experiments/qmc');
const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STUDY = `kind: noise-study
version: 1
seed: 11
model: smollm2-135m
weights:
  tensors:
    - model.layers.0.mlp.up_proj.weight
  maxRows: 8
quant: { scheme: qmc, rho: 0.2 }
mlc:
  presets: { '2': nvmexplorer-2bit, '3': nvmexplorer-3bit }
  cellModes: [3, 2]
  levelSpreadScale: [0, 1]
mram:
  writeErrorRate: [0]
replay:
  runs: { '2': ${QMC}/qmc-2bit.yaml, '3': ${QMC}/qmc-3bit.yaml }
  set: ['model=smollm2-135m']
  mlcMemory: reram
  mramMemory: mram
`;

async function study(text: string): Promise<{ code: number; stdout: string; lines: string[] }> {
  const f = join(dir, 'study.yaml');
  writeFileSync(f, text);
  let stdout = '';
  let stderr = '';
  const code = await main(['study', 'noise', f, '--no-progress'], { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, lines: stderr.trimEnd().split('\n') };
}

describe('noise study load-time checks', () => {
  it.each([
    ['a misspelt tensor', ['mlp.up_proj.weight', 'mlp.up_prj.weight'],
      /study\.yaml:7:7: weights\.tensors\[0\]: expected a tensor of model 'smollm2-135m' .*found 'model\.layers\.0\.mlp\.up_prj\.weight'; did you mean 'model\.layers\.0\.mlp\.up_proj\.weight'\?$/],
    ['an unknown MLC preset', ["'3': nvmexplorer-3bit }", "'3': nvmexplorer-3bitt }"],
      /study\.yaml:11:\d+: mlc\.presets\["3"\]: expected a noise preset .*found 'nvmexplorer-3bitt'; did you mean 'nvmexplorer-3bit'\?$/],
    ['a preset that is not a level set', ["'3': nvmexplorer-3bit }", "'3': stt-mram-default }"],
      /study\.yaml:11:\d+: mlc\.presets\["3"\]: expected a gaussian-levels level-set preset for 3-bit cells, found 'stt-mram-default'/],
    ['a memory the SoC lacks', ['mlcMemory: reram', 'mlcMemory: reramm'],
      /study\.yaml:19:\d+: replay\.mlcMemory: expected a memory of .*qmc-3bit\.yaml \(mram, reram, lpddr5, sram\), found 'reramm'; did you mean 'reram'\?$/],
    ['a missing run file', ['qmc-2bit.yaml', 'qmc-2bitt.yaml'],
      /study\.yaml:17:\d+: replay\.runs\["2"\]: expected a run configuration file .*qmc-2bitt\.yaml does not exist\)$/],
    ['a bad replay override', ["model=smollm2-135m'", "model=smollm'"],
      /^.*study\.yaml:18:\d+: replay\.set, replaying .*qmc-3bit\.yaml: --set model=smollm: model: expected a model/],
  ])('%s: one located line, exit 2, nothing printed', async (_name, [from, to], msg) => {
    const r = await study(STUDY.replace(from!, to!));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(msg);
  });
});
