/**
 * Compute overlap and the shared bus: with compute on, a layer takes max(stream time, compute
 * time) (+ merge); with compute off only traffic counts. A shared bus serialises the data of all
 * memories, so it is never faster than a crossbar of the same per-link bandwidth.
 */
import { describe, expect, it } from 'vitest';
import { runConfig } from '../../src/arch/run.js';
import { idealFactory, idealSoc, syntheticTrace, testRun } from './helpers.js';
import type { SocConfig } from '../../src/arch/soc-schema.js';

const gpuCompute = { units: 64, clock: 1.3e9, fp16OpsPerUnitCycle: 512, int8OpsPerUnitCycle: 1024, efficiency: 1 };

describe('compute overlapped with weight streaming', () => {
  const base = idealSoc([{ id: 'm', channels: 4, channelBandwidth: 12.8e9, latencyPs: 20000 }]);
  const soc = { ...base, initiators: base.initiators.map((i) => ({ ...i, compute: gpuCompute })) } as SocConfig;
  const trace = syntheticTrace(4, { dense: 64 * 4096 });
  it('compute off: traffic only; compute on: max(stream, compute) per layer', () => {
    const off = runConfig(testRun(soc, [{ region: 'm-all' }]), { seed: 1, trace, deviceFactory: idealFactory });
    expect(off.metrics.computePs).toBe(0);
    const cfgOn = { ...testRun(soc, [{ region: 'm-all' }]), compute: { enabled: true } };
    const on = runConfig(cfgOn, { seed: 1, trace, deviceFactory: idealFactory });
    // 2 FLOP per byte (synthetic GEMV) at 42.6 TFLOP/s: far below the stream time.
    const perLayerCompute = Math.ceil(((2 * 64 * 4096) / (64 * 1.3e9 * 512)) * 1e12);
    expect(on.metrics.computePs).toBe(4 * perLayerCompute);
    expect(on.metrics.latencyPerTokenPs).toBe(off.metrics.latencyPerTokenPs);
    // A compute-heavy layer (1000× the FLOPs) becomes compute-bound.
    const heavy = trace.map((r) => (r.kind === 'compute' ? { ...r, flops: r.flops * 1e4 } : r));
    const h = runConfig(cfgOn, { seed: 1, trace: heavy, deviceFactory: idealFactory });
    expect(h.metrics.latencyPerTokenPs).toBe(4 * Math.ceil(((2e4 * 64 * 4096) / (64 * 1.3e9 * 512)) * 1e12));
  });
});

describe('shared bus vs crossbar', () => {
  it('a shared bus of the same bandwidth is never faster and carries all bytes once', () => {
    const mems = [
      { id: 'a', channels: 8, channelBandwidth: 8e9, latencyPs: 3000, linkBandwidth: 32e9 },
      { id: 'b', channels: 8, channelBandwidth: 8e9, latencyPs: 3000, linkBandwidth: 32e9 },
    ];
    const trace = syntheticTrace(2, { outlier: 64 * 2000, inlier: 64 * 2000 });
    const rules = [{ part: 'outlier', region: 'a-all' }, { part: 'inlier', region: 'b-all' }];
    const xbar = runConfig(testRun(idealSoc(mems), rules), { seed: 1, trace, deviceFactory: idealFactory });
    const bus = runConfig(testRun(idealSoc(mems, { bus: 32e9 }), rules), { seed: 1, trace, deviceFactory: idealFactory });
    expect(bus.metrics.latencyPerTokenPs).toBeGreaterThan(xbar.metrics.latencyPerTokenPs as number);
    // All 512 kB cross one 32 GB/s bus: at least 16 µs.
    expect(bus.metrics.latencyPerTokenPs).toBeGreaterThanOrEqual(16e6);
    expect(bus.energy.interconnect).toHaveLength(1);
    expect(bus.energy.interconnect[0]!.bytes).toBe(2 * 2 * 64 * 2000);
  });
});
