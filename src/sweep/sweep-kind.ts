/**
 * `kind: sweep` for `qmcsim validate`: the full pre-run checks of `qmcsim sweep` (loadSweepSpec,
 * then expandSweep resolving the base, every axis key and every point through the evaluator),
 * plus a structural schema of the file's top-level keys for the kind registry.
 */
import { z } from 'zod';
import { expandSweep, type ExpandedSweep } from './points.js';
import { loadSweepSpec } from './spec.js';
import { inDocumentOrder } from '../config/errors.js';
import { SweepSpecError, type SpecProblem } from './spec-errors.js';
import type { SweepSpec } from './spec-types.js';

/**
 * The top-level shape of a sweep file (without `kind`). Registered with the kind so tools that read
 * schemas see the keys; the authoritative checks (positions, axis keys, values) are checkSweepFile's.
 */
export const sweepFileSchema = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  /** Path of the base run config, relative to the sweep file. */
  base: z.string().min(1),
  /** Overrides applied to every point, config key → value. */
  set: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().min(0).optional(),
  layerReuse: z.boolean().optional(),
  /** `- key: [values]`, `- key: {from, to, steps, scale, integer}` or `- zip: {key: [values], ...}`. */
  axes: z.array(z.record(z.string(), z.unknown())).min(1),
  sampler: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  constraints: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
  derived: z.record(z.string(), z.string()).optional(),
  metrics: z.array(z.string()).min(1).optional(),
  /** 'run-config' or the path of an evaluator module. */
  evaluator: z.string().min(1).optional(),
  report: z.strictObject({ pareto: z.array(z.string()).min(1).optional() }).optional(),
});

/** A sweep file that passed every check `qmcsim sweep` makes before running a point. */
export interface CheckedSweep {
  readonly spec: SweepSpec;
  readonly expanded: ExpandedSweep;
}

/**
 * Runs the checks `qmcsim sweep FILE` makes before any point runs: the sweep file itself, the base
 * run config, every axis and `set` key, and every drawn point's config (resolved through the
 * evaluator) plus config-only constraints. Throws SweepSpecError (file:line:col, exit 2).
 */
export async function checkSweepFile(file: string): Promise<CheckedSweep> {
  let spec: SweepSpec;
  try {
    spec = loadSweepSpec(file);
  } catch (e) {
    // A constraint's syntax error does not hide the key or metric problems of the others.
    if (!(e instanceof SweepSpecError) || e.partial === undefined) throw e;
    let more: readonly SpecProblem[] = [];
    try {
      await expandSweep(e.partial);
    } catch (e2) {
      if (!(e2 instanceof SweepSpecError)) throw e;
      more = e2.problems;
    }
    throw new SweepSpecError(inDocumentOrder([...e.problems, ...more]).slice(0, 20));
  }
  return { spec, expanded: await expandSweep(spec) };
}
