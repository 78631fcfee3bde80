/**
 * Quantities as branded numbers: the unit is part of the type and costs nothing at run time.
 * Canonical units (architecture.md §3.8): time integer ps, energy pJ, power W (pJ/ps = W),
 * size bytes, bandwidth B/s, frequency Hz, area mm², energy per bit pJ/bit, density bit/mm².
 * Physical durations outside the event loop (retention, drift) are float Seconds, a separate brand.
 */
declare const unitTag: unique symbol;
/** A number whose unit is part of its type. */
export type Q<U extends string> = number & { readonly [unitTag]: U };

export type Ps = Q<'ps'>;
export type Seconds = Q<'s'>;
export type Cycles = Q<'cycle'>;
export type PJ = Q<'pJ'>;
export type PJPerBit = Q<'pJ/bit'>;
export type Watts = Q<'W'>;
export type Bytes = Q<'B'>;
export type Bits = Q<'bit'>;
export type BytesPerSec = Q<'B/s'>;
export type Hz = Q<'Hz'>;
export type TransfersPerSec = Q<'T/s'>;
export type Mm2 = Q<'mm^2'>;
export type BitsPerMm2 = Q<'bit/mm^2'>;
export type Volts = Q<'V'>;
export type Amperes = Q<'A'>;
export type Kelvin = Q<'K'>;
export type Ratio = Q<'1'>;

/** Dimension names used by the parser, the schemas and `describe`. */
export type Dimension =
  | 'time' | 'duration' | 'energy' | 'energyPerBit' | 'power' | 'size' | 'bandwidth' | 'frequency'
  | 'transferRate' | 'area' | 'density' | 'voltage' | 'current' | 'temperature' | 'ratio';

/** Canonical unit string for each dimension. */
export const canonicalUnit: Readonly<Record<Dimension, string>> = {
  time: 'ps', duration: 's', energy: 'pJ', energyPerBit: 'pJ/bit', power: 'W', size: 'B',
  bandwidth: 'B/s', frequency: 'Hz', transferRate: 'T/s', area: 'mm^2', density: 'bit/mm^2',
  voltage: 'V', current: 'A', temperature: 'K', ratio: '1',
};

/** Example strings used in error messages ("expected a time such as '3.5 ns'"). */
export const dimensionExample: Readonly<Record<Dimension, string>> = {
  time: "a time such as '3.5 ns'", duration: "a duration such as '10 years' or '1 h'",
  energy: "an energy such as '28.9 nJ'", energyPerBit: "an energy per bit such as '1.56 pJ/bit'",
  power: "a power such as '2 mW'", size: "a size such as '64 B' or '16 Gb'",
  bandwidth: "a bandwidth such as '36.57 GiB/s'", frequency: "a frequency such as '3.3 GHz'",
  transferRate: "a transfer rate such as '6400 MT/s'", area: "an area such as '21.62 mm^2'",
  density: "a density such as '66 Mb/mm^2'", voltage: "a voltage such as '1.05 V'",
  current: "a current such as '45 mA'", temperature: "a temperature such as '300 K'",
  ratio: "a plain number or percentage such as '0.3' or '30 %'",
};

// Constructors. Time values are rounded to integer picoseconds once, here.
export const ps = (v: number): Ps => Math.round(v) as Ps;
export const ns = (v: number): Ps => Math.round(v * 1e3) as Ps;
export const us = (v: number): Ps => Math.round(v * 1e6) as Ps;
export const ms = (v: number): Ps => Math.round(v * 1e9) as Ps;
export const seconds = (v: number): Seconds => v as Seconds;
export const pJ = (v: number): PJ => v as PJ;
export const nJ = (v: number): PJ => (v * 1e3) as PJ;
export const mJ = (v: number): PJ => (v * 1e9) as PJ;
export const pJPerBit = (v: number): PJPerBit => v as PJPerBit;
export const watts = (v: number): Watts => v as Watts;
export const mW = (v: number): Watts => (v * 1e-3) as Watts;
export const bytes = (v: number): Bytes => v as Bytes;
export const bits = (v: number): Bits => v as Bits;
export const bytesPerSec = (v: number): BytesPerSec => v as BytesPerSec;
export const hz = (v: number): Hz => v as Hz;
export const ghz = (v: number): Hz => (v * 1e9) as Hz;
export const mm2 = (v: number): Mm2 => v as Mm2;
export const ratio = (v: number): Ratio => v as Ratio;
export const cycles = (v: number): Cycles => v as Cycles;

export const GiB = 1024 ** 3;
export const PS_PER_S = 1e12;

/** Time in ps to move `size` bytes at `bw` B/s, rounded up to an integer ps. */
export function transferTime(size: Bytes, bw: BytesPerSec): Ps {
  return Math.ceil((size / bw) * PS_PER_S) as Ps;
}
/** Energy of `sizeBits` bits at `e` pJ/bit. */
export function energyOfBits(nBits: number, e: PJPerBit): PJ {
  return (nBits * e) as PJ;
}
/** Power × time → energy (W × ps = pJ). */
export function energyOf(power: Watts, t: Ps): PJ {
  return (power * t) as PJ;
}
/** ps → s as a float (for reports). */
export function psToSeconds(t: Ps): Seconds {
  return (t / PS_PER_S) as Seconds;
}
