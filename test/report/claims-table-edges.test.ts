// Report details the main table/claims test leaves open: a simulated value exactly at the
// tolerance passes, a zero reference gives no verdict, the informational list is named only up to
// three ids, reconstructed references are marked in rows and notes, and the number/cell formats
// at their thresholds (1e7, 1e-3, booleans, non-finite CSV cells).
import { describe, expect, it } from 'vitest';
import { claimsTable, compareClaim, reconstructionsTable, type ClaimSpec } from '../../src/report/claims.js';
import { formatCell, formatNumber, type Table } from '../../src/report/table.js';
import { tableToCsv } from '../../src/report/csv.js';

const spec = (id: string, paper: number | null, extra: Partial<ClaimSpec> = {}): ClaimSpec =>
  ({ id, title: id, paper, unit: 'x', tolerance: 0.03, required: true, source: 'test', ...extra });

describe('claim verdicts at the edges', () => {
  it('exactly at the tolerance passes (1.03 / 1 − 1 is 0.030000000000000027 in binary)', () => {
    expect(compareClaim(spec('a', 100), 103).pass).toBe(true);
    expect(compareClaim(spec('a', 100), 97).pass).toBe(true);
    expect(compareClaim(spec('a', 100), 103.0001).pass).toBe(false);
  });

  it('a zero reference gives no ratio and no verdict', () => {
    const r = compareClaim(spec('z', 0), 5);
    expect(r.ratio).toBeNull();
    expect(r.pass).toBeNull();
  });

  it('informational ids are listed for up to three, only counted for four or more', () => {
    const info = (id: string): ReturnType<typeof compareClaim> => compareClaim(spec(id, 1, { required: false }), 2);
    const three = claimsTable([compareClaim(spec('a', 1), 1), info('i'), info('j'), info('k')], 'T');
    expect(three.notes?.[0]).toBe('required claims: 1 of 1 pass; the other 3 are informational (i, j, k)');
    const four = claimsTable([compareClaim(spec('a', 1), 1), info('i'), info('j'), info('k'), info('l')], 'T');
    expect(four.notes?.[0]).toBe('required claims: 1 of 1 pass; the other 4 are informational');
  });

  it('a single reconstructed reference is marked in its row and named in a note', () => {
    const t = claimsTable([compareClaim(spec('a', 1), 1), compareClaim(spec('r', 10, { basis: 'reconstruction' }), 12)], 'T');
    expect(t.rows.map((r) => r.result)).toEqual(['PASS', 'gap (recon)']);
    expect(t.notes?.some((n) => n.startsWith('not paper figures: the reference values of r are reconstructions'))).toBe(true);
    const rt = reconstructionsTable([compareClaim(spec('q', 10), 10.1)], 'R');
    expect(rt.rows[0]?.result).toBe('PASS (recon)');
    expect(rt.columns.map((c) => c.header)).toEqual(['figure', 'unit', 'reconstruction', 'simulated', 'sim/recon', 'tolerance', 'result']);
  });
});

describe('cell formats at their thresholds', () => {
  it('integers below 1e7 print exactly, 1e7 and above in exponent form', () => {
    expect(formatNumber(9_999_999)).toBe('9999999');
    expect(formatNumber(10_000_000)).toBe('1.000e7');
  });

  it('0.001 prints plainly, below it in exponent form', () => {
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(0.000999)).toBe('9.990e-4');
  });

  it('booleans print yes/no in tables and true/false in CSV; non-finite numbers leave the CSV cell empty', () => {
    const col = { key: 'b', header: 'b' };
    expect(formatCell(true, col)).toBe('yes');
    expect(formatCell(false, col)).toBe('no');
    const t: Table = { id: 't', title: 't', columns: [col, { key: 'v', header: 'v' }], rows: [{ b: true, v: Number.NaN }, { b: false, v: Infinity }] };
    expect(tableToCsv(t)).toBe('b,v\r\ntrue,\r\nfalse,\r\n');
    expect(formatCell(Number.NaN, col)).toBe('NaN');
    expect(formatCell(-Infinity, col)).toBe('-inf');
  });
});
