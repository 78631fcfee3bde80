/**
 * Types of a parsed sweep file (experiments/sweeps/*.yaml): base run config, axes (product of
 * groups; a zip group co-varies its keys), sampler, constraints, metrics to keep, report settings.
 */
import type { CompiledExpr } from './expression.js';
import type { SourceMap } from './spec-errors.js';

/** A list of values written in the sweep file (numbers, strings such as '3.5 ns', maps, ...). */
export interface DiscreteDomain { readonly kind: 'values'; readonly values: readonly unknown[] }

/** A numeric range; `unit` is appended to generated values (e.g. '2.5 GHz') when the ends had one. */
export interface RangeDomain {
  readonly kind: 'range';
  readonly from: number;
  readonly to: number;
  readonly unit: string;
  /** Number of grid values (required for the grid sampler; optional discretisation for others). */
  readonly steps: number | undefined;
  readonly scale: 'linear' | 'log';
  readonly integer: boolean;
}

/** One swept config key. */
export interface AxisKey {
  /** Dot path into the run config, e.g. `quantizer.rho`. */
  readonly key: string;
  readonly domain: DiscreteDomain | RangeDomain;
  /** Key path of this axis inside the sweep file (for file:line errors). */
  readonly specPath: readonly (string | number)[];
}

/** A product factor: one key, or several keys zipped together (equal lengths). */
export interface AxisGroup { readonly kind: 'single' | 'zip'; readonly keys: readonly AxisKey[] }

/** How points are drawn from the axes. */
export type Sampler =
  | { readonly type: 'grid' }
  | { readonly type: 'random'; readonly count: number; readonly seed: number }
  | { readonly type: 'latin-hypercube'; readonly count: number; readonly seed: number };

/** A constraint; points where `expr` is false are skipped (config-only) or marked infeasible. */
export interface Constraint {
  readonly name: string;
  readonly expr: CompiledExpr;
  readonly specPath: readonly (string | number)[];
}

/** Which module evaluates a point: the built-in run-config evaluator or a module file. */
export interface EvaluatorRef {
  /** 'run-config' or an absolute module path. */
  readonly module: string;
}

/** A fully validated sweep file. */
export interface SweepSpec {
  readonly file: string;
  readonly name: string;
  readonly description: string;
  /** Absolute path of the base run config. */
  readonly base: string;
  /** Overrides applied to every point, `key` → value, before the axis values. */
  readonly set: readonly (readonly [string, unknown])[];
  readonly seed: number;
  readonly layerReuse: boolean;
  readonly axes: readonly AxisGroup[];
  readonly sampler: Sampler;
  readonly constraints: readonly Constraint[];
  /** Metrics computed from the evaluator's metrics after each point (e.g. total memory area). */
  readonly derived: readonly Constraint[];
  /** Metric names to store; null keeps every metric the evaluator returns. */
  readonly metrics: readonly string[] | null;
  readonly evaluator: EvaluatorRef;
  /** Metrics minimised by the Pareto front of the report. */
  readonly pareto: readonly string[];
  readonly sourceMap: SourceMap;
}
