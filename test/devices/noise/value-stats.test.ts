import { describe, expect, it } from 'vitest';
import { expectedValueErrorStats } from '../../../src/devices/noise/value-stats.js';
import { cellEncoding } from '../../../src/devices/noise/cell-encoding.js';
import { levelFaultRates } from '../../../src/devices/noise/confusion.js';
import { modelConfusion, noisePresets, NVMEXPLORER_3BIT_STEPS, type NoiseModelSpec } from '../../../src/devices/noise/models.js';

const G3 = noisePresets['nvmexplorer-3bit'] as NoiseModelSpec;

describe('expectedValueErrorStats', () => {
  it('a histogram on one code gives that level’s own fault rate (3-bit values in 3-bit cells)', () => {
    const { down, up } = levelFaultRates(modelConfusion(G3, 3, 'binary'));
    for (let code = 0; code < 8; code++) {
      const hist = new Array(8).fill(0);
      hist[code] = 1;
      const s = expectedValueErrorStats({ bitsPerValue: 3, encoding: cellEncoding(3, 'binary'), model: G3, valueCoding: 'unsigned', valueHistogram: hist });
      expect(s.valueErrorProbability).toBeCloseTo((down[code] ?? 0) + (up[code] ?? 0), 15);
      expect(s.cellErrorProbability).toBeCloseTo((down[code] ?? 0) + (up[code] ?? 0), 15);
    }
  });
  it("QMC step model with one value per cell: P(Δ = ∓1) = the level's p₋ / p₊", () => {
    const m: NoiseModelSpec = { kind: 'level-step', ...NVMEXPLORER_3BIT_STEPS };
    const hist = [0, 0, 0, 1, 0, 0, 0, 0];
    const s = expectedValueErrorStats({ bitsPerValue: 3, encoding: cellEncoding(3), model: m, valueCoding: 'unsigned', valueModel: 'qmc-step', valueHistogram: hist });
    const pd = (NVMEXPLORER_3BIT_STEPS.pDown as number[])[3] ?? 0;
    const pu = (NVMEXPLORER_3BIT_STEPS.pUp as number[])[3] ?? 0;
    expect(s.deltaDistribution).toEqual([[-1, pd], [0, 1 - pd - pu], [1, pu]]);
    expect(s.meanSquaredDelta).toBeCloseTo(pd + pu, 15);
  });
  it('distribution sums to 1; Gray coding never gives larger mean |Δ| than binary for ±1-level errors', () => {
    const m: NoiseModelSpec = { kind: 'level-step', levels: 8, pDown: 1e-2, pUp: 1e-2 };
    const gray = expectedValueErrorStats({ bitsPerValue: 3, encoding: cellEncoding(3, 'gray'), model: m, valueCoding: 'unsigned' });
    const bin = expectedValueErrorStats({ bitsPerValue: 3, encoding: cellEncoding(3, 'binary'), model: m, valueCoding: 'unsigned' });
    for (const s of [gray, bin]) expect(Math.abs(s.deltaDistribution.reduce((a, [, p]) => a + p, 0) - 1)).toBeLessThan(1e-12);
    // Binary: level i ↔ value i, so a ±1-level error is exactly ±1.
    expect(bin.meanAbsDelta).toBeCloseTo(bin.valueErrorProbability, 15);
    expect(gray.meanAbsDelta).toBeGreaterThan(bin.meanAbsDelta);
  });
  it('2-bit cells: the high-order cell turns level errors into ±2 code errors', () => {
    const m: NoiseModelSpec = { kind: 'level-step', levels: 4, pDown: 1e-3, pUp: 1e-3, levelCoding: 'binary' };
    const s = expectedValueErrorStats({ bitsPerValue: 3, encoding: cellEncoding(2, 'binary', 'aligned'), model: m, valueCoding: 'unsigned' });
    const ds = new Map(s.deltaDistribution);
    expect(ds.get(2) ?? 0).toBeGreaterThan(1e-4);
    expect(ds.get(-2) ?? 0).toBeGreaterThan(1e-4);
    // The shared [a0 b0] cell: a level step flips a0 (±1) or carries into b0's slot.
    expect(ds.get(1) ?? 0).toBeGreaterThan(1e-4);
  });
});
