/**
 * Conservation: in every run, bytes requested equal bytes delivered per tensor part and per memory,
 * and the port's delivered bytes equal the device's own read + write counts. Random synthetic
 * traces over ideal devices (fast-check), and a real-device QMC run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { runConfig, type RunReport } from '../../src/arch/run.js';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { idealFactory, idealSoc, syntheticTrace, testRun } from './helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function checkConservation(r: RunReport): void {
  for (const t of r.tensors) {
    expect(t.deliveredBytes, `${t.tensor}#${t.part} on ${t.memory}`).toBe(t.requestedBytes);
  }
  let perTensor = 0;
  for (const t of r.tensors) perTensor += t.deliveredBytes;
  let perMemory = 0;
  for (const m of r.memories) {
    expect(r.metrics[`bytesByMemory.${m.id}`], m.id).toBe(m.bytesRead + m.bytesWritten);
    perMemory += m.bytesRead + m.bytesWritten;
  }
  expect(perMemory).toBe(perTensor);
  expect(r.metrics.totalBytes).toBe(perMemory);
}

describe('conservation', () => {
  it('holds for random traces, channel counts, windows and arbiters (ideal devices)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('round-robin' as const, 'fixed-priority' as const, 'weighted' as const), fc.boolean(),
        (layers, outB, inB, kvB, ch, win, arbiter, reuse) => {
          const soc = idealSoc([
            { id: 'a', channels: ch, channelBandwidth: 8e9, latencyPs: 3000, queueDepth: 4 },
            { id: 'b', channels: 2, channelBandwidth: 3e9, latencyPs: 9000, queueDepth: 2 },
          ], { window: win, initiators: ['gpu', 'mwc'], arbiter });
          const cfg = { ...testRun(soc, [{ part: 'outlier', region: 'a-all' }, { part: 'inlier', region: 'b-all' }, { kind: 'kv', region: 'a-all' }]), traffic: { weights: 'mwc', kv: 'gpu', activations: 'gpu', compute: 'gpu' } };
          const r = runConfig(cfg, { seed: 3, trace: syntheticTrace(layers, { outlier: outB, inlier: inB }, kvB), deviceFactory: idealFactory, layerReuse: reuse });
          checkConservation(r);
          expect(r.metrics.weightBytes).toBe(layers * (outB + inB));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('holds for the QMC SoC with real MRAM, ReRAM, LPDDR5 and SRAM models', () => {
    const cfg = loadRunConfig(resolve(root, 'configs/runs/qmc-hymba.yaml'), ['model=smollm2-135m']);
    const r = runConfig(cfg, { seed: 5, layerReuse: true });
    checkConservation(r);
    for (const id of ['mram', 'reram', 'lpddr5', 'sram']) expect(r.metrics[`bytesByMemory.${id}`]).toBeGreaterThan(0);
  });
});

describe('regressions', () => {
  it('bytes are conserved when a shared window of 5 serves two ports with refusing devices (the window bound itself: port-window-peak.test.ts)', () => {
    const soc = idealSoc([
      { id: 'a', channels: 1, channelBandwidth: 8e9, latencyPs: 3000, queueDepth: 4 },
      { id: 'b', channels: 2, channelBandwidth: 3e9, latencyPs: 9000, queueDepth: 2 },
    ], { window: 5, initiators: ['gpu', 'mwc'] });
    const cfg = { ...testRun(soc, [{ part: 'outlier', region: 'a-all' }, { part: 'inlier', region: 'b-all' }, { kind: 'kv', region: 'a-all' }]), traffic: { weights: 'mwc', kv: 'gpu', activations: 'gpu', compute: 'gpu' } };
    const r = runConfig(cfg, { seed: 3, trace: syntheticTrace(1, { outlier: 385, inlier: 193 }, 129), deviceFactory: idealFactory });
    checkConservation(r);
  });
});
