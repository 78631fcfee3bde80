// The noise study's quant: block reaches its replays: with rho 0.2 (0.5) the replay of the run files
// (written at rho 0.3) read the ReRAM/MRAM traffic of rho 0.2 (0.5), not of 0.3, so the bits-read
// column and the weights' SQNR come from one quantizer. A replay.set that changes the quantizer is
// refused at its position, and a study quant: the run file cannot take is located at the study key.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { noiseStudy } from '../../src/study/noise-study.js';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { replayConfig } from '../../src/study/run-one.js';

const ROOT = join(import.meta.dirname, '..', '..');
const QMC = join(ROOT, 'experiments', 'qmc');

function study(quant: string, set = "['model=smollm2-135m']"): string {
  const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-quant-'));
  const file = join(dir, 'n.yaml');
  writeFileSync(file, [
    'kind: noise-study', 'version: 1', 'seed: 3', 'model: smollm2-135m',
    'weights: { tensors: [model.layers.0.mlp.up_proj.weight], maxRows: 8 }',
    `quant: ${quant}`,
    "mlc: { presets: { '2': nvmexplorer-2bit, '3': nvmexplorer-3bit }, cellModes: [3], levelSpreadScale: [0] }",
    'mram: { writeErrorRate: [0] }',
    `replay: { runs: { '2': ${QMC}/qmc-2bit.yaml, '3': ${QMC}/qmc-3bit.yaml }, set: ${set}, mlcMemory: reram, mramMemory: mram }`,
    '',
  ].join('\n'));
  return file;
}

/** Bits read from `memory` by a direct replay of qmc-3bit.yaml at `rho`. */
function directBits(rho: number, memory: string): number {
  const run = loadRunConfig(join(QMC, 'qmc-3bit.yaml'), ['model=smollm2-135m', `quant.rho=${rho}`]);
  const rep = replayConfig(run, { seed: 3, layerReuse: false, weightTrafficOnly: true, label: 'direct' });
  return rep.bitErrors.byMemory[memory]?.bitsRead ?? 0;
}

describe('noise study replays use the study quant:', () => {
  it('bits read at rho 0.2 and 0.5 are those of replays at that rho, not at the run files\' 0.3', async () => {
    for (const rho of [0.2, 0.5]) {
      const r = await noiseStudy({ file: study(`{ scheme: qmc, rho: ${rho}, inlierBits: 3, outlierBits: 5 }`) });
      const mlc = r.points.find((p) => p.sweep === 'mlc');
      const mram = r.points.find((p) => p.sweep === 'mram');
      expect(mlc?.replay.bitsRead).toBe(directBits(rho, 'reram'));
      expect(mram?.replay.bitsRead).toBe(directBits(rho, 'mram'));
      expect(mlc?.replay.bitsRead).not.toBe(directBits(0.3, 'reram'));
    }
  }, 120_000);

  it('a replay.set entry that changes the quantizer is refused at its position', async () => {
    let err = '';
    const file = study('{ scheme: qmc, rho: 0.2 }', "['model=smollm2-135m', 'quant.rho=0.3']");
    const code = await main(['validate', file], { stdout: () => {}, stderr: (t) => { err += t; } });
    expect(code).toBe(2);
    expect(err).toMatch(/n\.yaml:9:\d+: replay\.set\[1\]: expected no quant override .*found 'quant\.rho=0\.3'/);
  }, 60_000);
});
