/**
 * The default sweep evaluator: resolves a point with the SoC engineer's loadRunConfig (base run
 * file + `--set`-style overrides) and evaluates it with runConfig, keeping the flat metrics; lists
 * a point's estimated parameters as `qmcsim run` does.
 * `socFile` (an absolute path, provenance only) is dropped so point ids do not depend on the checkout;
 * a point id hashes the model's content (resolvedRun), not its name or path, as `qmcsim run`'s hash does.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { Engine } from '../engine/engine.js';
import { defaultDeviceFactory } from '../arch/device-factory.js';
import { findDevicePreset } from '../devices/index.js';
import { runConfig, type RunConfig } from '../arch/run.js';
import { loadRunConfig } from '../arch/run-config.js';
import { runEstimates } from '../arch/report-parts.js';
import { ESTIMATE_USES, estimateUse } from '../arch/estimate-in-use.js';
import { resolvedRun } from '../arch/resolved-run.js';
import { estimateApplies } from './estimate-applies.js';
import type { SweepEstimate, SweepEvaluator } from './evaluator.js';

/** `key=value` override text; JSON is valid YAML, so strings such as '3.5 ns' survive quoting. */
export function overrideText(key: string, value: unknown): string {
  return `${key}=${JSON.stringify(value)}`;
}

/** Metrics every run reports (src/arch/report.ts assembleReport, report-parts.ts). */
const RUN_METRICS = [
  'bitErrors', 'computePs', 'energyBackgroundPj', 'energyCdcPj', 'energyDevicePj', 'energyInterconnectPj',
  'energyPerStepPj', 'energyPerTokenPj', 'engineEvents', 'expectedBitErrors', 'externalBytes', 'kvBytes',
  'latencyPerTokenPs', 'mramTimePs', 'reramTimePs', 'simulatedPs', 'totalBytes', 'weightBitsStored',
  'weightBytes', 'weightCells', 'weightReadPowerW',
];
/** Metric families reported once per memory, `<family>.<memory id>`. */
const PER_MEMORY = [
  'accessesByMemory', 'busyPsByMemory', 'bytesByMemory', 'bytesReadByMemory', 'bytesWrittenByMemory',
  'cellsByMemory', 'energyDevicePjByMemory', 'linkWaitPsByMemory', 'queueingDelayPsByMemory', 'stallPsByMemory',
  'storedBitsByMemory', 'timePsByMemory', 'weightCellsByMemory',
  // only for memories read through a noise model; listed for every memory (a superset is allowed)
  'bitErrorsByMemory', 'bitsReadNoisyByMemory', 'expectedBitErrorsByMemory',
];

/**
 * Every metric name runConfig may report for `cfg`, from its SoC alone: per memory, per link (one
 * shared 'bus' or one per memory), the area of memories with a density (theirs or their device's), the budget when set.
 */
export function runMetricNames(cfg: RunConfig): string[] {
  const soc = cfg.soc;
  const ids = soc.memories.map((m) => m.id);
  const names = [...RUN_METRICS];
  for (const f of PER_MEMORY) for (const id of ids) names.push(`${f}.${id}`);
  for (const m of soc.memories) if (m.density !== undefined || hasAreaDensity(m.device)) names.push(`areaMm2ByMemory.${m.id}`);
  for (const l of soc.interconnect.type === 'bus' ? ['bus'] : ids) names.push(`energyInterconnectPjByLink.${l}`);
  if (soc.powerBudget !== undefined) names.push('powerBudgetW');
  return names.sort();
}

/** True for a device that carries its own area density (STT-MRAM, ReRAM presets; report-parts.ts areaDensity). */
function hasAreaDensity(device: Readonly<Record<string, unknown>>): boolean {
  if (typeof device.preset !== 'string') return false;
  const found = findDevicePreset(device.preset);
  return found.ok && (found.preset.type === 'stt-mram' || found.preset.type === 'reram');
}

/**
 * A `model:` or `quant:` YAML path in a sweep's `set:` or axes is relative to the base run file, as a
 * `soc:` path there is (loadRunConfig reads a `--set model=…` / `quant=…` path from the working
 * directory, which made a sweep's points depend on where it was started).
 */
function fromRunFile(base: string, key: string, value: unknown): unknown {
  if ((key !== 'model' && key !== 'quant') || typeof value !== 'string' || !/\.ya?ml$/i.test(value) || isAbsolute(value)) return value;
  return resolve(dirname(resolve(base)), value);
}

export const evaluator: SweepEvaluator = {
  resolve(base, overrides) {
    const cfg = loadRunConfig(base, overrides.map(([k, v]) => overrideText(k, fromRunFile(base, k, v))));
    const { socFile: _socFile, ...rest } = cfg;
    void _socFile;
    return rest;
  },
  evaluate(resolved, { seed, layerReuse }) {
    return { ...runConfig(resolved as RunConfig, { seed, layerReuse }).metrics };
  },
  metricNames(resolved) {
    return runMetricNames(resolved as RunConfig);
  },
  /** The run as `resolved.json` hashes it: the model file's content, not its path. */
  identity(resolved) {
    return resolvedRun(resolved as RunConfig).config;
  },
  /**
   * As `qmcsim run` lists them (runEstimates): the run file's `estimates:`, then each device's and
   * noise model's (devices built, nothing run). A run-file estimate is left out of a point whose
   * config does not hold it (an axis swapped in a SoC without that memory, link value or budget), and
   * so is one the point's overrides changed, directly or through a key of its block (estimate-in-use.ts).
   */
  estimates(resolved, base) {
    const given = resolved as RunConfig;
    // a config that came through JSON (a stored point) lost its estimates' uses: compare it with the base file's
    const cfg: RunConfig = given[ESTIMATE_USES] !== undefined || base === undefined ? given
      : { ...given, [ESTIMATE_USES]: given.estimates.map((e) => estimateUse(e.param, given, base)) };
    const engine = new Engine();
    const built = cfg.soc.memories.map((m) => [m.id, defaultDeviceFactory(m.device, engine, `soc.memory.${m.id}`, 0, m.noise)] as const);
    // a run-file estimate the point's overrides changed (its value or a key of its block) is the sweep's value, not the estimate
    const n = cfg.estimates.length;
    return runEstimates(cfg, built)
      .filter((e, i) => i >= n || (e.overridden !== true && estimateApplies(e.param, String(e.value), cfg)))
      .map((e): SweepEstimate => ({ param: e.param, value: String(e.value), source: e.derivation }));
  },
};
