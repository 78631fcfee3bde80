// Formatting: readable prefixes and the parse ∘ format round-trip for every dimension.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatQuantity, parseQuantity, type Dimension } from '../../src/units/index.js';

const dims: Dimension[] = ['time', 'duration', 'energy', 'energyPerBit', 'power', 'size', 'bandwidth', 'frequency', 'transferRate', 'area', 'density', 'voltage', 'current', 'temperature', 'ratio'];

describe('formatQuantity', () => {
  it('chooses a readable prefix', () => {
    expect(formatQuantity(3500, 'time')).toBe('3.5 ns');
    expect(formatQuantity(2 ** 31, 'size')).toBe('2 GiB');
    expect(formatQuantity(2e9, 'size')).toBe('2 GB');
    expect(formatQuantity(1.56, 'energyPerBit')).toBe('1.56 pJ/bit');
    expect(formatQuantity(0.002, 'power')).toBe('2 mW');
    expect(formatQuantity(6.4e9, 'transferRate')).toBe('6.4 GT/s');
    expect(formatQuantity(66e6, 'density')).toBe('66 Mb/mm^2');
    expect(formatQuantity(0, 'time')).toBe('0 ps');
    expect(formatQuantity(0.3, 'ratio')).toBe('0.3');
  });

  it('round-trips through parseQuantity (property, 15 significant digits)', () => {
    fc.assert(fc.property(
      fc.constantFrom(...dims),
      fc.double({ min: 1e-6, max: 1e15, noNaN: true }),
      (dim, raw) => {
        // sizes below 1 bit and rates below one per 2^53 ps are not valid input (size-/rate-resolution.test.ts)
        const rate = dim === 'bandwidth' || dim === 'frequency' || dim === 'transferRate';
        const v = dim === 'time' ? Math.round(raw) : dim === 'size' ? Math.max(0.125, raw) : rate ? Math.max(1e-3, raw) : raw;
        const text = formatQuantity(v, dim, 15);
        const r = parseQuantity(text, dim);
        expect(r.ok, text).toBe(true);
        if (r.ok) {
          if (dim === 'time') expect(r.value).toBe(v);
          else expect(Math.abs(r.value - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-12);
        }
      },
    ), { numRuns: 3000 });
  });

  it('round-trips within the printed precision at the default 4 digits (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...dims), fc.double({ min: 1e-3, max: 1e12, noNaN: true }), (dim, raw) => {
      const v = dim === 'time' ? Math.max(1, Math.round(raw)) : dim === 'size' ? Math.max(1, raw) : raw;
      const r = parseQuantity(formatQuantity(v, dim), dim);
      expect(r.ok).toBe(true);
      if (r.ok) expect(Math.abs(r.value - v)).toBeLessThanOrEqual(Math.abs(v) * 5e-4 + (dim === 'time' ? 1 : 0));
    }), { numRuns: 2000 });
  });
});

describe('formatBytes', () => {
  it('always uses binary prefixes, so like counts read alike', async () => {
    const { formatBytes } = await import('../../src/units/format.js');
    expect(formatBytes(129 * 1024, 6)).toBe('129 KiB');
    expect(formatBytes(59_904, 6)).toBe('58.5 KiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 2 ** 30 + 2 ** 29)).toBe('3.5 GiB');
  });
});
