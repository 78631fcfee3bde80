// `qmcsim study noise` samples one model's weights but may replay another (replay.set: model=…, as
// experiments/noise/default.yaml does for speed); the bits read are the replayed model's. The text
// output never said so (review); now its first line names both, and --json carries replay.model.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { noiseStudyYaml } from './noise-study-yaml.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('noise study: the replayed model', () => {
  it('is named in the text output and in --json when it differs from the weights\' model', async () => {
    const f = join(dir, 'study.yaml');
    writeFileSync(f, noiseStudyYaml({ model: 'hymba-1.5b', tensor: 'model.layers.0.moe.experts.0.up_proj.weight', maxRows: 4, cellModes: '[3]', spreads: '[0]', writeErrorRates: '[0]', set: ['model=smollm2-135m', 'workload.contextLength=16'] }));
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
