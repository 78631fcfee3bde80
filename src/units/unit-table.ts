/**
 * The table of unit spellings the parser accepts, per dimension, with the factor to the canonical
 * unit of quantity.ts. SI prefixes are decimal (k = 1e3, G = 1e9); binary prefixes (Ki, Mi, Gi, Ti,
 * Pi) are IEC 80000-13 powers of 1024. 'b'/'bit' is a bit, 'B'/'byte' a byte. Built once at import.
 */
import type { Dimension } from './quantity.js';

/** How a unit spelling converts to the canonical unit: canonical = value × factor + offset. */
export interface UnitDef {
  readonly dim: Dimension;
  readonly factor: number;
  /** factor = 10^exp10 × mul; decimal scaling is applied in the decimal string to avoid 28.9e3 → 28900.000000000004. */
  readonly exp10: number;
  readonly mul: number;
  readonly offset?: number;
}

/** Julian year (365.25 days), the astronomical convention; used for retention times such as '10 years'. */
export const SECONDS_PER_YEAR = 365.25 * 86400;

const SMALL: Record<string, number> = { f: 1e-15, p: 1e-12, n: 1e-9, u: 1e-6, 'µ': 1e-6, 'μ': 1e-6, m: 1e-3, '': 1 };
const LARGE: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };
const BINARY: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5 };
const ALL_SIZE: Record<string, number> = { ...LARGE, ...BINARY };

const byDim = new Map<Dimension, Map<string, UnitDef>>();
/** First dimension that claims a spelling (time before duration), for "found an energy" messages. */
const anyDim = new Map<string, UnitDef>();

function add(dim: Dimension, unit: string, factor: number, offset?: number): void {
  let m = byDim.get(dim);
  if (m === undefined) byDim.set(dim, (m = new Map()));
  const k = Math.round(Math.log10(factor));
  const pow10 = Math.abs(10 ** k - factor) <= 1e-12 * factor;
  const base = { dim, factor, exp10: pow10 ? k : 0, mul: pow10 ? 1 : factor };
  const def: UnitDef = offset === undefined ? base : { ...base, offset };
  m.set(unit, def);
  if (!anyDim.has(unit)) anyDim.set(unit, def);
}

function each(prefixes: Record<string, number>, fn: (p: string, f: number) => void): void {
  for (const [p, f] of Object.entries(prefixes)) fn(p, f);
}

/** Bits per spelling of a size unit ('Gb' → 1e9, 'GiB' → 8 × 2^30). */
const sizeBits = new Map<string, number>();
each(ALL_SIZE, (p, f) => {
  for (const b of ['b', 'bit', 'bits']) sizeBits.set(p + b, f);
  for (const B of ['B', 'byte', 'bytes']) sizeBits.set(p + B, f * 8);
});
/** mm² per spelling of an area unit. */
const areaMm2 = new Map<string, number>();
each({ n: 1e-9, u: 1e-6, 'µ': 1e-6, 'μ': 1e-6, m: 1e-3, c: 1e-2, '': 1 }, (p, f) => {
  const k = (f / 1e-3) ** 2;
  for (const sq of ['^2', '²', '2']) areaMm2.set(`${p}m${sq}`, k);
});

// time: canonical integer ps; duration: canonical float seconds.
each(SMALL, (p, f) => {
  add('time', `${p}s`, f * 1e12);
  add('duration', `${p}s`, f);
});
for (const [u, s] of [['min', 60], ['h', 3600]] as const) {
  add('time', u, s * 1e12);
  add('duration', u, s);
}
for (const u of ['hour', 'hours']) add('duration', u, 3600);
for (const u of ['d', 'day', 'days']) add('duration', u, 86400);
for (const u of ['week', 'weeks']) add('duration', u, 7 * 86400);
for (const u of ['y', 'yr', 'year', 'years']) add('duration', u, SECONDS_PER_YEAR);

// energy (pJ), energy per bit (pJ/bit), power (W), voltage (V), current (A).
each(SMALL, (p, f) => {
  add('energy', `${p}J`, f * 1e12);
  for (const b of ['bit', 'b']) add('energyPerBit', `${p}J/${b}`, f * 1e12);
  for (const B of ['B', 'byte']) add('energyPerBit', `${p}J/${B}`, (f * 1e12) / 8);
  add('power', `${p}W`, f);
  add('voltage', `${p}V`, f);
  add('current', `${p}A`, f);
});
add('power', 'kW', 1e3);
add('voltage', 'kV', 1e3);

// size (B), bandwidth (B/s), density (bit/mm²).
for (const [u, bitsPer] of sizeBits) {
  add('size', u, bitsPer / 8);
  add('bandwidth', `${u}/s`, bitsPer / 8);
  for (const [a, mm2] of areaMm2) add('density', `${u}/${a}`, bitsPer / mm2);
}
each(LARGE, (p, f) => {
  add('bandwidth', `${p}bps`, f / 8);
  add('frequency', `${p}Hz`, f);
  add('transferRate', `${p}T/s`, f);
  add('transferRate', `${p}Tps`, f);
});
for (const [a, mm2] of areaMm2) add('area', a, mm2);

// temperature (K) and ratio (1).
add('temperature', 'K', 1);
add('temperature', 'mK', 1e-3);
for (const c of ['°C', 'degC']) add('temperature', c, 1, 273.15);
add('ratio', '', 1);
add('ratio', '%', 1e-2);
add('ratio', 'ppm', 1e-6);
add('ratio', 'ppb', 1e-9);

/** The definition of `unit` for dimension `dim`, if that spelling is accepted there. */
export function unitFor(dim: Dimension, unit: string): UnitDef | undefined {
  return byDim.get(dim)?.get(unit);
}
/** The dimension some unit spelling belongs to (for error messages), if any. */
export function dimensionOfUnit(unit: string): Dimension | undefined {
  return anyDim.get(unit)?.dim;
}
/** Every accepted spelling for a dimension (for docs and did-you-mean on units). */
export function unitsOf(dim: Dimension): readonly string[] {
  return [...(byDim.get(dim)?.keys() ?? [])];
}

/** Common ambiguous spellings and what to write instead. */
export const unitHints: Readonly<Record<string, string>> = {
  KB: "write 'kB' (1000 B) or 'KiB' (1024 B)",
  Kb: "write 'kb' (1000 bit) or 'Kib' (1024 bit)",
  'KB/s': "write 'kB/s' or 'KiB/s'",
  mb: "write 'Mb' (megabit) or 'MB' (megabyte)",
  mB: "write 'MB' (megabyte)",
  sec: "write 's'",
  mhz: "write 'MHz'",
  ghz: "write 'GHz'",
  MHZ: "write 'MHz'",
  GHZ: "write 'GHz'",
  mts: "write 'MT/s'",
  MTs: "write 'MT/s'",
};
