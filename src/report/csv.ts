/**
 * CSV (RFC 4180) from a Table: header row with units in brackets, numbers written at full
 * precision (shortest round-trip form) so downstream tools lose nothing; '-' cells become empty.
 */
import { headerText, type Cell, type Table } from './table.js';

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

/** The table as CSV text, CRLF line ends per RFC 4180. */
export function tableToCsv(t: Table): string {
  const lines = [t.columns.map((c) => quote(headerText(c))).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => quote(cellText(r[c.key]))).join(','));
  return lines.join('\r\n') + '\r\n';
}
