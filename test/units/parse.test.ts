// Quantity parsing: the example strings of the issue, wrong dimensions, bare numbers, edge cases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuantity, type Dimension } from '../../src/units/index.js';

const ok = (text: string, dim: Dimension): number => {
  const r = parseQuantity(text, dim);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseQuantity', () => {
  it.each([
    ['3.5 ns', 'time', 3500],
    ['3.5ns', 'time', 3500],
    ['32 ms', 'time', 32e9],
    ['1.56 pJ/bit', 'energyPerBit', 1.56],
    ['8 pJ/B', 'energyPerBit', 1],
    ['36.57 GiB/s', 'bandwidth', 36.57 * 2 ** 30],
    ['186.26 GiB/s', 'bandwidth', 186.26 * 2 ** 30],
    ['200 GB/s', 'bandwidth', 200e9],
    ['16 Gb/s', 'bandwidth', 2e9],
    ['3.3 GHz', 'frequency', 3.3e9],
    ['64 B', 'size', 64],
    ['16 Gb', 'size', 2e9],
    ['16 Gib', 'size', 2 ** 31],
    ['4 KiB', 'size', 4096],
    ['2 MB', 'size', 2e6],
    ['66 Mb/mm^2', 'density', 66e6],
    ['66 Mb/mm²', 'density', 66e6],
    ['21.62 mm^2', 'area', 21.62],
    ['100 um^2', 'area', 1e-4],
    ['6400 MT/s', 'transferRate', 6.4e9],
    ['64 GT/s', 'transferRate', 64e9],
    ['2 mW', 'power', 0.002],
    ['1.05 V', 'voltage', 1.05],
    ['45 mA', 'current', 0.045],
    ['28.9 nJ', 'energy', 28900],
    ['10 years', 'duration', 10 * 365.25 * 86400],
    ['1 h', 'duration', 3600],
    ['32 ms', 'duration', 0.032],
    ['0.3', 'ratio', 0.3],
    ['30 %', 'ratio', 0.3],
    ['300 K', 'temperature', 300],
    ['1e3 ps', 'time', 1000],
  ] as const)('%s as %s', (text, dim, want) => {
    expect(ok(text, dim)).toBeCloseTo(want, 6);
  });

  it('gives time as an integer number of picoseconds', () => {
    expect(ok('0.0005 ns', 'time')).toBe(1);
    expect(ok('0 ns', 'time')).toBe(0);
    // a non-zero time below half a picosecond would round to 0: refused, not silently zero
    const tiny = parseQuantity('0.0004 ns', 'time');
    expect(tiny.ok).toBe(false);
    if (!tiny.ok) expect(tiny.message).toBe("expected a time such as '3.5 ns', found '0.0004 ns' (below the 1 ps time resolution; it would round to 0)");
    expect(ok('1.2345 ns', 'time')).toBe(1235);
    expect(Number.isInteger(ok('3.3333 ns', 'time'))).toBe(true);
  });

  it('rejects a bare number for a dimensioned quantity, naming what was expected', () => {
    const r = parseQuantity('50', 'time');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe("expected a time such as '3.5 ns', found '50'");
  });

  it('rejects a unit of another dimension and says which dimension it is', () => {
    const r = parseQuantity('5 pJ', 'time');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.found).toBe("'5 pJ' (an energy)");
    for (const [text, dim] of [['3 GHz', 'size'], ['64 B', 'bandwidth'], ['1 h', 'energy'], ['2 mW', 'energyPerBit'], ['30 %', 'time']] as const) {
      expect(parseQuantity(text, dim).ok, `${text} as ${dim}`).toBe(false);
    }
  });

  it('rejects unknown and ambiguous units, negative and unrepresentable times', () => {
    expect(parseQuantity('3 nz', 'time').ok).toBe(false);
    const kb = parseQuantity('4 KB', 'size');
    expect(kb.ok).toBe(false);
    if (!kb.ok) expect(kb.found).toContain('KiB');
    const ci = parseQuantity('3.5 NS', 'time');
    expect(ci.ok).toBe(false);
    if (!ci.ok) expect(ci.found).toBe("'3.5 NS' (unknown unit 'NS'; write 'ns')");
    expect(parseQuantity('-1 ns', 'time').ok).toBe(false);
    expect(parseQuantity('10 years', 'time').ok).toBe(false);
    expect(parseQuantity('1e400 s', 'duration').ok).toBe(false);
    expect(parseQuantity('', 'time').ok).toBe(false);
    expect(parseQuantity('ns', 'time').ok).toBe(false);
    expect(parseQuantity('1.2.3 ns', 'time').ok).toBe(false);
  });

  it('never throws and never returns a non-finite value (property)', () => {
    const dims: Dimension[] = ['time', 'duration', 'energy', 'energyPerBit', 'power', 'size', 'bandwidth', 'frequency', 'transferRate', 'area', 'density', 'voltage', 'current', 'temperature', 'ratio'];
    fc.assert(fc.property(fc.string(), fc.constantFrom(...dims), (s, d) => {
      const r = parseQuantity(s, d);
      if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      else expect(r.message).toMatch(/^expected .+, found .+/);
    }), { numRuns: 2000 });
  });
});

describe('unit hints never cross bits and bytes', () => {
  const found = (text: string): string => {
    const r = parseQuantity(text, 'bandwidth');
    return r.ok ? '' : r.found;
  };
  it("'GBps' (bytes) is pointed to 'GB/s', not to 'Gbps' (bits, 8× less)", () => {
    expect(found('1 GBps')).toBe("'1 GBps' (unknown unit 'GBps'; write 'GB/s' (bytes per second; '…bps' would be bits))");
    expect(found('2 MBps')).toMatch(/write 'MB\/s'/);
    expect(found('2 GiBps')).toMatch(/write 'GiB\/s'/);
    expect(found('1 MBPS')).not.toMatch(/Mbps/);
  });
  it("a case slip within bits is still suggested ('gbps' → 'Gbps')", () => {
    expect(found('1 gbps')).toBe("'1 gbps' (unknown unit 'gbps'; write 'Gbps')");
  });
});
