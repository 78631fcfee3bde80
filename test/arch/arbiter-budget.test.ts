/**
 * Arbiters (round-robin, fixed priority, weighted) alone and inside a contended port, and the QMC
 * Eq. 4 power check with the design-space helper.
 */
import { describe, expect, it } from 'vitest';
import { createArbiter } from '../../src/arch/arbiter.js';
import { checkBudget, pickUnderBudget, readPowerW } from '../../src/arch/power-budget.js';
import { Engine } from '../../src/engine/engine.js';
import { Soc } from '../../src/arch/soc.js';
import { idealFactory, idealSoc } from './helpers.js';

const all = (): boolean => true;

describe('arbiters', () => {
  it('round-robin rotates over eligible contenders', () => {
    const a = createArbiter('round-robin', [0, 0, 0], [1, 1, 1]);
    expect([0, 1, 2, 3, 4, 5].map(() => a.pick(3, all))).toEqual([0, 1, 2, 0, 1, 2]);
    expect([0, 1, 2].map(() => a.pick(3, (i) => i !== 1))).toEqual([0, 2, 0]);
    expect(a.pick(3, () => false)).toBe(-1);
  });
  it('fixed priority always serves the lowest rank first', () => {
    const a = createArbiter('fixed-priority', [2, 0, 1], [1, 1, 1]);
    expect([0, 1, 2].map(() => a.pick(3, all))).toEqual([1, 1, 1]);
    expect(a.pick(3, (i) => i !== 1)).toBe(2);
  });
  it('weighted round-robin grants in proportion to weights', () => {
    const a = createArbiter('weighted', [0, 0], [3, 1]);
    const grants = [0, 0];
    for (let k = 0; k < 400; k++) grants[a.pick(2, all)]! += 1;
    expect(grants).toEqual([300, 100]);
  });

  /** Two initiators stream 64 KiB each into one slow memory; returns when each stream finished. */
  function contend(arbiter: 'round-robin' | 'fixed-priority' | 'weighted'): number[] {
    const engine = new Engine();
    const cfg = idealSoc([{ id: 'm', channels: 1, channelBandwidth: 1e9, latencyPs: 1000, queueDepth: 2 }], { window: 16, initiators: ['a', 'b'], arbiter });
    const soc = new Soc(engine, cfg, idealFactory, 1);
    const done = [0, 0];
    ['a', 'b'].forEach((id, k) => {
      soc.stream('m', soc.initiator(id), k * (1 << 20), 65536, false, soc.ledger.tagFor(id, 'other', 'dense', 'm'), (s) => { done[k] = s.lastArrivalPs; });
    });
    engine.run();
    return done;
  }
  it('in a contended port: fixed priority finishes the high-priority stream first, round-robin shares', () => {
    const fp = contend('fixed-priority');
    expect(fp[0]).toBeLessThan(0.6 * fp[1]!);
    const rr = contend('round-robin');
    expect(Math.abs(rr[0]! / rr[1]! - 1)).toBeLessThan(0.01);
    const w = contend('weighted'); // weights 1:2 (helpers: weight = index + 1)
    expect(w[1]).toBeLessThan(w[0]!);
  });
});

describe('QMC Eq. 4 power budget', () => {
  const stream = (bw: number, e: number) => ({ bandwidth: bw, deviceEnergyPerBit: e, netEnergyPerBit: 0.09 });
  it('P = Σ BW·(E_dev + E_net)', () => {
    // 235.6 GB/s·8·1.09 pJ + 328.6 GB/s·8·1.65 pJ ≈ 2.054 + 4.337 W
    expect(readPowerW([stream(235.6e9, 1), stream(328.6e9, 1.56)])).toBeCloseTo(6.391, 2);
    expect(checkBudget([stream(235.6e9, 1)], 2).ok).toBe(false);
    expect(checkBudget([stream(235.6e9, 1)], 3).ok).toBe(true);
  });
  it('the helper picks the fastest configuration under the budget and respects it', () => {
    const space = {
      mramBytes: 285e6, reramBytes: 399e6, mramChannelBandwidth: 36.57 * 2 ** 30, reramArrayBandwidth: 1.8 * 2 ** 30,
      mramEnergyPerBit: 1, reramEnergyPerBit: 1.56, netEnergyPerBit: 0.09,
      mramChannels: [2, 4, 6, 8, 12], reramArrays: [40, 85, 170, 340],
    };
    const loose = pickUnderBudget(space, 100);
    expect(loose).toMatchObject({ mramChannels: 12, reramArrays: 340 });
    const tight = pickUnderBudget(space, 8);
    expect(tight).toBeDefined();
    expect(tight!.powerW).toBeLessThan(8);
    expect(tight!.fetchPs).toBeGreaterThan(loose!.fetchPs);
    expect(pickUnderBudget(space, 0.1)).toBeUndefined();
  });
});

import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { searchDesign } from '../../src/arch/design-search.js';

describe('design search by replay under a power budget', () => {
  it('replays each candidate, drops those over budget, keeps the fastest', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const cfg = loadRunConfig(resolve(root, 'configs/runs/qmc-hymba.yaml'), ['model=smollm2-135m', 'workload.contextLength=16']);
    const space = { mram: 'mram', reram: 'reram', mramChannels: [3, 6], reramArraysPerBank: [8, 17] };
    const loose = searchDesign(cfg, { ...space, budgetW: 100 }, { seed: 1, layerReuse: true });
    expect(loose.candidates).toHaveLength(4);
    expect(loose.best).toMatchObject({ mramChannels: 6, reramArraysPerBank: 17 });
    // Power grows with bandwidth; a budget between the smallest and largest design excludes the largest.
    const powers = loose.candidates.map((c) => c.powerW).sort((a, b) => a - b);
    const tight = searchDesign(cfg, { ...space, budgetW: (powers[2]! + powers[3]!) / 2 }, { seed: 1, layerReuse: true });
    expect(tight.best).toBeDefined();
    expect(tight.best!.powerW).toBeLessThan((powers[2]! + powers[3]!) / 2);
    expect(tight.best!.latencyPs).toBeGreaterThanOrEqual(loose.best!.latencyPs);
    expect(searchDesign(cfg, { ...space, budgetW: powers[0]! / 2 }, { seed: 1, layerReuse: true }).best).toBeUndefined();
  });
});
