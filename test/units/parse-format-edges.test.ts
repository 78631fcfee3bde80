// Boundaries and table details the main parse/format tests leave open: the half-picosecond and
// one-bit limits, prefix-case hints, first-claimed dimension, offsets, exact decimal scaling,
// parseAnyQuantity on bare numbers, and the formatter's prefix thresholds.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatQuantity, parseAnyQuantity, parseQuantity, type Dimension } from '../../src/units/index.js';

const found = (text: string, dim: Dimension): string => {
  const r = parseQuantity(text, dim);
  return r.ok ? `ok ${r.value}` : r.found;
};

describe('parseQuantity boundaries', () => {
  it('0.45 ps rounds to 0 and is refused; 0.5 ps is 1 ps', () => {
    expect(found('0.45 ps', 'time')).toBe("'0.45 ps' (below the 1 ps time resolution; it would round to 0)");
    expect(parseQuantity('0.5 ps', 'time')).toEqual({ ok: true, value: 1 });
  });

  it('0.11 B is below one bit and refused', () => {
    expect(found('0.11 B', 'size')).toBe("'0.11 B' (below 1 bit, the smallest size)");
  });

  it('decimal prefixes scale exactly (28.9 nJ is 28900 pJ, not 28900.000000000004)', () => {
    expect(parseQuantity('28.9 nJ', 'energy')).toEqual({ ok: true, value: 28900 });
    expect(parseQuantity('0.3 GB', 'size')).toEqual({ ok: true, value: 3e8 });
  });

  it('°C carries the 273.15 K offset; ppm is 1e-6', () => {
    const c = parseQuantity('25 °C', 'temperature');
    expect(c.ok && c.value).toBeCloseTo(298.15, 9);
    const d = parseQuantity('-40 degC', 'temperature');
    expect(d.ok && d.value).toBeCloseTo(233.15, 9);
    expect(parseQuantity('5 ppm', 'ratio')).toEqual({ ok: true, value: 5e-6 });
  });
});

describe('parseQuantity messages', () => {
  it('no case-slip hint across prefixes that differ only in case (Ms is not ms, PS is not ps)', () => {
    expect(found('3 Ms', 'time')).toBe("'3 Ms' (unknown unit 'Ms')");
    expect(found('3 Pj', 'energy')).toBe("'3 Pj' (unknown unit 'Pj')");
    // a slip that keeps the first letter is still suggested
    expect(found('3 nS', 'time')).toBe("'3 nS' (unknown unit 'nS'; write 'ns')");
  });

  it("a unit claimed by time and duration is reported as a time (the first claim)", () => {
    expect(found('5 s', 'energy')).toBe("'5 s' (a time)");
    expect(found('2 years', 'energy')).toBe("'2 years' (a duration)");
  });
});

describe('parseAnyQuantity', () => {
  it('a bare number has no dimension; a unit gives its dimension and canonical value', () => {
    expect(parseAnyQuantity('6')).toEqual({ value: 6, dim: undefined });
    expect(parseAnyQuantity(' -2.5e1 ')).toEqual({ value: -25, dim: undefined });
    expect(parseAnyQuantity('0.5 pJ/bit')).toEqual({ value: 0.5, dim: 'energyPerBit' });
    expect(parseAnyQuantity('2 GiB')).toEqual({ value: 2 * 2 ** 30, dim: 'size' });
    expect(parseAnyQuantity('3 ns')).toEqual({ value: 3000, dim: 'time' });
    expect(parseAnyQuantity('3 furlongs')).toBeUndefined();
    expect(parseAnyQuantity('abc')).toBeUndefined();
  });
});

describe('formatter thresholds', () => {
  it('a value exactly at a prefix step takes that prefix', () => {
    expect(formatQuantity(1000, 'time')).toBe('1 ns');
    expect(formatQuantity(1e9, 'bandwidth')).toBe('1 GB/s');
    expect(formatQuantity(1, 'energy')).toBe('1 pJ');
    expect(formatQuantity(999, 'time')).toBe('999 ps');
  });

  it('formatBytes: 1024 B is 1 KiB, 1023 B stays bytes', () => {
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(2 ** 20)).toBe('1 MiB');
  });
});
