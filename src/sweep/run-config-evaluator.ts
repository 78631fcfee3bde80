/**
 * The default sweep evaluator: resolves a point with the SoC engineer's loadRunConfig (base run
 * file + `--set`-style overrides) and evaluates it with runConfig, keeping the flat metrics.
 * `socFile` (an absolute path, provenance only) is dropped so point ids do not depend on the checkout.
 */
import { runConfig, type RunConfig } from '../arch/run.js';
import { loadRunConfig } from '../arch/run-config.js';
import type { SweepEvaluator } from './evaluator.js';

/** `key=value` override text; JSON is valid YAML, so strings such as '3.5 ns' survive quoting. */
export function overrideText(key: string, value: unknown): string {
  return `${key}=${JSON.stringify(value)}`;
}

export const evaluator: SweepEvaluator = {
  resolve(base, overrides) {
    const cfg = loadRunConfig(base, overrides.map(([k, v]) => overrideText(k, v)));
    const { socFile: _socFile, ...rest } = cfg;
    void _socFile;
    return rest;
  },
  evaluate(resolved, { seed, layerReuse }) {
    return { ...runConfig(resolved as RunConfig, { seed, layerReuse }).metrics };
  },
};
