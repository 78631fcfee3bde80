// `qmcsim study noise` samples one model's weights but may replay another (replay.set: model=…, as
// experiments/noise/default.yaml does for speed); the bits read are the replayed model's. The text
// output never said so (review); now its first line names both, and --json carries replay.model.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const QMC = resolve(import.meta.dirname, '../../experiments/qmc');
const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('noise study: the replayed model', () => {
  it('is named in the text output and in --json when it differs from the weights\' model', async () => {
    const f = join(dir, 'study.yaml');
    writeFileSync(f, `kind: noise-study
version: 1
seed: 5
model: hymba-1.5b
weights: { tensors: [model.layers.0.moe.experts.0.up_proj.weight], maxRows: 4 }
quant: { scheme: qmc, rho: 0.3, inlierBits: 3, outlierBits: 5 }
mlc: { presets: { '2': nvmexplorer-2bit, '3': nvmexplorer-3bit }, cellModes: [3], levelSpreadScale: [0] }
mram: { writeErrorRate: [0] }
replay:
  runs: { '2': ${QMC}/qmc-2bit.yaml, '3': ${QMC}/qmc-3bit.yaml }
  set: ['model=smollm2-135m', 'workload.contextLength=16']
  mlcMemory: reram
  mramMemory: mram
`);
    let text = '';
    expect(await main(['study', 'noise', f, '--no-progress'], { stdout: (s) => void (text += s), stderr: () => undefined })).toBe(0);
    expect(text.split('\n')[0]).toMatch(/^noise study .*: weights of hymba-1\.5b, .*; per-access bit errors from replays of smollm2-135m \(replay\.set\)$/);
    let j = '';
    expect(await main(['study', 'noise', f, '--json', '--no-progress'], { stdout: (s) => void (j += s), stderr: () => undefined })).toBe(0);
    const points = (JSON.parse(j) as { points: { replay: { model: string } }[] }).points;
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.replay.model === 'smollm2-135m')).toBe(true);
  }, 120_000);
});
