/**
 * The report's plots as Vega-Lite specs built from result rows: energy breakdown per configuration
 * (stacked bars), latency per token, the ρ sweep (latency/energy/cells vs ρ with the bottleneck
 * stream marked), and bit errors per device. Pure functions of their inputs.
 */
import type { TopLevelSpec } from 'vega-lite';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 520;

export interface EnergyPart {
  readonly config: string;
  /** Component of the energy (e.g. 'lpddr5 read', 'reram read', 'interconnect'). */
  readonly part: string;
  /** Energy per token, mJ. */
  readonly energyMj: number;
}

/** Stacked bars: energy per token per configuration, split by component. */
export function energyBreakdownSpec(rows: readonly EnergyPart[], title: string): TopLevelSpec {
  return {
    $schema: SCHEMA, title, width: WIDTH, height: 260,
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'config', type: 'nominal', title: 'configuration', sort: null },
      x: { field: 'energyMj', type: 'quantitative', title: 'weight-fetch energy per token (mJ)', stack: 'zero' },
      color: { field: 'part', type: 'nominal', title: 'component' },
      tooltip: [{ field: 'config' }, { field: 'part' }, { field: 'energyMj', format: '.3f' }],
    },
  };
}

export interface LatencyRow {
  readonly config: string;
  /** Latency per token, ms. */
  readonly latencyMs: number;
  /** Which device set the time ('lpddr5', 'reram', 'mram'). */
  readonly bottleneck: string;
}

/** Horizontal bars: latency per token per configuration, coloured by the bottleneck device. */
export function latencySpec(rows: readonly LatencyRow[], title: string): TopLevelSpec {
  return {
    $schema: SCHEMA, title, width: WIDTH, height: 260,
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'config', type: 'nominal', title: 'configuration', sort: null },
      x: { field: 'latencyMs', type: 'quantitative', title: 'weight-fetch latency per token (ms)' },
      color: { field: 'bottleneck', type: 'nominal', title: 'bottleneck' },
      tooltip: [{ field: 'config' }, { field: 'latencyMs', format: '.4f' }, { field: 'bottleneck' }],
    },
  };
}

export interface RhoRow {
  readonly rho: number;
  /** Series name ('latency', 'energy', 'cells', 'mram time', 'reram time'). */
  readonly metric: string;
  /** Value normalised to the ρ = 0.3 point (so all series share one axis). */
  readonly relative: number;
  readonly bottleneck: string;
}

/** Lines vs ρ, normalised to the operating point ρ = 0.3; point shape marks the bottleneck stream. */
export function rhoSweepSpec(rows: readonly RhoRow[], title: string): TopLevelSpec {
  return {
    $schema: SCHEMA, title, width: WIDTH, height: 280,
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'rho', type: 'quantitative', title: 'outlier fraction ρ', scale: { domain: [0.1, 0.5] } },
      y: { field: 'relative', type: 'quantitative', title: 'relative to ρ = 0.3', scale: { zero: false } },
      color: { field: 'metric', type: 'nominal', title: 'metric' },
      shape: { field: 'bottleneck', type: 'nominal', title: 'bottleneck stream' },
      tooltip: [{ field: 'rho' }, { field: 'metric' }, { field: 'relative', format: '.3f' }, { field: 'bottleneck' }],
    },
  };
}

export interface BitErrorRow {
  readonly config: string;
  readonly device: string;
  /** Sampled bit-error rate (errors / bits read). */
  readonly ber: number;
  /** Analytic expectation of the rate. */
  readonly expectedBer: number;
}

/**
 * Sampled and expected bit-error rate per (configuration, device), as points on a log axis (rates
 * span 1e-10 … 1e-2). Zero rates cannot sit on a log axis and are left to the table.
 */
export function bitErrorSpec(rows: readonly BitErrorRow[], title: string): TopLevelSpec {
  const values = rows.flatMap((r) => [
    { item: `${r.config} · ${r.device}`, kind: 'sampled', rate: r.ber },
    { item: `${r.config} · ${r.device}`, kind: 'expected', rate: r.expectedBer },
  ]).filter((v) => v.rate > 0);
  return {
    $schema: SCHEMA, title, width: WIDTH, height: Math.max(80, 28 * new Set(values.map((v) => v.item)).size),
    data: { values },
    mark: { type: 'point', filled: true, size: 80 },
    encoding: {
      // full labels (the default 180 px cut 'eMEMs / MLC ReRAM · reram' to 'eMEMs / MLC ReRAM · r…');
      // ticks in one exponent form (the default mixed '1e-7' with '0.000001')
      y: { field: 'item', type: 'nominal', title: 'configuration · device', sort: null, axis: { labelLimit: 400 } },
      x: { field: 'rate', type: 'quantitative', title: 'bit errors per bit read', scale: { type: 'log' }, axis: { format: '.0e' } },
      color: { field: 'kind', type: 'nominal', title: 'rate' },
      shape: { field: 'kind', type: 'nominal', title: 'rate' },
      tooltip: [{ field: 'item' }, { field: 'kind' }, { field: 'rate', format: '.3e' }],
    },
  };
}

export interface XYRow {
  readonly x: number;
  readonly y: number;
  readonly series: string;
}

/** Generic line plot (used by the noise study: bit-error rate / SQNR vs level spread). */
export function lineSpec(rows: readonly XYRow[], title: string, xTitle: string, yTitle: string, logY = false): TopLevelSpec {
  return {
    $schema: SCHEMA, title, width: WIDTH, height: 260,
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xTitle },
      y: { field: 'y', type: 'quantitative', title: yTitle, ...(logY ? { scale: { type: 'symlog' } } : {}) },
      color: { field: 'series', type: 'nominal', title: 'series' },
    },
  };
}
