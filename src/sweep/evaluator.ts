/**
 * The evaluator contract of the sweep engine: a module that resolves a base config plus overrides
 * into one point's config, evaluates a resolved point into flat numeric metrics and (optionally)
 * lists the estimated parameters a point rests on.
 * 'run-config' names the built-in evaluator (src/sweep/run-config-evaluator.ts); 'analytic' its closed-form
 * roofline counterpart for screening (src/sweep/analytic-evaluator.ts).
 */
import { pathToFileURL } from 'node:url';

/** Options every evaluation receives. */
export interface EvaluateOptions {
  readonly seed: number;
  readonly layerReuse: boolean;
}

/** A parameter a point's results rest on that is an estimate, not a sourced value. */
export interface SweepEstimate {
  /** Config path, e.g. 'soc.memories[reram].device.arraysPerBank'. */
  readonly param: string;
  /** The value used ('156 arrays', or 'preset' for a device preset's own value). */
  readonly value: string;
  /** Where it comes from / how it was derived. */
  readonly source: string;
}

/** What an evaluator module exports as `evaluator`. */
export interface SweepEvaluator {
  /** Resolves `base` (a config file) with `overrides` (dotted key → value) into a plain JSON-able config; throws on bad input. */
  resolve(base: string, overrides: readonly (readonly [string, unknown])[]): unknown | Promise<unknown>;
  /** Evaluates one resolved config into flat metrics (unit in the key suffix). Must be deterministic. */
  evaluate(resolved: unknown, opts: EvaluateOptions): Record<string, number> | Promise<Record<string, number>>;
  /**
   * Optional: the estimated parameters a resolved point's results rest on (listed by the sweep
   * report). `base`: the sweep's base file resolved without overrides, to tell which estimates a
   * point's overrides changed (a stored point's config has come through JSON).
   */
  estimates?(resolved: unknown, base?: unknown): readonly SweepEstimate[];
  /**
   * Optional: what a point's id hashes instead of `resolved` itself — the content its results rest
   * on, with referenced files read (so editing one is not answered from the --resume store).
   */
  identity?(resolved: unknown): unknown;
  /**
   * Optional: every metric name evaluate() may return for this resolved point (a superset is
   * fine), computed without evaluating it. With it a sweep refuses a misspelt name under
   * `metrics:`, `derived:`, `constraints:` or `report.pareto` before any point runs; without it
   * such a name is found when the first point is stored.
   */
  metricNames?(resolved: unknown): readonly string[];
}

const BUILTIN: Record<string, string> = {
  'run-config': new URL('./run-config-evaluator.ts', import.meta.url).href,
  analytic: new URL('./analytic-evaluator.ts', import.meta.url).href,
};

/** The built-in evaluator names ('run-config', 'analytic'). */
export function builtinEvaluatorNames(): string[] {
  return Object.keys(BUILTIN);
}

/** The built-in evaluator names, quoted, for messages: "'run-config', 'analytic'". */
export function builtinEvaluatorList(): string {
  return Object.keys(BUILTIN).map((n) => `'${n}'`).join(', ');
}

/** True for a built-in evaluator name ('run-config', 'analytic'): its code is in the build fingerprint. */
export function isBuiltinEvaluator(module: string): boolean {
  return Object.hasOwn(BUILTIN, module);
}

const cache = new Map<string, Promise<SweepEvaluator>>();

/** Loads (once per thread) the evaluator named by `module`: 'run-config' or an absolute module path. */
export function loadEvaluator(module: string): Promise<SweepEvaluator> {
  let p = cache.get(module);
  if (p === undefined) {
    const url = BUILTIN[module] ?? pathToFileURL(module).href;
    p = import(url).then((m: Record<string, unknown>) => {
      const ev = m['evaluator'] as SweepEvaluator | undefined;
      if (ev === undefined || typeof ev.resolve !== 'function' || typeof ev.evaluate !== 'function') {
        throw new Error(`${module}: expected an exported 'evaluator' with resolve() and evaluate()`);
      }
      return ev;
    });
    cache.set(module, p);
  }
  return p;
}
