// Mutation audit of the samplers: "in range" and "one sample per stratum" also hold for draws that
// reuse one column of numbers for every axis (all points on the diagonal), skip the shuffle or
// shuffle only into cycles, and for a discrete axis that rounds instead of flooring its fraction.
// These check that axes are drawn independently and that the strata come in every order.
import { describe, expect, it } from 'vitest';
import { samplePoints } from '../../src/sweep/samplers.js';
import { parseSweepSpec } from '../../src/sweep/spec.js';

const spec = (body: string) => parseSweepSpec(`kind: sweep\nbase: b.yaml\n${body}`, 's.yaml');

function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('random and latin-hypercube samplers', () => {
  for (const type of ['random', 'latin-hypercube']) {
    it(`${type}: two axes are drawn independently (not one column reused for both)`, () => {
      for (const seed of [1, 2, 3]) {
        const s = spec(`axes:\n  - x: { from: 0, to: 1 }\n  - y: { from: 0, to: 1 }\nsampler: { type: ${type}, count: 200, seed: ${seed} }\n`);
        const pts = samplePoints(s.axes, s.sampler, 't');
        const xs = pts.map((p) => p[0]![1] as number), ys = pts.map((p) => p[1]![1] as number);
        // 200 independent pairs: |r| > 0.3 has probability < 1e-5
        expect(Math.abs(correlation(xs, ys))).toBeLessThan(0.3);
        expect(pts.filter((p) => p[0]![1] === p[1]![1]).length).toBeLessThan(5);
      }
    });
  }

  it('latin-hypercube: the strata come in every order over seeds (the shuffle can leave a stratum in place)', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const s = spec(`axes:\n  - x: { from: 0, to: 1 }\nsampler: { type: latin-hypercube, count: 3, seed: ${seed} }\n`);
      orders.add(samplePoints(s.axes, s.sampler, 't').map((p) => Math.floor((p[0]![1] as number) * 3)).join(''));
    }
    // all 3! = 6 orders; a cyclic-only shuffle gives 2, no shuffle 1 (40 draws miss one of 6 with p < 1e-2)
    expect([...orders].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
  });

  it('latin-hypercube: a point lies anywhere inside its stratum, not at its centre', () => {
    const s = spec('axes:\n  - x: { from: 0, to: 1 }\nsampler: { type: latin-hypercube, count: 10, seed: 7 }\n');
    const offsets = samplePoints(s.axes, s.sampler, 't').map((p) => ((p[0]![1] as number) * 10) % 1);
    expect(offsets.filter((o) => Math.abs(o - 0.5) > 1e-6).length).toBeGreaterThan(5);
  });

  it('latin-hypercube over a discrete axis with as many points as values takes each value once', () => {
    for (let seed = 0; seed < 10; seed++) {
      const s = spec(`axes:\n  - m: [a, b, c, d]\nsampler: { type: latin-hypercube, count: 4, seed: ${seed} }\n`);
      expect(samplePoints(s.axes, s.sampler, 't').map((p) => p[0]![1]).sort()).toEqual(['a', 'b', 'c', 'd']);
    }
  });

  it('random over a discrete axis gives the first and the last value their full share', () => {
    const s = spec('axes:\n  - m: [a, b, c]\nsampler: { type: random, count: 3000, seed: 11 }\n');
    const counts = new Map<unknown, number>();
    for (const p of samplePoints(s.axes, s.sampler, 't')) counts.set(p[0]![1], (counts.get(p[0]![1]) ?? 0) + 1);
    // each value 1000 ± 5 sd (sd ≈ 26); rounding u·3 would give a 500, b 1000, c 1500
    for (const v of ['a', 'b', 'c']) expect(Math.abs((counts.get(v) ?? 0) - 1000)).toBeLessThan(130);
  });
});
