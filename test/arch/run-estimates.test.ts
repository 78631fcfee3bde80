// One list of the estimates a run's results rest on (runEstimates, src/arch/report-parts.ts): the
// report of `qmcsim run` and a sweep point's estimates (the run-config evaluator) are both that list,
// in the same order — run-file estimates, then each memory's device and noise-model parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../src/engine/engine.js';
import { defaultDeviceFactory } from '../../src/arch/device-factory.js';
import { runEstimates } from '../../src/arch/report-parts.js';
import { runConfig, type RunConfig } from '../../src/arch/run.js';
import { evaluator } from '../../src/sweep/run-config-evaluator.js';
import { tinyModelYaml } from '../cli/fixtures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const qmc = resolve(root, 'configs/runs/qmc-hymba.yaml');

let dir: string;
let model: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-estimates-'));
  model = join(dir, 'tiny.yaml');
  writeFileSync(model, tinyModelYaml({ hiddenSize: 128, numLayers: 2, vocabSize: 256, numHeads: 2, numKvHeads: 1, intermediateSize: 256 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runEstimates: the estimates behind a run, one list for run and sweep', () => {
  it('the run report, a sweep point and runEstimates list the same estimates in the same order', () => {
    // STT-MRAM read noise at its default (estimated) parameters, so noise-model estimates are listed too
    const cfg = evaluator.resolve(qmc, [['model', model], ['workload.contextLength', 16], ['soc.memories[0].noise', { type: 'stt-mram' }]]) as RunConfig;
    const report = runConfig(cfg, { seed: 1 });
    const built = cfg.soc.memories.map((m) => [m.id, defaultDeviceFactory(m.device, new Engine(), `soc.memory.${m.id}`, 0, m.noise)] as const);
    expect(runEstimates(cfg, built)).toEqual(report.estimates);
    // run-file estimates first, then device presets' and noise models' parameters ('preset')
    expect(report.estimates.slice(0, cfg.estimates.length).map(({ param, value, derivation }) => ({ param, value, derivation }))).toEqual(cfg.estimates);
    const preset = report.estimates.slice(cfg.estimates.length);
    expect(preset.length).toBeGreaterThan(0);
    expect(preset.every((e) => e.value === 'preset' && /^soc\.memories\[[^\]]+\]\.(device|noise)\./.test(e.param))).toBe(true);
    expect(preset.some((e) => /\.noise\./.test(e.param))).toBe(true);
    // a sweep point lists exactly what the run reports (value as text, derivation as source)
    expect(evaluator.estimates?.(cfg)).toEqual(report.estimates.map((e) => ({ param: e.param, value: String(e.value), source: e.derivation })));
  }, 60_000);
});
