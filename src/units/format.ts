/**
 * Formats canonical numbers back to readable, re-parseable strings with an automatic prefix
 * ("1.25 ns", "3 GiB", "0.48 pJ/bit"). Every string produced here is accepted by parseQuantity.
 */
import type { Dimension } from './quantity.js';
import { SECONDS_PER_YEAR } from './unit-table.js';

type Scale = readonly (readonly [unit: string, factor: number])[];

const scales: Readonly<Record<Exclude<Dimension, 'ratio'>, Scale>> = {
  time: [['ps', 1], ['ns', 1e3], ['us', 1e6], ['ms', 1e9], ['s', 1e12]],
  duration: [['ps', 1e-12], ['ns', 1e-9], ['us', 1e-6], ['ms', 1e-3], ['s', 1], ['min', 60], ['h', 3600], ['days', 86400], ['years', SECONDS_PER_YEAR]],
  energy: [['fJ', 1e-3], ['pJ', 1], ['nJ', 1e3], ['uJ', 1e6], ['mJ', 1e9], ['J', 1e12]],
  energyPerBit: [['fJ/bit', 1e-3], ['pJ/bit', 1], ['nJ/bit', 1e3], ['uJ/bit', 1e6]],
  power: [['pW', 1e-12], ['nW', 1e-9], ['uW', 1e-6], ['mW', 1e-3], ['W', 1], ['kW', 1e3]],
  size: [['B', 1], ['kB', 1e3], ['MB', 1e6], ['GB', 1e9], ['TB', 1e12], ['PB', 1e15]],
  bandwidth: [['B/s', 1], ['kB/s', 1e3], ['MB/s', 1e6], ['GB/s', 1e9], ['TB/s', 1e12]],
  frequency: [['Hz', 1], ['kHz', 1e3], ['MHz', 1e6], ['GHz', 1e9], ['THz', 1e12]],
  transferRate: [['T/s', 1], ['kT/s', 1e3], ['MT/s', 1e6], ['GT/s', 1e9]],
  area: [['nm^2', 1e-12], ['um^2', 1e-6], ['mm^2', 1], ['cm^2', 100]],
  density: [['b/mm^2', 1], ['kb/mm^2', 1e3], ['Mb/mm^2', 1e6], ['Gb/mm^2', 1e9], ['Tb/mm^2', 1e12]],
  voltage: [['nV', 1e-9], ['uV', 1e-6], ['mV', 1e-3], ['V', 1], ['kV', 1e3]],
  current: [['pA', 1e-12], ['nA', 1e-9], ['uA', 1e-6], ['mA', 1e-3], ['A', 1]],
  temperature: [['K', 1]],
};
const binarySizes: Scale = [['KiB', 1024], ['MiB', 1024 ** 2], ['GiB', 1024 ** 3], ['TiB', 1024 ** 4], ['PiB', 1024 ** 5]];

/** A number with at most `digits` significant digits, trailing zeros dropped. */
export function formatNumber(v: number, digits = 4): string {
  if (v === 0) return '0';
  return String(Number(v.toPrecision(Math.min(Math.max(digits, 1), 17))));
}

function pick(scale: Scale, abs: number): readonly [string, number] {
  let best = scale[0] as readonly [string, number];
  for (const s of scale) if (abs >= s[1] * (1 - 1e-12)) best = s;
  return best;
}

/**
 * Formats a canonical value of dimension `dim` with an automatic prefix and `digits` significant
 * digits (default 4). Sizes that are exact multiples of a power of 1024 use binary prefixes
 * ("2 GiB"), other sizes decimal ones ("2 GB"); ratios print as plain numbers.
 */
export function formatQuantity(value: number, dim: Dimension, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (dim === 'ratio') return formatNumber(value, digits);
  const abs = Math.abs(value);
  let scale = scales[dim];
  if (dim === 'size' && Number.isInteger(value) && abs >= 1024) {
    const b = pick(binarySizes, abs);
    if (Number.isInteger(value / b[1])) scale = binarySizes;
  }
  if (abs === 0) return `0 ${dim === 'size' ? 'B' : (scales[dim].find((s) => s[1] === 1)?.[0] ?? scales[dim][0]?.[0])}`;
  const [unit, factor] = pick(scale, abs);
  return `${formatNumber(value / factor, digits)} ${unit}`;
}

/**
 * A byte count with binary prefixes always (B, KiB, MiB, …), `digits` significant digits: for
 * reports that list several counts side by side, so like counts read alike ('129 KiB', '58.5 KiB').
 */
export function formatBytes(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs < 1024) return `${formatNumber(value, digits)} B`;
  const [unit, factor] = pick(binarySizes, abs);
  return `${formatNumber(value / factor, digits)} ${unit}`;
}
