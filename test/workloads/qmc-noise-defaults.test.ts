// The QMC scale search's default p₋ / p₊ are the mean over the eight levels of the per-level
// (down, up) rates of the nvmFI 3-bit proxy (qmc-paper.md §6, typed in as the device preset
// nvmexplorer-3bit-steps). pMinus was 1.904e-3, which is neither that mean (1.910e-3) nor the mean
// from the Gaussian level parameters (1.898e-3) while its comment claimed "mean over levels".
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { levelFaultRates } from '../../src/devices/noise/confusion.js';
import { modelConfusion, noisePreset } from '../../src/devices/noise/models.js';
import { quantConfig } from '../../src/workloads/quant/config.js';
import { workloadDescriptors } from '../../src/workloads/descriptors.js';

const mean = (a: Float64Array): number => a.reduce((x, y) => x + y, 0) / a.length;

describe('QMC default read-error probabilities', () => {
  const r = levelFaultRates(modelConfusion(noisePreset('nvmexplorer-3bit-steps'), 3, 'binary'));
  const q = quantConfig({ scheme: 'qmc' });
  if (q.scheme !== 'qmc') throw new Error('not qmc');

  it('are the per-level means of the §6 table (to the 4 digits written)', () => {
    expect(q.pMinus).toBeCloseTo(mean(r.down), 6);
    expect(q.pPlus).toBeCloseTo(mean(r.up), 6);
  });

  it('configs/quant/qmc.yaml and the descriptor state the same defaults', () => {
    const y = parse(readFileSync('configs/quant/qmc.yaml', 'utf8')) as { pMinus: number; pPlus: number };
    expect([y.pMinus, y.pPlus]).toEqual([q.pMinus, q.pPlus]);
    const params = workloadDescriptors.flatMap((d) => (d.interface === 'Quantizer' && d.type === 'qmc' ? d.params : []));
    expect(params.find((p) => p.name === 'pMinus')?.default).toBe(q.pMinus);
    expect(params.find((p) => p.name === 'pPlus')?.default).toBe(q.pPlus);
  });
});
