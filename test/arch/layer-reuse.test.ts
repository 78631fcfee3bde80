/**
 * Layer reuse is allowed only where it stays within 0.5% of the full replay: SmolLM2-135M decode
 * (30 identical layers) on the QMC SoC (MRAM + MLC ReRAM + LPDDR5 KV + SRAM) and on the INT4
 * LPDDR5 baseline — latency, energy, bytes and accesses per memory. The first instance of a layer
 * (a warm-up: it follows the embedding) is simulated but not averaged. All metrics: layer-reuse-metrics.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { runConfig } from '../../src/arch/run.js';
import { loadRunConfig } from '../../src/arch/run-config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function compare(file: string, reuseWindowPs?: number): void {
  const cfg = loadRunConfig(resolve(root, file), ['model=smollm2-135m', 'workload.contextLength=256']);
  const full = runConfig(cfg, { seed: 4, layerReuse: false });
  const reused = runConfig(cfg, { seed: 4, layerReuse: true, ...(reuseWindowPs !== undefined ? { reuseWindowPs } : {}) });
  expect(reused.layerReuse.reusedSteps).toBeGreaterThanOrEqual(15);
  expect(full.layerReuse.reusedSteps).toBe(0);
  const rel = (k: string): number => Math.abs((reused.metrics[k] as number) / (full.metrics[k] as number) - 1);
  expect(rel('latencyPerTokenPs')).toBeLessThan(0.005);
  expect(rel('energyPerTokenPj')).toBeLessThan(0.005);
  expect(rel('energyDevicePj')).toBeLessThan(0.005);
  for (const m of full.memories) {
    expect(reused.metrics[`bytesByMemory.${m.id}`]).toBe(full.metrics[`bytesByMemory.${m.id}`]);
    expect(reused.metrics[`accessesByMemory.${m.id}`]).toBe(full.metrics[`accessesByMemory.${m.id}`]);
    if ((full.metrics[`busyPsByMemory.${m.id}`] as number) > 0) expect(rel(`busyPsByMemory.${m.id}`)).toBeLessThan(0.005);
  }
}

describe('layer reuse within 0.5% of the full replay (SmolLM2-135M)', () => {
  it('QMC SoC (reuse after 10 µs of simulated instances)', () => compare('configs/runs/qmc-hymba.yaml', 10_000_000));
  it('INT4 on LPDDR5 (default 100 µs window: refresh phases averaged)', () => compare('configs/runs/int4-hymba.yaml'));
  it('INT4 on LPDDR5: one representative, the instance after the warm-up one, is within 0.5%; the 100 µs window is closer still', () => {
    const cfg = loadRunConfig(resolve(root, 'configs/runs/int4-hymba.yaml'), ['model=smollm2-135m', 'workload.contextLength=256']);
    const full = runConfig(cfg, { seed: 4 }).metrics.latencyPerTokenPs as number;
    const one = runConfig(cfg, { seed: 4, layerReuse: true, reuseWindowPs: 1 }).metrics.latencyPerTokenPs as number;
    const windowed = runConfig(cfg, { seed: 4, layerReuse: true }).metrics.latencyPerTokenPs as number;
    // the warm-up instance (first of its kind, after the embedding) as the representative was > 0.5% off
    expect(Math.abs(one / full - 1)).toBeLessThan(0.005);
    // refresh phases averaged over 100 µs of instances
    expect(Math.abs(windowed / full - 1)).toBeLessThan(Math.abs(one / full - 1));
  });
});
