/**
 * Layer reuse is allowed only where it stays within 0.5% of the full replay: SmolLM2-135M decode
 * (30 identical layers) on the QMC SoC (MRAM + MLC ReRAM + LPDDR5 KV + SRAM) and on the INT4
 * LPDDR5 baseline — latency, energy, bytes and accesses per memory.
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
  it('INT4 on LPDDR5 with a single representative would not be allowed (> 0.5%)', () => {
    const cfg = loadRunConfig(resolve(root, 'configs/runs/int4-hymba.yaml'), ['model=smollm2-135m', 'workload.contextLength=256']);
    const full = runConfig(cfg, { seed: 4 }).metrics.latencyPerTokenPs as number;
    const one = runConfig(cfg, { seed: 4, layerReuse: true, reuseWindowPs: 1 }).metrics.latencyPerTokenPs as number;
    expect(Math.abs(one / full - 1)).toBeGreaterThan(0.005);
  });
});
