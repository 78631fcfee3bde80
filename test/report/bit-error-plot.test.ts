// Regression: the bit-error plot of `reproduce --out` cut long row labels ('eMEMs / MLC ReRAM · r…')
// and mixed tick formats on its log axis ('1e-7' next to '0.000001').
import { describe, expect, it } from 'vitest';
import { bitErrorSpec } from '../../src/report/plots.js';
import { renderVegaLite } from '../../src/report/vega-svg.js';

describe('bit-error plot', () => {
  it('shows whole labels and exponent ticks', async () => {
    const svg = await renderVegaLite(bitErrorSpec([
      { config: 'QMC 2-bit MLC', device: 'reram', ber: 4.8e-9, expectedBer: 7.8e-9 },
      { config: 'eMEMs / MLC ReRAM', device: 'reram', ber: 2.46e-3, expectedBer: 2.46e-3 },
    ], 'Bit-error rate'));
    expect(svg).toContain('eMEMs / MLC ReRAM · reram');
    expect(svg).not.toContain('…');
    const ticks = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).filter((t) => /^[\d.e+-]+$/.test(t));
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t).toMatch(/^\d(\.\d+)?e[+-]?\d+$/);
  });
});
