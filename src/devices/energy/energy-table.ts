/**
 * Energy tables and pricing (Accelergy-style counts × reference table): devices count actions during
 * the run; `priceCounts` turns counts into picojoules afterwards, so the same counts can be re-priced
 * with another table without re-running. Every entry carries its source and an estimate flag.
 */
import type { ActionCounts } from '../device.js';

/** Energy of one counted action (e.g. per bit for `readBits`, per command for `act`). */
export interface EnergyEntry {
  /** pJ per count of the action. */
  readonly pj: number;
  /** What one count is, for reports: 'bit', 'access', 'cell pulse', 'command'... */
  readonly per: string;
  readonly source: string;
  readonly estimate?: boolean;
}

/** Background (leakage, standby, refresh-independent) power. */
export interface BackgroundPower {
  readonly watts: number;
  readonly source: string;
  readonly estimate?: boolean;
}

/** A named energy reference table for one device kind. */
export interface EnergyTable {
  /** Table name, e.g. 'qmc-table1/lpddr5'. */
  readonly name: string;
  /** Device kind the table prices ('stt-mram', 'reram', 'sram', 'lpddr5'). */
  readonly kind: string;
  readonly actions: Readonly<Record<string, EnergyEntry>>;
  /**
   * Entry for counted actions not listed in `actions` (e.g. LPDDR5 commands whose energy a per-bit
   * figure already includes). Without it such actions are reported as `unpriced`.
   */
  readonly otherActions?: EnergyEntry;
  readonly background: BackgroundPower;
}

/** Energy of one device's counts under one table. `totalPj` is exactly the sum of `parts`. */
export interface EnergyBreakdown {
  readonly device: string;
  readonly table: string;
  readonly totalPj: number;
  /** Action name → pJ (every priced action, sorted by name), plus 'background'. */
  readonly parts: Readonly<Record<string, number>>;
  readonly backgroundPj: number;
  /** Part name → source of its energy figure. */
  readonly sources: Readonly<Record<string, string>>;
  /** Parts with non-zero energy whose figure is an estimate. */
  readonly estimates: readonly string[];
  /** Counted actions (non-zero) the table has no entry for: not included in the total. */
  readonly unpriced: readonly string[];
}

export interface PriceOptions {
  /** Throw when a counted action has no table entry (default false: list it in `unpriced`). */
  readonly strict?: boolean;
}

/** Throws when a table has a negative, non-finite or unsourced entry. */
export function validateEnergyTable(t: EnergyTable): void {
  for (const [name, e] of Object.entries(t.actions)) {
    if (!Number.isFinite(e.pj) || e.pj < 0) throw new Error(`energy table ${t.name}: action '${name}' has invalid energy ${e.pj} pJ`);
    if (e.source.trim() === '') throw new Error(`energy table ${t.name}: action '${name}' has no source`);
  }
  if (t.otherActions !== undefined && (!Number.isFinite(t.otherActions.pj) || t.otherActions.pj < 0)) {
    throw new Error(`energy table ${t.name}: invalid otherActions energy ${t.otherActions.pj} pJ`);
  }
  if (!Number.isFinite(t.background.watts) || t.background.watts < 0) throw new Error(`energy table ${t.name}: invalid background power ${t.background.watts} W`);
}

/** Prices `counts` with `table`: Σ count × pJ per action + background W × elapsed ps (W·ps = pJ). */
export function priceCounts(counts: ActionCounts, table: EnergyTable, opts: PriceOptions = {}): EnergyBreakdown {
  validateEnergyTable(table);
  const parts: Record<string, number> = {};
  const sources: Record<string, string> = {};
  const estimates: string[] = [];
  const other = table.otherActions;
  const counted = Object.keys(counts.actions).filter((a) => table.actions[a] === undefined && (counts.actions[a] ?? 0) !== 0);
  const names = [...Object.keys(table.actions), ...(other !== undefined ? counted : [])].sort();
  for (const name of names) {
    const e = (table.actions[name] ?? other) as EnergyEntry;
    const n = countOf(counts, name);
    const pj = n * e.pj;
    parts[name] = pj;
    sources[name] = e.source;
    if (e.estimate === true && pj > 0) estimates.push(name);
  }
  const backgroundPj = table.background.watts * counts.elapsedPs;
  parts.background = backgroundPj;
  sources.background = table.background.source;
  if (table.background.estimate === true && backgroundPj > 0) estimates.push('background');
  const unpriced = other !== undefined ? [] : counted.sort();
  if (opts.strict === true && unpriced.length > 0) {
    throw new Error(`energy table ${table.name} does not price action(s) ${unpriced.join(', ')} counted by ${counts.path}`);
  }
  return { device: counts.path, table: table.name, totalPj: sumParts(parts), parts, backgroundPj, sources, estimates, unpriced };
}

/**
 * Count of `action`; `readBits` / `writeBits` fall back to bytes × 8 for devices that count
 * commands rather than bits (e.g. LPDDR5 priced per bit as in QMC Table 1).
 */
export function countOf(counts: ActionCounts, action: string): number {
  const n = counts.actions[action];
  if (n !== undefined) return n;
  if (action === 'readBits') return counts.bytesRead * 8;
  if (action === 'writeBits') return counts.bytesWritten * 8;
  return 0;
}

/** Sum of the parts in key order (the definition of totalPj). */
export function sumParts(parts: Readonly<Record<string, number>>): number {
  let t = 0;
  for (const k of Object.keys(parts)) t += parts[k] as number;
  return t;
}

/** Re-prices an existing breakdown's counts with another table (no re-run). */
export function reprice(counts: ActionCounts, tables: readonly EnergyTable[], opts: PriceOptions = {}): EnergyBreakdown[] {
  return tables.map((t) => priceCounts(counts, t, opts));
}
