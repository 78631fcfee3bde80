import { describe, expect, it } from 'vitest';
import { rngFor } from '../../../src/engine/rng.js';
import { bitFlipAccessNoise, MlcAccessNoise, NO_NOISE } from '../../../src/devices/noise/access-noise.js';
import { BinomialSampler } from '../../../src/devices/noise/sampling.js';
import {
  accessNoiseFor, bitErrorProbability, dramRetentionAccessNoise, gaussianLevelsAccessNoise, levelStepAccessNoise,
  modelConfusion, mtjAccessNoise, noisePresets, sramAccessNoise, type NoiseModelSpec,
} from '../../../src/devices/noise/models.js';
import { levelToPattern, popcount, type LevelCoding } from '../../../src/devices/noise/cell-encoding.js';
import type { ConfusionMatrix } from '../../../src/devices/noise/confusion.js';
import { binomialInterval, CountingRng, sumInterval } from './stats-helpers.js';

const preset = (n: string): NoiseModelSpec => noisePresets[n] as NoiseModelSpec;

/** Bitwise models at operating points with measurable rates. */
const BITWISE: ReadonlyArray<readonly [string, NoiseModelSpec]> = [
  ['bit-flip 1e-3', { kind: 'bit-flip', pBit: 1e-3 }],
  ['stt-mram Δ=24 read disturb', { kind: 'stt-mram', thermalStability: 24, readCurrentRatio: 0.5, timeSinceWriteSeconds: 0 }],
  ['stt-mram retention', { kind: 'stt-mram', thermalStability: 40, readCurrentRatio: 0, timeSinceWriteSeconds: 3600 }],
  ['stt-mram write errors', { kind: 'stt-mram', includeWriteErrors: true, writePulseSeconds: 5e-9, writeCurrentRatio: 1.5 }],
  ['sram 0.5 V', { kind: 'sram-lowvoltage', vdd: 0.5 }],
  ['lpddr5 refresh 30 s', { kind: 'dram-retention', refreshWindowSeconds: 30 }],
];

describe('bitwise AccessNoise: Monte-Carlo BER inside the 99.9% binomial interval', () => {
  for (const [name, model] of BITWISE) {
    it(name, () => {
      const noise = accessNoiseFor(model);
      const p = bitErrorProbability(model);
      expect(noise.expectedErrorsPerBit).toBe(p);
      const rng = rngFor(7, `test.${name}`);
      const accesses = Math.min(40000, Math.ceil(2e4 / (512 * p)));
      let errors = 0;
      for (let a = 0; a < accesses; a++) errors += noise.sampleErrors(512, rng);
      const [lo, hi] = binomialInterval(accesses * 512, p);
      expect(hi - lo).toBeGreaterThan(0);
      expect(errors).toBeGreaterThanOrEqual(lo);
      expect(errors).toBeLessThanOrEqual(hi);
    });
  }
});

/** Independent reference: per-cell flip distribution P(X = h) from the confusion matrix. */
function flipLaw(cm: ConfusionMatrix, coding: LevelCoding): Float64Array {
  const L = cm.levels;
  const b = Math.log2(L);
  const law = new Float64Array(b + 1);
  for (let i = 0; i < L; i++) {
    for (let j = 0; j < L; j++) {
      const h = popcount(levelToPattern(i, coding) ^ levelToPattern(j, coding));
      law[h] = (law[h] ?? 0) + (cm.p[i * L + j] ?? 0) / L;
    }
  }
  return law;
}

const withCoding = (m: NoiseModelSpec, levelCoding: LevelCoding): NoiseModelSpec => ({ ...m, levelCoding } as NoiseModelSpec);
const MLC: ReadonlyArray<readonly [string, NoiseModelSpec, LevelCoding]> = [
  ['nvmexplorer-3bit gray', withCoding(preset('nvmexplorer-3bit'), 'gray'), 'gray'],
  ['nvmexplorer-3bit binary (default coding)', preset('nvmexplorer-3bit'), 'binary'],
  ['nvmexplorer-2bit σ×3 gray', withCoding({ ...preset('nvmexplorer-2bit'), levelSpreadScale: 3 } as NoiseModelSpec, 'gray'), 'gray'],
  ['level-step §6 table', preset('nvmexplorer-3bit-steps'), 'binary'],
  ['3-bit program + read noise + drift, gray', withCoding({ ...preset('nvmexplorer-3bit'), programSigma: 0.01, readSigma: 0.005,
    drift: { nu: 0.005, nuSigma: 0.002, t0Seconds: 20, timeSeconds: 86400 } } as NoiseModelSpec, 'gray'), 'gray'],
  ['2-bit stuck-at binary', { kind: 'gaussian-levels', means: [0, 0.33, 0.66, 1], sigmas: [0.02, 0.02, 0.02, 0.02], stuckAt: { sa0: 2e-3, sa1: 1e-3 }, levelCoding: 'binary' }, 'binary'],
];

describe('MLC AccessNoise: Monte-Carlo cell and bit errors inside 99.9% intervals', () => {
  for (const [name, model, coding] of MLC) {
    it(name, () => {
      const noise = accessNoiseFor(model) as MlcAccessNoise;
      const b = noise.bitsPerCell;
      const cm = modelConfusion(model, b, coding);
      const law = flipLaw(cm, coding);
      let mean = 0, m2 = 0;
      law.forEach((q, h) => { mean += h * q; m2 += h * h * q; });
      expect(Math.abs(noise.expectedErrorsPerBit - mean / b)).toBeLessThan(1e-15 + 1e-12 * mean);
      expect(Math.abs(noise.cellErrorProbability - (1 - (law[0] ?? 0)))).toBeLessThan(1e-12);
      const nBits = b * Math.floor(512 / b); // whole cells
      const cellsPer = nBits / b;
      const accesses = Math.min(40000, Math.ceil(3e4 / (cellsPer * noise.cellErrorProbability)));
      const rng = rngFor(11, `test.${name}`);
      let bitErrors = 0;
      for (let a = 0; a < accesses; a++) bitErrors += noise.sampleErrors(nBits, rng);
      const [lo, hi] = sumInterval(accesses * cellsPer, mean, m2 - mean * mean);
      expect(bitErrors).toBeGreaterThanOrEqual(lo);
      expect(bitErrors).toBeLessThanOrEqual(hi);
    });
  }

  for (const [nBits, accesses] of [[512, 20000], [4, 100000], [8, 60000]] as const) {
    it(`partly read cells keep E[errors] = nBits · expectedErrorsPerBit (${nBits} bits in 3-bit cells)`, () => {
      const noise = accessNoiseFor({ ...preset('nvmexplorer-3bit'), levelSpreadScale: 2 } as NoiseModelSpec) as MlcAccessNoise;
      const rng = rngFor(3, `test.partial.${nBits}`);
      let e = 0;
      for (let a = 0; a < accesses; a++) e += noise.sampleErrors(nBits, rng);
      const cells = Math.ceil(nBits / 3);
      const perCellMean = 3 * noise.expectedErrorsPerBit;
      // Variance bound: every cell fully counted (E[h²] ≤ 3·E[h] for h ≤ 3).
      const [lo, hi] = sumInterval(accesses * cells, (nBits / 3 / cells) * perCellMean, 3 * perCellMean);
      expect(e).toBeGreaterThanOrEqual(lo);
      expect(e).toBeLessThanOrEqual(hi);
    });
  }
});

describe('cost and zero noise', () => {
  it('zero-noise configurations give zero errors with zero draws', () => {
    const zero: NoiseModelSpec[] = [
      { kind: 'none' }, { kind: 'bit-flip', pBit: 0 },
      { kind: 'gaussian-levels', means: [0, 1 / 3, 2 / 3, 1], sigmas: [0, 0, 0, 0] },
      { kind: 'level-step', levels: 8, pDown: 0, pUp: 0 },
      { kind: 'stt-mram', readCurrentRatio: 0, readPulseSeconds: 0, timeSinceWriteSeconds: 0 },
      { kind: 'dram-retention', refreshWindowSeconds: 0 },
    ];
    for (const m of zero) {
      const noise = accessNoiseFor(m);
      const rng = new CountingRng(rngFor(1, 'zero'));
      let e = 0;
      for (let a = 0; a < 1000; a++) e += noise.sampleErrors(512, rng);
      expect(e, m.kind).toBe(0);
      expect(rng.draws, m.kind).toBe(0);
      expect(noise.expectedErrorsPerBit).toBe(0);
    }
    expect(NO_NOISE.sampleErrors(512, rngFor(1, 'x'))).toBe(0);
    expect(mtjAccessNoise({ readCurrentRatio: 0, readPulseSeconds: 0, timeSinceWriteSeconds: 0 }).expectedErrorsPerBit).toBe(0);
    expect(sramAccessNoise({ vdd: 10 }).expectedErrorsPerBit).toBe(0);
    expect(dramRetentionAccessNoise({ refreshWindowSeconds: 0 }).expectedErrorsPerBit).toBe(0);
    expect(gaussianLevelsAccessNoise({ means: [0, 1], sigmas: [0, 0] }).expectedErrorsPerBit).toBe(0);
    expect(levelStepAccessNoise({ levels: 4, pDown: 0, pUp: 0 }).expectedErrorsPerBit).toBe(0);
  });
  it('a 512-bit read costs O(1 + errors) draws', () => {
    for (const m of [preset('nvmexplorer-2bit'), preset('nvmexplorer-3bit'), { kind: 'bit-flip', pBit: 1e-2 } as NoiseModelSpec]) {
      const noise = accessNoiseFor(m);
      const rng = new CountingRng(rngFor(5, 'cost'));
      let e = 0;
      const n = 5000;
      for (let a = 0; a < n; a++) e += noise.sampleErrors(512, rng);
      expect(rng.draws).toBeLessThanOrEqual(n + 3 * e + 2);
    }
  });
});

/** Exact Binomial pmf by recurrence in log space. */
function binomialPmf(n: number, p: number, kMax: number): Float64Array {
  const out = new Float64Array(kMax + 1);
  let lp = n * Math.log1p(-p);
  for (let k = 0; k <= kMax; k++) {
    out[k] = Math.exp(lp);
    lp += Math.log((n - k) / (k + 1)) + Math.log(p / (1 - p));
  }
  return out;
}

describe('BinomialSampler matches the exact Binomial law (χ² at 99.9%)', () => {
  for (const [n, p] of [[512, 2e-3], [171, 0.05], [200, 0.4], [100000, 0.002]] as const) {
    it(`n=${n} p=${p}`, () => {
      const samples = 20000;
      const s = new BinomialSampler();
      const rng = rngFor(9, `binom.${n}.${p}`);
      const mean = n * p;
      const kMax = Math.min(n, Math.ceil(mean + 10 * Math.sqrt(mean) + 10));
      const counts = new Float64Array(kMax + 2);
      for (let i = 0; i < samples; i++) {
        const k = s.sample(n, p, rng);
        counts[Math.min(k, kMax + 1)] = (counts[Math.min(k, kMax + 1)] ?? 0) + 1;
      }
      const pmf = binomialPmf(n, p, kMax);
      // Pool bins so each expected count ≥ 5.
      let chi = 0, df = -1, obs = 0, exp = 0;
      for (let k = 0; k <= kMax + 1; k++) {
        obs += counts[k] ?? 0;
        exp += k <= kMax ? (pmf[k] ?? 0) * samples : Math.max(0, samples - [...pmf].reduce((a, b) => a + b, 0) * samples);
        if (exp >= 5 || k === kMax + 1) {
          if (exp > 0) { chi += (obs - exp) ** 2 / exp; df++; }
          obs = 0; exp = 0;
        }
      }
      const z = 3.090232306167813;
      const crit = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
      expect(df).toBeGreaterThan(1);
      expect(chi).toBeLessThan(crit);
    });
  }
  it('edge cases: p = 1 → n, n = 0 → 0', () => {
    const s = new BinomialSampler();
    const rng = rngFor(1, 'edge');
    expect(s.sample(37, 1, rng)).toBe(37);
    expect(s.sample(0, 0.5, rng)).toBe(0);
    expect(() => bitFlipAccessNoise(1.5)).toThrow(/\[0, 1\]/);
  });
});
