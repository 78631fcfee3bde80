/**
 * Axes whose values are quantities ('10 %', '3.5 ns', a range from '1 ns' to '100 ns'): their
 * dimension, canonical unit (units/quantity.ts) and each value as a canonical number, so tables hold
 * numbers in one unit however a value was spelt ('3500 ps' and '3.5 ns' are both 3500).
 */
import { parseAnyQuantity, parseQuantity } from '../units/parse.js';
import { canonicalUnit, type Dimension } from '../units/quantity.js';
import { dimensionOfUnit } from '../units/unit-table.js';
import type { AxisKey } from './spec-types.js';

/** A quantity axis: its dimension, unit name for column headers, and the canonical value of a written value. */
export interface QuantityAxis {
  readonly dim: Dimension;
  /** Canonical unit as shown in a column header: 'ps', 'pJ', 'B', ... and 'ratio' for plain fractions. */
  readonly unit: string;
  /** The canonical number of a value of this axis (a number is taken as already canonical); undefined when it does not parse. */
  value(v: unknown): number | undefined;
}

/**
 * The quantity axis `k` is, or undefined for a non-quantity axis (plain numbers, names, maps).
 * A list axis is one when some value is a quantity text, every text is one of the same dimension,
 * and any bare number is a ratio (0.1 beside '30 %'); a range is one when its ends carry a unit.
 */
export function quantityAxis(k: AxisKey): QuantityAxis | undefined {
  const d = k.domain;
  let dim: Dimension | undefined;
  if (d.kind === 'range') {
    dim = d.unit === '' ? undefined : dimensionOfUnit(d.unit);
  } else {
    let numbers = false;
    for (const v of d.values) {
      if (typeof v === 'number') { numbers = true; continue; }
      if (typeof v !== 'string') return undefined;
      const q = parseAnyQuantity(v);
      if (q?.dim === undefined || (dim !== undefined && q.dim !== dim)) return undefined;
      dim = q.dim;
    }
    if (numbers && dim !== 'ratio') return undefined;
  }
  if (dim === undefined) return undefined;
  const found = dim;
  return {
    dim: found,
    unit: found === 'ratio' ? 'ratio' : canonicalUnit[found],
    value(v) {
      if (typeof v === 'number') return v;
      if (typeof v !== 'string') return undefined;
      const q = parseQuantity(v, found);
      return q.ok ? q.value : undefined;
    },
  };
}

/** Header of an axis column: the key, and for a quantity axis its canonical unit in brackets ('quant.rho [ratio]', 'x.latency [ps]'). */
export function axisColumnName(k: AxisKey): string {
  const q = quantityAxis(k);
  return q === undefined ? k.key : `${k.key} [${q.unit}]`;
}

/**
 * A function giving `axes` with the values of quantity axes of `keys` as canonical numbers, other
 * values unchanged. Each axis is classified once (its listed values parsed), not once per point.
 */
export function axisCanonicaliser(keys: readonly AxisKey[]): (axes: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  const of = keys.map((k) => ({ key: k.key, q: quantityAxis(k), numeric: numericAxis(k) }));
  return (axes) => {
    const out: Record<string, unknown> = { ...axes };
    for (const { key, q, numeric } of of) {
      if (!(key in axes)) continue;
      const stored = axes[key];
      // a plain-number axis (rho: [0.1, 0.3]) whose point was stored by a file spelling it '10 %'
      const v = q !== undefined ? q.value(stored) : typeof stored === 'string' && numeric ? parseAnyQuantity(stored)?.value : undefined;
      if (v !== undefined) out[key] = v;
    }
    return out;
  };
}

/** True for an axis of plain numbers (a list of numbers, a range without unit). */
function numericAxis(k: AxisKey): boolean {
  return k.domain.kind === 'range' ? k.domain.unit === '' : k.domain.values.every((v) => typeof v === 'number');
}
