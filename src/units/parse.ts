/**
 * Parses quantity strings ('3.5 ns', '1.56 pJ/bit', '36.57 GiB/s', '16 Gb', '30 %') into canonical
 * numbers of an expected dimension. Hand-written (no mathjs), run once at the config boundary.
 * A bare number for a dimensioned quantity, or a unit of another dimension, is an error.
 */
import { dimensionExample, type Dimension } from './quantity.js';
import { dimensionOfUnit, unitFor, unitHints, unitsOf } from './unit-table.js';

export type ParseResult =
  | { readonly ok: true; readonly value: number }
  | {
      readonly ok: false;
      /** "expected a time such as '3.5 ns', found 50". */
      readonly message: string;
      /** "a time such as '3.5 ns'". */
      readonly expected: string;
      /** "50", "'5 pJ' (an energy)". */
      readonly found: string;
    };

const NUMBER = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/;

/** Article + dimension name for "found '5 pJ' (an energy)". */
const dimensionNoun: Readonly<Record<Dimension, string>> = {
  time: 'a time', duration: 'a duration', energy: 'an energy', energyPerBit: 'an energy per bit',
  power: 'a power', size: 'a size', bandwidth: 'a bandwidth', frequency: 'a frequency',
  transferRate: 'a transfer rate', area: 'an area', density: 'a density', voltage: 'a voltage',
  current: 'a current', temperature: 'a temperature', ratio: 'a plain number',
};

function fail(dim: Dimension, found: string): ParseResult {
  const expected = dimensionExample[dim];
  return { ok: false, message: `expected ${expected}, found ${found}`, expected, found };
}

/** Renders an input the way an error message shows it: numbers bare, strings quoted. */
export function showFound(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a map';
}

/** Per-second rates: below MIN_RATE (one per 2^53 ps, the simulated time range) a period no longer fits. */
const RATE_DIMS: ReadonlySet<Dimension> = new Set<Dimension>(['bandwidth', 'frequency', 'transferRate']);
const MIN_RATE = 1e12 / 2 ** 53;

/**
 * Parses `text` as a quantity of dimension `dim` and returns its value in the canonical unit of
 * quantity.ts (time: integer ps, rounded to the nearest ps; size: bytes; bandwidth: B/s; ...).
 */
export function parseQuantity(text: string, dim: Dimension): ParseResult {
  const s = text.trim();
  const m = NUMBER.exec(s);
  if (m === null) return fail(dim, `'${text}' (not a number followed by a unit)`);
  const num = Number(m[1]);
  const unit = (m[2] ?? '').trim();
  if (!Number.isFinite(num)) return fail(dim, `'${text}' (number out of range)`);
  const def = unitFor(dim, unit);
  if (def === undefined) {
    // A string holding a bare number (YAML `"3.5"`): shown quoted, as typed, so it is not mistaken
    // for the YAML number 3.5 (which showFound prints bare).
    if (unit === '') return fail(dim, `'${text}'`);
    const other = dimensionOfUnit(unit);
    // day, week, year are duration units (seconds, for retention and lifetimes): a simulated time
    // is integer picoseconds, at most 2^53 ps ≈ 2.5 h
    if (other === 'duration' && dim === 'time') return fail(dim, `'${text}' (a duration unit: a simulated time is at most 2^53 ps ≈ 2.5 h; write it in s, ms, ns, ... or h)`);
    if (other !== undefined && other !== dim) return fail(dim, `'${text}' (${dimensionNoun[other]})`);
    // case slip ('NS' → 'ns'), but never between prefixes that differ only in case (m/M, p/P)
    // (only when unambiguous: 'GIB' could be 'GiB' or 'Gib', so no suggestion)
    // nor between a bit and a byte ('GBps' is not 'Gbps', a factor of 8)
    const bB = (u: string): string => u.replace(/[^bB]/g, '');
    const cis = unitsOf(dim).filter((u) => u.toLowerCase() === unit.toLowerCase() && (u[0] === unit[0] || !'mMpP'.includes(u[0] ?? '')));
    const bytesPerSec = /^([kMGT]?i?)Bps$/.exec(unit);
    const perSec = bytesPerSec && unitFor(dim, `${bytesPerSec[1]}B/s`) ? `write '${bytesPerSec[1]}B/s' (bytes per second; '…bps' would be bits)` : undefined;
    const hint = unitHints[unit] ?? perSec ?? (cis.length === 1 && bB(cis[0] ?? '') === bB(unit) ? `write '${cis[0]}'` : undefined);
    return fail(dim, `'${text}' (unknown unit '${unit}'${hint ? `; ${hint}` : ''})`);
  }
  const [mant, exp = '0'] = (m[1] ?? '').split(/[eE]/);
  let value = Number(`${mant}e${Number(exp) + def.exp10}`) * def.mul + (def.offset ?? 0);
  if (dim === 'time') {
    if (value < 0) return fail(dim, `'${text}' (a negative time)`);
    // a non-zero time that would round to 0 ps is refused, never silently turned into zero
    if (value > 0 && value < 0.5) return fail(dim, `'${text}' (below the 1 ps time resolution; it would round to 0)`);
    value = Math.round(value);
    if (!Number.isSafeInteger(value)) return fail(dim, `'${text}' (too long for integer picoseconds; use a duration)`);
  }
  // a non-zero size below one bit ('1e-300 B', '1e-300 MiB') is no size: a granule or capacity that
  // small made device models split one access into ~1e300 pieces (a replay that never ended)
  if (dim === 'size' && value !== 0 && Math.abs(value) < 0.125) return fail(dim, `'${text}' (below 1 bit, the smallest size)`);
  // a rate so low that one byte / cycle / transfer takes longer than the longest simulated time
  // (2^53 ps ≈ 2.5 h): '1e-300 B/s' made a device's per-byte time Infinity and a replay exit 3
  if (RATE_DIMS.has(dim) && value !== 0 && Math.abs(value) < MIN_RATE) {
    return fail(dim, `'${text}' (below one ${dim === 'bandwidth' ? 'byte' : dim === 'frequency' ? 'cycle' : 'transfer'} per 2^53 ps ≈ 2.5 h, the longest simulated time)`);
  }
  if (!Number.isFinite(value)) return fail(dim, `'${text}' (out of range)`);
  return { ok: true, value };
}

/**
 * A number with an optional unit ('0.5 pJ/bit', '2 GiB', '6') whose dimension is the unit's: its
 * canonical value and that dimension (undefined for a bare number); undefined when `text` is not a
 * number, its unit is unknown, or parseQuantity refuses it. For comparing values written as text.
 */
export function parseAnyQuantity(text: string): { readonly value: number; readonly dim: Dimension | undefined } | undefined {
  const m = NUMBER.exec(text.trim());
  if (m === null) return undefined;
  const unit = (m[2] ?? '').trim();
  if (unit === '') return Number.isFinite(Number(m[1])) ? { value: Number(m[1]), dim: undefined } : undefined;
  const dim = dimensionOfUnit(unit);
  if (dim === undefined) return undefined;
  const q = parseQuantity(text, dim);
  return q.ok ? { value: q.value, dim } : undefined;
}

/** Like parseQuantity but throws an Error with the message; for constants written in code. */
export function quantity(text: string, dim: Dimension): number {
  const r = parseQuantity(text, dim);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
