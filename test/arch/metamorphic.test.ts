/**
 * Metamorphic relations: doubling bus width, channels or arrays never increases latency; adding
 * traffic never lowers energy. Property tests over ideal devices, and the real QMC / baseline SoCs
 * (SmolLM2-135M decode, full replay: layer reuse shifts phases by a clock edge) with YAML overrides.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { runConfig } from '../../src/arch/run.js';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { idealFactory, idealSoc, syntheticTrace, testRun } from './helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = (file: string, sets: string[], layerReuse = false): Record<string, number> =>
  runConfig(loadRunConfig(resolve(root, file), ['model=smollm2-135m', 'workload.contextLength=64', ...sets]), { seed: 2, layerReuse }).metrics as Record<string, number>;

describe('metamorphic: more hardware is never slower (ideal devices)', () => {
  it('doubling channels or link bandwidth never increases latency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 64, max: 20000 }),
        fc.integer({ min: 1, max: 256 }), fc.constantFrom(1e9, 4e9, 16e9), fc.constantFrom(2e9, 8e9, 64e9),
        (ch, layers, bytes, win, chBw, linkBw) => {
          const lat = (c: number, l: number): number => {
            const soc = idealSoc([{ id: 'm', channels: c, channelBandwidth: chBw, latencyPs: 5000, queueDepth: 8, linkBandwidth: l }], { window: win });
            const cfg = testRun(soc, [{ region: 'm-all' }]);
            return runConfig(cfg, { seed: 1, trace: syntheticTrace(layers, { dense: bytes }), deviceFactory: idealFactory }).metrics.latencyPerTokenPs as number;
          };
          const base = lat(ch, linkBw);
          expect(lat(2 * ch, linkBw)).toBeLessThanOrEqual(base);
          expect(lat(ch, 2 * linkBw)).toBeLessThanOrEqual(base);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('metamorphic: real device models', () => {
  const qmc = 'configs/runs/qmc-hymba.yaml';
  const base = run(qmc, []);
  it('doubling ReRAM arrays never increases latency', () => {
    expect(run(qmc, ['soc.memories[1].device.arraysPerBank=34']).latencyPerTokenPs).toBeLessThanOrEqual(base.latencyPerTokenPs as number);
  });
  it('doubling MRAM channels never increases latency', () => {
    expect(run(qmc, ['soc.memories[0].device.channels=12']).latencyPerTokenPs).toBeLessThanOrEqual(base.latencyPerTokenPs as number);
  });
  it('doubling the ReRAM bus width never increases latency', () => {
    expect(run(qmc, ["soc.memories[1].link.width=128 B"]).latencyPerTokenPs).toBeLessThanOrEqual(base.latencyPerTokenPs as number);
  });
  it('doubling LPDDR5 channels never increases latency (INT4 baseline)', () => {
    const int4 = 'configs/runs/int4-hymba.yaml';
    // Layer reuse keeps this one fast; the 2× effect dwarfs reuse's clock-phase error (≤ 0.5%).
    const eight = run(int4, ['soc.memories[0].device.channels=8', 'soc.memories[0].link.width=128 bit', 'soc.regions[1].size=8 GiB'], true);
    const sixteen = run(int4, [], true);
    expect(sixteen.latencyPerTokenPs).toBeLessThanOrEqual(eight.latencyPerTokenPs as number);
    expect(sixteen.latencyPerTokenPs).toBeLessThan(0.7 * (eight.latencyPerTokenPs as number));
  });
  it('adding traffic never lowers energy: longer context (KV) and metadata reads', () => {
    const more = run(qmc, ['workload.contextLength=1024']);
    expect(more.kvBytes).toBeGreaterThan(base.kvBytes as number);
    expect(more.energyPerTokenPj).toBeGreaterThanOrEqual(base.energyPerTokenPj as number);
    const honest = run(qmc, ['workload.metadata=honest', 'soc.memories[0].device.capacity=512 MiB']);
    expect(honest.weightBytes).toBeGreaterThan(base.weightBytes as number);
    expect(honest.energyPerTokenPj).toBeGreaterThanOrEqual(base.energyPerTokenPj as number);
  });
});
