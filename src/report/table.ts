/**
 * Result tables as data: declared columns (header + unit) and rows of plain values. One table feeds
 * the console printer, the CSV writer and the HTML report, so the three never disagree.
 * Number formatting is deterministic (fixed significant digits, no locale).
 */

/** A cell value. `null` prints as '-' (e.g. no paper value for a new model). */
export type Cell = string | number | boolean | null;

export interface Column {
  /** Row key. */
  readonly key: string;
  /** Header shown to the reader. */
  readonly header: string;
  /** Unit of the column's numbers ('ms', 'mJ', '×'); shown in the header. */
  readonly unit?: string;
  /** Significant digits for numbers (default 4). */
  readonly digits?: number;
}

export interface Table {
  /** Stable id, used as the CSV file name (`<id>.csv`). */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  /** Footnotes printed under the table. */
  readonly notes?: readonly string[];
}

/**
 * Deterministic number formatting: `digits` significant digits, exponent form for extremes and
 * for rounded values of 10^digits or more. Integers below 10^7 (counts: weights, accesses, bit
 * errors) print exactly, never rounded.
 */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'inf' : '-inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1e7) return String(v);
  const exponent = (): string => v.toExponential(Math.max(0, digits - 1)).replace('e+', 'e');
  if (a >= 1e7 || a < 1e-3) return exponent();
  // toPrecision then strip trailing zeros of a fractional part; a value rounded at 10^digits or more
  // prints in exponent form (7.939e5), so it is never mistaken for an exact count (793900 for 793873.07)
  const s = v.toPrecision(digits);
  if (s.includes('e')) return exponent();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Text of one cell as printed in tables and CSV. */
export function formatCell(v: Cell | undefined, col: Column): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number') return formatNumber(v, col.digits ?? 4);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return v;
}

/** Header text with the unit in brackets. */
export function headerText(col: Column): string {
  return col.unit ? `${col.header} [${col.unit}]` : col.header;
}

/**
 * Plain-text table for the console: title line, aligned columns (numbers right, text left),
 * a rule under the header, then notes.
 */
export function formatTable(t: Table): string {
  const heads = t.columns.map(headerText);
  const body = t.rows.map((r) => t.columns.map((c) => formatCell(r[c.key], c)));
  const numeric = t.columns.map((c) => t.rows.some((r) => typeof r[c.key] === 'number'));
  const widths = heads.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const pad = (s: string, i: number): string =>
    numeric[i] ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0);
  const line = (cells: readonly string[]): string => cells.map((s, i) => pad(s, i)).join('  ').trimEnd();
  const out = [t.title, line(heads), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of body) out.push(line(row));
  for (const n of t.notes ?? []) out.push(`  ${n}`);
  return out.join('\n') + '\n';
}
