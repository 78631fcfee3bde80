/**
 * Layer reuse against the full replay over every metric, SmolLM2-135M on the fp16 LPDDR5 baseline
 * and the QMC SoC: exact for counts of bytes, accesses and storage; ≤ 0.5 % for what reuse
 * extrapolates; the phase-sensitive ones (queueing delay, link wait, stall) within the bound of the
 * estimate the report gives for them. Times are integer ps and utilisation lies in [0, 1].
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { runConfig, type RunReport } from '../../src/arch/run.js';
import { loadRunConfig } from '../../src/arch/run-config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Exactly equal with and without reuse (counts and storage). */
const EXACT = /^(bytes|bytesRead|bytesWritten|accesses|cells|weightCells|storedBits|areaMm2)ByMemory\.|^(totalBytes|externalBytes|weightBytes|kvBytes|weightCells|weightBitsStored|powerBudgetW)$/;
/** Describe the replay itself, not the token: not extrapolated. */
const RUN_ONLY = new Set(['engineEvents', 'simulatedPs']);
/** Times the report holds in integer ps. */
const INTEGER_PS = /^(latencyPerTokenPs|computePs|mramTimePs|reramTimePs|(busyPs|timePs|stallPs)ByMemory\..*)$/;

/** Full replay and layer-reuse run of a config, computed once per file. */
const runs = new Map<string, { full: RunReport; reused: RunReport }>();
function pair(file: string): { full: RunReport; reused: RunReport } {
  let p = runs.get(file);
  if (!p) {
    const cfg = loadRunConfig(resolve(root, file), ['model=smollm2-135m']);
    p = { full: runConfig(cfg, { seed: 1 }), reused: runConfig(cfg, { seed: 1, layerReuse: true }) };
    runs.set(file, p);
  }
  return p;
}

function checkMetrics(full: RunReport, reused: RunReport): void {
  expect(reused.layerReuse.reusedSteps).toBeGreaterThan(0);
  expect(full.layerReuse.estimates).toEqual([]);
  const est = new Map(reused.layerReuse.estimates.map((e) => [e.metric, e]));
  expect(Object.keys(reused.metrics).sort()).toEqual(Object.keys(full.metrics).sort());
  for (const [k, f] of Object.entries(full.metrics)) {
    const x = reused.metrics[k] as number;
    if (RUN_ONLY.has(k)) continue;
    if (EXACT.test(k)) {
      expect(x, k).toBe(f);
      continue;
    }
    const e = est.get(k);
    if (e !== undefined) {
      expect(e.value).toBe(x);
      expect(Math.abs(x - f), `${k}: ${x} vs ${f} (bound ±${e.boundPs})`).toBeLessThanOrEqual(e.boundPs);
      continue;
    }
    // everything else is extrapolated within layer reuse's 0.5 % (an exact 0 stays 0)
    if (f === 0) expect(x, k).toBe(0);
    else expect(Math.abs(x / f - 1), `${k}: ${x} vs ${f}`).toBeLessThanOrEqual(0.005);
  }
}

function checkIntegerTimes(r: RunReport): void {
  for (const [k, x] of Object.entries(r.metrics)) if (INTEGER_PS.test(k)) expect(Number.isInteger(x), `${k} = ${x} is integer ps`).toBe(true);
  for (const s of r.steps) expect(Number.isInteger(s.durationPs), `step ${s.layer} duration ${s.durationPs}`).toBe(true);
  expect(r.steps.reduce((a, s) => a + s.durationPs, 0)).toBe(r.metrics.latencyPerTokenPs);
}

function checkUtilisation(r: RunReport): void {
  for (const u of r.utilisation) for (const v of u.values) {
    expect(v, `${u.memory} utilisation`).toBeGreaterThanOrEqual(0);
    expect(v, `${u.memory} utilisation`).toBeLessThanOrEqual(1);
  }
}

describe('layer reuse against the full replay (SmolLM2-135M)', () => {
  for (const file of ['configs/runs/fp16-hymba.yaml', 'configs/runs/qmc-hymba.yaml']) {
    it(`${file}: utilisation in [0, 1], with and without reuse`, () => {
      const { full, reused } = pair(file);
      checkUtilisation(full);
      checkUtilisation(reused);
    });
    it(`${file}: times are integer ps with reuse, and the steps sum to the token time`, () => checkIntegerTimes(pair(file).reused));
    it(`${file}: every metric within its documented tolerance`, () => {
      const { full, reused } = pair(file);
      checkMetrics(full, reused);
    });
  }
});
