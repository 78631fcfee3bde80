// Mutation audit (uniform quantizer): an asymmetric group's zero point is round(−min / s), the level
// nearest to 0, not its floor (−0.6 with s = 1 sits nearer level −1 than level 0).
import { describe, expect, it } from 'vitest';
import { RTN_GRID, searchScale, sqErrorAt } from '../../src/workloads/quant/uniform.js';

describe('asymmetric zero point', () => {
  it('rounds −min / scale to the nearest level', () => {
    const g = Float32Array.of(-0.6, 2.4);
    const c = searchScale(g, 2, 2, false, RTN_GRID);
    expect(c.scale).toBeCloseTo(1, 6);
    expect(c.zero).toBe(1);
    expect(c.sqError).toBeCloseTo(0.32, 5);
    expect(c.sqError).toBeLessThan(sqErrorAt(g, 2, c.scale, 0, 2));
  });
});

import { quantizeQmc } from '../../src/workloads/quant/qmc.js';
import { rngFor } from '../../src/engine/rng.js';

describe('QMC outlier scales', () => {
  it('ignore the inlier read-error rates (outliers sit in MRAM): plain MSE search per row', () => {
    const rows = 4, cols = 64;
    const rng = rngFor(1, 'qmc-outlier-scale');
    const w = Float32Array.from({ length: rows * cols }, () => rng.normal());
    const grid = { from: 0.5, to: 1, steps: 11 };
    const q = quantizeQmc(w, rows, cols, { rho: 0.25, inlierBits: 3, outlierBits: 5, symmetric: true, grid, pMinus: 0.2, pPlus: 0.2 });
    const isOut = new Set(q.outlierIndex);
    let differs = 0;
    for (let r = 0; r < rows; r++) {
      const out = Float32Array.from(Array.from({ length: cols }, (_, c) => r * cols + c).filter((i) => isOut.has(i)).map((i) => w[i]!));
      const mse = searchScale(out, out.length, 5, true, grid, 0);
      expect(q.outliers.scales[r]).toBe(Math.fround(mse.scale));
      if (searchScale(out, out.length, 5, true, grid, 0.4).scale !== mse.scale) differs++;
    }
    expect(differs).toBeGreaterThan(0); // the rates would change the choice: the check can fail
  });
});
