import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePoints } from '../../src/sweep/samplers.js';
import { parseSweepSpec } from '../../src/sweep/spec.js';

const spec = (body: string) => parseSweepSpec(`kind: sweep\nbase: b.yaml\n${body}`, 's.yaml');

describe('samplers', () => {
  it('grid: every combination, last axis fastest, zipped keys move together', () => {
    const s = spec('axes:\n  - a: [1, 2]\n  - zip: { b: [x, y, z], c: [7, 8, 9] }\n');
    const pts = samplePoints(s.axes, s.sampler, 't').map((p) => Object.fromEntries(p));
    expect(pts).toHaveLength(6);
    expect(pts[0]).toEqual({ a: 1, b: 'x', c: 7 });
    expect(pts[1]).toEqual({ a: 1, b: 'y', c: 8 });
    expect(pts[5]).toEqual({ a: 2, b: 'z', c: 9 });
  });

  it('grid ranges: linear, log and integer steps print as written', () => {
    const s = spec('axes:\n  - r: { from: 0.1, to: 0.5, steps: 5 }\n  - n: { from: 16, to: 256, steps: 5, scale: log, integer: true }\n');
    const pts = samplePoints(s.axes, s.sampler, 't');
    expect([...new Set(pts.map((p) => p[0]![1]))]).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect([...new Set(pts.map((p) => p[1]![1]))]).toEqual([16, 32, 64, 128, 256]);
  });

  it('random and latin-hypercube are deterministic in their seed and stay in range', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom('random', 'latin-hypercube'), (seed, count, type) => {
      const s = spec(`axes:\n  - r: { from: 0.1, to: 0.5 }\n  - m: [a, b, c]\nsampler: { type: ${type}, count: ${count}, seed: ${seed} }\n`);
      const a = samplePoints(s.axes, s.sampler, 't');
      expect(samplePoints(s.axes, s.sampler, 't')).toEqual(a);
      expect(a).toHaveLength(count);
      for (const p of a) {
        expect(p[0]![1] as number).toBeGreaterThanOrEqual(0.1);
        expect(p[0]![1] as number).toBeLessThanOrEqual(0.5);
        expect(['a', 'b', 'c']).toContain(p[1]![1]);
      }
    }), { numRuns: 50 });
  });

  it('latin-hypercube puts exactly one sample in each of the n strata of every axis', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 2, max: 60 }), (seed, n) => {
      const s = spec(`axes:\n  - x: { from: 0, to: 1 }\n  - y: { from: 0, to: 1 }\nsampler: { type: latin-hypercube, count: ${n}, seed: ${seed} }\n`);
      const pts = samplePoints(s.axes, s.sampler, 't');
      for (const axis of [0, 1]) {
        const strata = pts.map((p) => Math.min(n - 1, Math.floor((p[axis]![1] as number) * n))).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }), { numRuns: 30 });
  });
});
