import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cellEncoding, cellPattern, codeToPattern, levelToPattern, patternToCode, patternToLevel, popcount, valueLayout,
} from '../../../src/devices/noise/cell-encoding.js';

/** Cell contents of a group as strings like 'a2a1', listing value letter + bit index per slot. */
function describeLayout(bv: number, bc: number, layout: 'aligned' | 'packed'): string[] {
  const lay = valueLayout(bv, cellEncoding(bc, 'binary', layout));
  const out: string[] = [];
  for (let c = 0; c < lay.cellsPerGroup; c++) {
    let s = '';
    for (let i = 0; i < bc; i++) s += 'abcdefgh'[lay.slotValue[c * bc + i] ?? 0] + String(lay.slotBit[c * bc + i]);
    out.push(s);
  }
  return out;
}

describe('value → cell layouts', () => {
  it("QMC's 3-bit values in 2-bit cells: two values in three cells", () => {
    expect(describeLayout(3, 2, 'aligned')).toEqual(['a2a1', 'b2b1', 'a0b0']);
    expect(describeLayout(3, 2, 'packed')).toEqual(['a2a1', 'a0b2', 'b1b0']);
    expect(valueLayout(3, cellEncoding(2)).cellsPerValue).toBe(1.5);
  });
  it('one value per cell, wider values over several cells, narrower values sharing a cell', () => {
    expect(describeLayout(3, 3, 'aligned')).toEqual(['a2a1a0']);
    expect(describeLayout(5, 2, 'aligned')).toEqual(['a4a3', 'a2a1', 'b4b3', 'b2b1', 'a0b0']);
    expect(describeLayout(2, 3, 'packed')).toEqual(['a1a0b1', 'b0c1c0']);
  });
  it('every value bit is stored exactly once (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('aligned', 'packed'),
      (bv, bc, layout) => {
        const lay = valueLayout(bv, cellEncoding(bc, 'gray', layout as 'aligned' | 'packed'));
        const seen = new Set<number>();
        for (let q = 0; q < lay.slotValue.length; q++) seen.add((lay.slotValue[q] ?? 0) * 64 + (lay.slotBit[q] ?? 0));
        return seen.size === lay.valuesPerGroup * bv && lay.cellsPerGroup * bc === lay.valuesPerGroup * bv;
      }));
  });
  it('cellPattern reads the right bits', () => {
    const lay = valueLayout(3, cellEncoding(2, 'binary', 'aligned'));
    const vals = [0b101, 0b011];
    expect([0, 1, 2].map((c) => cellPattern(lay, vals, 0, c))).toEqual([0b10, 0b01, 0b11]);
  });
});

describe('level coding and value coding', () => {
  it('Gray: adjacent levels differ in exactly one bit; decoding inverts', () => {
    for (let l = 0; l < 255; l++) expect(popcount(levelToPattern(l, 'gray') ^ levelToPattern(l + 1, 'gray'))).toBe(1);
    for (let l = 0; l < 256; l++) expect(patternToLevel(levelToPattern(l, 'gray'), 'gray')).toBe(l);
  });
  it('two’s complement and offset binary round-trip over the code range', () => {
    for (const coding of ['twos-complement', 'offset-binary'] as const) {
      for (let v = -4; v <= 3; v++) {
        const u = codeToPattern(v, 3, coding);
        expect(u >= 0 && u < 8).toBe(true);
        expect(patternToCode(u, 3, coding)).toBe(v);
      }
    }
    expect(codeToPattern(-1, 3, 'twos-complement')).toBe(0b111);
  });
  it('rejects unsupported widths', () => {
    expect(() => valueLayout(0, cellEncoding(2))).toThrow(/bitsPerValue/);
    expect(() => valueLayout(3, cellEncoding(9))).toThrow(/bitsPerCell/);
  });
});
