// The printed claims table did not say which claims rest on estimated values: the console and CSV
// design-values table listed the estimates without the results they drive (only report.html linked
// them). The claims table now ends with a note naming them, and the design-values table has a
// 'results it drives' column.
import { describe, expect, it } from 'vitest';
import { compareClaim } from '../../src/report/claims.js';
import { formatTable } from '../../src/report/table.js';
import type { ReproduceResult } from '../../src/study/reproduce.js';
import { claimsTableOf, designValuesTable } from '../../src/study/reproduce-tables.js';

const spec = (id: string, unit: string, paper: number) => ({ id, title: id, paper, unit, tolerance: 0.03, required: true, source: 's' });
const r = {
  model: 'hymba-1.5b', paperModel: true, overrides: [],
  claims: [compareClaim(spec('compression', 'x', 4.44), 4.42), compareClaim(spec('latency-vs-fp16', 'x', 12.48), 12.41), compareClaim(spec('qmc-latency-ms', 'ms', 1.2), 1.3)],
  designValues: [
    { name: 'ReRAM arrays per bank', value: '13', derivation: 'd', estimate: true, affects: ['latency-vs-fp16', 'qmc-latency-ms', 'rho sweep'], fittedTo: [] },
    { name: 'LPDDR5 density', value: '1', derivation: 'd', estimate: false, affects: ['compression'], fittedTo: [] },
  ],
  runEstimates: [{ config: 'fp16', param: 'lpddr5 preset', value: 'preset', derivation: 'd' }],
} as unknown as ReproduceResult;

describe('claims resting on estimates', () => {
  it('the claims table names them; a claim driven only by non-estimates is not named', () => {
    const text = formatTable(claimsTableOf(r));
    expect(text).toContain('estimates: latency-vs-fp16, qmc-latency-ms rest on estimated design values (last table); the absolute figures (qmc-latency-ms) also on the device presets\' estimated parameters (qmcsim describe)');
    expect(text).not.toMatch(/estimates: .*compression/);
  });
  it('the design-values table lists the results each value drives', () => {
    const t = designValuesTable(r);
    expect(t.rows[0]).toMatchObject({ affects: 'latency-vs-fp16, qmc-latency-ms, rho sweep', estimate: true });
    expect(t.columns.map((c) => c.header)).toContain('results it drives');
  });
});
