import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { injectNoise } from '../../../src/devices/noise/inject.js';
import { expectedValueErrorStats } from '../../../src/devices/noise/value-stats.js';
import { cellEncoding, type CellEncoding } from '../../../src/devices/noise/cell-encoding.js';
import { noisePresets, type NoiseModelSpec } from '../../../src/devices/noise/models.js';
import { binomialInterval, correlation, sumInterval } from './stats-helpers.js';

const preset = (n: string): NoiseModelSpec => noisePresets[n] as NoiseModelSpec;
const NOISY3: NoiseModelSpec = { ...preset('nvmexplorer-3bit'), levelSpreadScale: 2 } as NoiseModelSpec;

/** Byte-exact equality of two typed arrays (fast; vitest's deep equality is slow on 1e5 elements). */
function same(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.constructor === b.constructor
    && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Pseudo-uniform signed 3-bit codes, deterministic. */
function codes3(n: number): Int8Array {
  const c = new Int8Array(n);
  for (let i = 0; i < n; i++) c[i] = (((i * 2654435761) >>> 11) & 7) - 4;
  return c;
}

describe('determinism and independence', () => {
  const codes = codes3(200000);
  const enc = cellEncoding(3);
  it('same seed and path → identical codes and error maps', () => {
    const a = injectNoise({ codes, bitsPerValue: 3, encoding: enc, model: NOISY3, seed: 42, path: 'reram.L3.up' });
    const b = injectNoise({ codes, bitsPerValue: 3, encoding: enc, model: NOISY3, seed: 42, path: 'reram.L3.up' });
    expect(a.errorMap.index.length).toBeGreaterThan(1000);
    expect(same(b.errorMap.index, a.errorMap.index)).toBe(true);
    expect(same(b.errorMap.delta, a.errorMap.delta)).toBe(true);
    expect(same(b.codes, a.codes)).toBe(true);
    expect(same(b.codes, codes)).toBe(false);
  });
  it('different paths (and seeds) → different maps with correlation ≈ 0', () => {
    // Level-independent fault rate, so stored data induce no correlation between the two maps.
    const flat: NoiseModelSpec = { kind: 'bit-flip', pBit: 0.01 };
    const a = injectNoise({ codes, bitsPerValue: 3, encoding: enc, model: flat, seed: 42, path: 'reram.L3.up' });
    for (const [seed, path] of [[42, 'reram.L3.down'], [43, 'reram.L3.up']] as const) {
      const b = injectNoise({ codes, bitsPerValue: 3, encoding: enc, model: flat, seed, path });
      const ea = new Uint8Array(codes.length);
      const eb = new Uint8Array(codes.length);
      for (const i of a.errorMap.index) ea[i] = 1;
      for (const i of b.errorMap.index) eb[i] = 1;
      expect(same(b.errorMap.index, a.errorMap.index)).toBe(false);
      expect(Math.abs(correlation(ea, eb))).toBeLessThan(3.29 / Math.sqrt(codes.length));
    }
  });
  it('zero noise → identical codes, empty map, no errors', () => {
    for (const model of [{ kind: 'none' }, { kind: 'level-step', levels: 8, pDown: 0, pUp: 0 },
      { kind: 'gaussian-levels', means: [0, 0.3, 0.7, 1], sigmas: [0, 0, 0, 0] }] as NoiseModelSpec[]) {
      const bpc = model.kind === 'gaussian-levels' ? 2 : 3;
      for (const valueModel of ['cells', 'qmc-step'] as const) {
        const r = injectNoise({ codes, bitsPerValue: 3, encoding: cellEncoding(bpc), model, seed: 1, path: 'z', valueModel });
        expect(same(r.codes, codes)).toBe(true);
        expect(r.codes === codes).toBe(false);
        expect(r.errorMap.index.length + r.cellErrors + r.bitErrors).toBe(0);
      }
    }
  });
});

describe('Monte-Carlo value errors match expectedValueErrorStats (99.9% intervals)', () => {
  const cases: ReadonlyArray<readonly [string, NoiseModelSpec, CellEncoding, 'cells' | 'qmc-step']> = [
    ['3-bit cells gray', NOISY3, cellEncoding(3, 'gray'), 'cells'],
    ['3-bit cells binary', NOISY3, cellEncoding(3, 'binary'), 'cells'],
    ['2-bit cells aligned gray (1.5 cells/value)', { ...preset('nvmexplorer-2bit'), levelSpreadScale: 3 } as NoiseModelSpec, cellEncoding(2, 'gray', 'aligned'), 'cells'],
    ['2-bit cells packed binary', { ...preset('nvmexplorer-2bit'), levelSpreadScale: 3 } as NoiseModelSpec, cellEncoding(2, 'binary', 'packed'), 'cells'],
    ['qmc-step, 3-bit cells', preset('nvmexplorer-3bit-steps'), cellEncoding(3), 'qmc-step'],
    ['qmc-step, 2-bit cells', { ...preset('nvmexplorer-2bit'), levelSpreadScale: 3 } as NoiseModelSpec, cellEncoding(2), 'qmc-step'],
  ];
  const n = 150000;
  const codes = codes3(n);
  for (const [name, model, encoding, valueModel] of cases) {
    it(name, () => {
      const r = injectNoise({ codes, bitsPerValue: 3, encoding, model, seed: 5, path: `mc.${name}`, valueModel });
      const e = expectedValueErrorStats({ bitsPerValue: 3, encoding, model, valueModel });
      // Value-error count: Binomial only approximately (shared cells correlate neighbours), so use
      // the normal interval with the Binomial variance inflated ×2 for the shared cells.
      const k = r.errorMap.index.length;
      const [lo, hi] = sumInterval(n, e.valueErrorProbability, 2 * e.valueErrorProbability);
      expect(k).toBeGreaterThanOrEqual(lo);
      expect(k).toBeLessThanOrEqual(hi);
      let sq = 0;
      for (const d of r.errorMap.delta) sq += d * d;
      let m4 = 0;
      for (const [d, p] of e.deltaDistribution) m4 += d ** 4 * p;
      const [slo, shi] = sumInterval(n, e.meanSquaredDelta, 2 * m4);
      expect(sq).toBeGreaterThanOrEqual(slo);
      expect(sq).toBeLessThanOrEqual(shi);
      // The map is consistent with the codes.
      for (let j = 0; j < Math.min(k, 500); j++) {
        const i = r.errorMap.index[j] ?? 0;
        expect((r.codes[i] ?? 0) - (codes[i] ?? 0)).toBe(r.errorMap.delta[j]);
      }
    });
  }
  it('3-bit cells: each cell error is one value error; cell-error count in its binomial interval', () => {
    const r = injectNoise({ codes, bitsPerValue: 3, encoding: cellEncoding(3), model: NOISY3, seed: 8, path: 'cells' });
    const e = expectedValueErrorStats({ bitsPerValue: 3, encoding: cellEncoding(3), model: NOISY3 });
    const [lo, hi] = binomialInterval(n, e.cellErrorProbability);
    expect(r.cellErrors).toBe(r.errorMap.index.length);
    expect(r.cellErrors).toBeGreaterThanOrEqual(lo);
    expect(r.cellErrors).toBeLessThanOrEqual(hi);
  });
});

describe('encoding semantics', () => {
  // Level 0 is always read as level 1 (binary coding: pattern 00 → 01).
  const up0: NoiseModelSpec = { kind: 'level-step', levels: 4, pDown: 0, pUp: [1, 0, 0, 0], levelCoding: 'binary' };
  it('an error in a high-order cell is the larger value error (3-bit values in 2-bit cells)', () => {
    const codes = new Uint8Array([0, 0]); // cells [a2a1]=00 [b2b1]=00 [a0b0]=00, all → 01
    const r = injectNoise({ codes, bitsPerValue: 3, encoding: cellEncoding(2, 'binary', 'aligned'), model: up0, seed: 1, path: 'p' });
    // [a2a1] 00→01: a += 2; [b2b1] 00→01: b += 2; [a0b0] 00→01: b += 1
    expect([...r.codes]).toEqual([2, 3]);
    expect(r.cellErrors).toBe(3);
    expect(r.bitErrors).toBe(3);
    expect([...r.errorMap.delta]).toEqual([2, 3]);
  });
  it('binary vs Gray: a one-level error can flip two bits in binary, one in Gray', () => {
    const up1 = (coding: 'binary' | 'gray'): NoiseModelSpec => ({ kind: 'level-step', levels: 4, pDown: 0, pUp: [0, 1, 0, 0], levelCoding: coding });
    // value 1 stored as level 1 in a 2-bit cell (2-bit values): binary 01 → 10 (= 2), Gray 01 → 11 (= 3)
    const enc = (coding: 'binary' | 'gray') => cellEncoding(2, coding);
    const b = injectNoise({ codes: new Uint8Array([1]), bitsPerValue: 2, encoding: enc('binary'), model: up1('binary'), seed: 1, path: 'p' });
    expect([...b.codes]).toEqual([2]);
    expect(b.bitErrors).toBe(2);
    // Gray: value pattern 01 is level 1 too (gray(1) = 01), read as level 2 = pattern 11.
    const g = injectNoise({ codes: new Uint8Array([1]), bitsPerValue: 2, encoding: enc('gray'), model: up1('gray'), seed: 1, path: 'p' });
    expect([...g.codes]).toEqual([3]);
    expect(g.bitErrors).toBe(1);
  });
  it('padding cells past the last value do not exist', () => {
    // 1 value of 3 bits in 2-bit cells: cells [a2a1] and [a0 pad]; the pad-only cell [b2b1] is skipped.
    const r = injectNoise({ codes: new Uint8Array([0]), bitsPerValue: 3, encoding: cellEncoding(2, 'binary', 'aligned'), model: up0, seed: 1, path: 'p' });
    expect(r.cellErrors).toBe(2);
    expect([...r.codes]).toEqual([2]); // a1 set; [a0 pad] 00 → 01 sets only the pad bit
    expect(r.bitErrors).toBe(1);
  });
  it('rejects codes outside the range with a clear message', () => {
    expect(() => injectNoise({ codes: new Int8Array([4]), bitsPerValue: 3, encoding: cellEncoding(3), model: NOISY3, seed: 1, path: 'p' }))
      .toThrow(/codes\[0\] = 4 is outside the 3-bit offset-binary range -4..3/);
    expect(() => injectNoise({ codes: new Uint8Array([1]), bitsPerValue: 3, encoding: cellEncoding(2), model: NOISY3, seed: 1, path: 'p' }))
      .toThrow(/8 levels but cells hold 2 bits/);
  });
  it('property: corrupted codes stay in range and the map equals the difference', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: -16, max: 15 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }),
      fc.constantFrom('aligned', 'packed'), fc.constantFrom('binary', 'gray'), fc.integer(),
      (vals, bpc, layout, coding, seed) => {
        const codes = Int16Array.from(vals);
        const model: NoiseModelSpec = { kind: 'bit-flip', pBit: 0.2 };
        const r = injectNoise({ codes, bitsPerValue: 5, encoding: cellEncoding(bpc, coding as 'binary' | 'gray', layout as 'aligned' | 'packed'), model, seed, path: 'prop' });
        let j = 0;
        for (let i = 0; i < codes.length; i++) {
          const d = (r.codes[i] ?? 0) - (codes[i] ?? 0);
          if ((r.codes[i] ?? 0) < -16 || (r.codes[i] ?? 0) > 15) return false;
          if (d !== 0) {
            if (r.errorMap.index[j] !== i || r.errorMap.delta[j] !== d) return false;
            j++;
          }
        }
        return j === r.errorMap.index.length;
      }), { numRuns: 200 });
  });
});
