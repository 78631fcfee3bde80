/**
 * The default sweep evaluator: resolves a point with the SoC engineer's loadRunConfig (base run
 * file + `--set`-style overrides) and evaluates it with runConfig, keeping the flat metrics; lists
 * a point's estimated parameters as `qmcsim run` does.
 * `socFile` (an absolute path, provenance only) is dropped so point ids do not depend on the checkout;
 * a point id hashes the model's content (resolvedRun), not its name or path, as `qmcsim run`'s hash does.
 */
import { Engine } from '../engine/engine.js';
import { defaultDeviceFactory } from '../arch/device-factory.js';
import { runConfig, type RunConfig } from '../arch/run.js';
import { loadRunConfig } from '../arch/run-config.js';
import { runEstimates } from '../arch/report-parts.js';
import { resolvedRun } from '../arch/resolved-run.js';
import type { SweepEstimate, SweepEvaluator } from './evaluator.js';

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
  /** The run as `resolved.json` hashes it: the model file's content, not its path. */
  identity(resolved) {
    return resolvedRun(resolved as RunConfig).config;
  },
  /** As `qmcsim run` lists them (runEstimates): the run file's `estimates:`, then each device's and noise model's (devices built, nothing run). */
  estimates(resolved) {
    const cfg = resolved as RunConfig;
    const engine = new Engine();
    const built = cfg.soc.memories.map((m) => [m.id, defaultDeviceFactory(m.device, engine, `soc.memory.${m.id}`, 0, m.noise)] as const);
    return runEstimates(cfg, built).map((e): SweepEstimate => ({ param: e.param, value: String(e.value), source: e.derivation }));
  },
};
