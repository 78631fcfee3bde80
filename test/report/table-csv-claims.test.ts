import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatTable, type Table } from '../../src/report/table.js';
import { tableToCsv } from '../../src/report/csv.js';
import { claimsJson, claimsTable, compareClaim, requiredClaimsPass, type ClaimSpec } from '../../src/report/claims.js';

const spec = (id: string, paper: number | null, required = true): ClaimSpec =>
  ({ id, title: id, paper, unit: 'x', tolerance: 0.03, required, source: 'test' });

describe('claims', () => {
  it('passes within tolerance and fails outside it', () => {
    expect(compareClaim(spec('a', 10), 10.29).pass).toBe(true);
    expect(compareClaim(spec('a', 10), 9.71).pass).toBe(true);
    expect(compareClaim(spec('a', 10), 10.31).pass).toBe(false);
    expect(compareClaim(spec('a', 10), Number.NaN).pass).toBe(false);
    expect(compareClaim(spec('a', 10), 10.5).ratio).toBeCloseTo(1.05, 12);
  });
  it('has no verdict without a paper value', () => {
    const r = compareClaim(spec('new', null), 3);
    expect(r.pass).toBeNull();
    expect(r.ratio).toBeNull();
    expect(requiredClaimsPass([r])).toBe(true);
  });
  it('informational claims never fail the run', () => {
    const info = compareClaim(spec('i', 1.35, false), 1.29);
    expect(info.pass).toBe(false);
    expect(requiredClaimsPass([info, compareClaim(spec('a', 2), 2)])).toBe(true);
    expect(requiredClaimsPass([info, compareClaim(spec('a', 2), 3)])).toBe(false);
  });
  it('json has the fixed keys, plus required and basis', () => {
    const j = claimsJson([compareClaim(spec('a', 2), 2, 'note'), compareClaim(spec('i', 1.35, false), 1.29)]);
    expect(Object.keys(j[0] ?? {}).sort()).toEqual(['basis', 'id', 'paper', 'pass', 'required', 'simulated', 'tolerance', 'unit']);
    expect(j.map((c) => [c.required, c.basis])).toEqual([[true, 'paper'], [false, 'paper']]);
  });
  it('table notes say how many required claims pass, naming the failing ones', () => {
    const ok = claimsTable([compareClaim(spec('a', 2), 2), compareClaim(spec('i', 1.35, false), 1.29)], 'T');
    expect(ok.notes?.[0]).toBe('required claims: 1 of 1 pass; the other 1 is informational (i)');
    const bad = claimsTable([compareClaim(spec('a', 2), 2), compareClaim(spec('b', 2), 3)], 'T');
    expect(bad.notes?.[0]).toBe('required claims: 1 of 2 pass (failing: b)');
    // new results (no paper values): no '0 of 0 pass'
    const none = claimsTable([compareClaim(spec('n', null), 1.5), compareClaim(spec('m', null), 2)], 'T');
    expect(none.notes?.[0]).toBe('no required claim has a reference value here: all 2 are informational');
  });
  it('table prints paper as - for new results and marks info gaps', () => {
    const t = claimsTable([compareClaim(spec('n', null), 1.5), compareClaim(spec('i', 1.35, false), 1.29, 'gap')], 'T');
    const text = formatTable(t);
    expect(text).toMatch(/n\s+x\s+-\s+1\.5/);
    expect(text).toContain('gap (info)');
    expect(text).toContain('i: gap');
  });
});

describe('table and csv', () => {
  const t: Table = {
    id: 't', title: 'Title',
    columns: [{ key: 'name', header: 'name' }, { key: 'v', header: 'value', unit: 'ms' }],
    rows: [{ name: 'a,"b"', v: 1.23456789 }, { name: 'c', v: null }],
  };
  it('quotes CSV fields and keeps full precision', () => {
    expect(tableToCsv(t)).toBe('name,value [ms]\r\n"a,""b""",1.23456789\r\nc,\r\n');
  });
  it('aligns console columns', () => {
    const lines = formatTable(t).split('\n');
    expect(lines[0]).toBe('Title');
    expect(lines[1]).toBe('name   value [ms]');
    expect(lines[3]).toBe('a,"b"' + ' '.repeat(7) + '1.235');
    expect(lines[4]).toBe('c' + ' '.repeat(15) + '-');
  });
  it('formats numbers deterministically and round-trips to the stated precision', () => {
    expect(formatNumber(12.4800001)).toBe('12.48');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1.5e-5)).toBe('1.500e-5');
    // Counts print exactly (a noise study's 36864 weights were shown as 36860, 551635 accesses as 551600).
    expect(formatNumber(36864)).toBe('36864');
    expect(formatNumber(551635)).toBe('551635');
    expect(formatNumber(-1234567)).toBe('-1234567');
    expect(formatNumber(36864.5)).toBe('3.686e4');
    expect(formatNumber(282410200)).toBe('2.824e8');
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (v) => {
      const back = Number(formatNumber(v, 6));
      return Math.abs(back - v) <= Math.abs(v) * 1e-5;
    }));
  });
});
