import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { Reram, type ReramParams } from '../../../src/devices/nvm/reram.js';
import { reramSchema } from '../../../src/devices/nvm/reram-plugin.js';
import { qmcReramMode, nvmexplorerReramOptimistic } from '../../../src/devices/presets/reram.js';
import { resolvePreset, type DevicePreset } from '../../../src/devices/presets/param-spec.js';
import { senseSteps } from '../../../src/devices/nvm/sensing.js';

function make(preset: DevicePreset<ReramParams>, overrides: Record<string, unknown> = {}, seed = 1) {
  const e = new Engine();
  const p = resolvePreset(preset, reramSchema, overrides);
  const d = new Reram(p, { engine: e, path: 'reram', seed });
  const done = new Map<number, number>();
  d.setCompletion((id, t) => done.set(id, t));
  return { e, d, p, done };
}

function stream(d: Reram, e: Engine, n: number, size: number, isWrite: boolean): number {
  let next = 0, last = 0;
  d.setCompletion((_id, t) => { last = Math.max(last, t); });
  const pump = (): void => { while (next < n && d.offer(next, next * size, size, isWrite, 0)) next++; };
  d.setRetry(pump);
  pump();
  e.run();
  return last;
}

describe('ReRAM timing closed forms', () => {
  it('3-bit unloaded 64 B read = sense (1.5 + 7 × 0.45 ns) + 64 B / 1.8 GiB/s exactly', () => {
    const { e, d, done } = make(qmcReramMode(3));
    d.offer(1, 0, 64, false, 0);
    e.run();
    expect(d.senseLatency).toBe(4650);
    expect(d.senseLatency).toBeLessThan(5000); // QMC Table 1: < 5 ns
    expect(done.get(1)).toBe(4650 + Math.ceil((64 / (1.8 * 2 ** 30)) * 1e12));
  });

  it('sense latency grows with levels (sequential references)', () => {
    const lat = [1, 2, 3].map((b) => make(qmcReramMode(b as 1 | 2 | 3)).d.senseLatency);
    expect(lat[0]!).toBeLessThan(lat[1]!);
    expect(lat[1]!).toBeLessThan(lat[2]!);
    expect(senseSteps(3, 'binary')).toBe(3);
    expect(senseSteps(3, 'parallel')).toBe(1);
    expect(senseSteps(2, 'sequential')).toBe(3);
  });

  it('aggregate streaming read bandwidth = arrays × 1.8 GiB/s within 1%', () => {
    const { e, d, p } = make(qmcReramMode(3));
    expect(d.arrays).toBe(170);
    const n = 170 * 200;
    const last = stream(d, e, n, 64, false);
    const bw = (n * 64) / (last / 1e12);
    const peak = d.arrays * p.arrayBandwidth;
    expect(Math.abs(bw - peak) / peak).toBeLessThan(0.01);
  });

  it('a request spanning several granules is spread over arrays (parallel, not serial)', () => {
    const { e, d, done } = make(qmcReramMode(3));
    d.offer(1, 0, 640, false, 0);
    e.run();
    expect(done.get(1)).toBe(4650 + Math.ceil((64 / (1.8 * 2 ** 30)) * 1e12));
  });

  it('SLC tentpole write = ceil(512 cells / 64) groups × one 5.51 ns pulse', () => {
    const { e, d, done } = make(nvmexplorerReramOptimistic);
    d.offer(1, 0, 64, true, 0);
    e.run();
    expect(done.get(1)).toBe(8 * 5510);
    expect(d.counts().actions.programPulses).toBe(512);
  });

  it('MLC write takes at least minIterations rounds per group and counts pulses = verifies', () => {
    const { e, d, p, done } = make(qmcReramMode(3));
    d.offer(1, 0, 64, true, 0);
    e.run();
    const groups = Math.ceil(Math.ceil(512 / 3) / 64);
    const round = p.programPulse + p.verifyRead;
    expect(done.get(1)! >= groups * p.iterationsMin * round).toBe(true);
    expect(done.get(1)! <= groups * p.iterationsMax * round).toBe(true);
    const a = d.counts().actions;
    expect(a.programPulses).toBe(a.verifyReads);
    expect(a.programGroups).toBe(groups);
  });

  it('same seed → same write timing; another seed → (almost surely) different', () => {
    const run = (seed: number) => {
      const { e, d, done } = make(qmcReramMode(3), {}, seed);
      for (let i = 0; i < 50; i++) d.offer(i, i * 64 * 170, 64, true, 0);
      e.run();
      return [...done.values()].join(',') + '|' + d.counts().actions.programPulses;
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });

  it('area follows capacity / density', () => {
    const { d } = make(qmcReramMode(3));
    expect(d.areaMm2).toBeCloseTo((384 * 2 ** 20 * 8) / (30.1 * 2 ** 20), 6); // Table 1 density read as binary megabits
  });

  it('binary and parallel sensing shorten the 3-bit read as the model says', () => {
    expect(make(qmcReramMode(3), { sensing: 'binary' }).d.senseLatency).toBe(1500 + 3 * 450);
    expect(make(qmcReramMode(3), { sensing: 'parallel' }).d.senseLatency).toBe(1500 + 450);
  });

  it('device-level pulses per cell match the iteration distribution mean (2000 writes)', () => {
    const { e, d, p } = make(qmcReramMode(3), { queueDepth: 4096 });
    const n = 2000;
    for (let i = 0; i < n; i++) d.offer(i, i * 64, 64, true, 0);
    e.run();
    const cells = n * Math.ceil(512 / 3);
    const perCell = d.counts().actions.programPulses! / cells;
    expect(Math.abs(perCell - d.meanIterations)).toBeLessThan(0.02);
    expect(d.meanIterations).toBeCloseTo(p.iterationsMin + (1 - p.iterationSuccessProbability) / p.iterationSuccessProbability, 1);
  });
});
