// Mutation audit (ReRAM, program-verify): resources the single-request closed forms never contend
// for. Two arrays of one bank share its program circuitry (writes serialise); two banks of one
// channel share its bus (reads serialise on it); a program round is pulse + verify; the peak is the
// lesser of the arrays and the channel buses; a part-granule read senses ceil(bits / bitsPerCell)
// cells; sampleSum is exact for few cells and kept within [n·min, n·max] on its normal path.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { rngFor } from '../../../src/engine/rng.js';
import { Reram } from '../../../src/devices/nvm/reram.js';
import { reramSchema } from '../../../src/devices/nvm/reram-plugin.js';
import { qmcReramMode } from '../../../src/devices/presets/reram.js';
import { resolvePreset } from '../../../src/devices/presets/param-spec.js';
import { IterationSampler } from '../../../src/devices/nvm/program-verify.js';

function make(overrides: Record<string, unknown>) {
  const e = new Engine();
  const p = resolvePreset(qmcReramMode(3), reramSchema, overrides);
  const d = new Reram(p, { engine: e, path: 'reram', seed: 1 });
  const done = new Map<number, number>();
  d.setCompletion((id, t) => done.set(id, t));
  return { e, d, p, done };
}

// Every cell needs exactly 2 rounds: write time is deterministic.
const fixedRounds = { iterationsMin: 2, iterationsMax: 2, iterationSuccessProbability: 1 };

describe('ReRAM shared resources', () => {
  it('a write = groups × rounds × (program pulse + verify read)', () => {
    const { e, d, p, done } = make({ ...fixedRounds });
    expect(p.verifyRead).toBeGreaterThan(0);
    d.offer(1, 0, 64, true, 0);
    e.run();
    const groups = Math.ceil(Math.ceil((64 * 8) / 3) / p.parallelCells);
    expect(done.get(1)).toBe(groups * 2 * (p.programPulse + p.verifyRead));
  });

  it('writes to two arrays of one bank are programmed one after the other', () => {
    // one channel, one bank, two arrays: granule 0 → array 0, granule 1 → array 1 of the same bank
    const { e, d, done } = make({ ...fixedRounds, channels: 1, banksPerChannel: 1, arraysPerBank: 2, capacity: '1 MiB' });
    d.offer(1, 0, 64, true, 0);
    d.offer(2, 64, 64, true, 0);
    e.run();
    expect(done.get(1)).toBeGreaterThan(0);
    expect(done.get(2)).toBe(2 * done.get(1)!);
  });

  it('reads of two banks of one channel share its bus', () => {
    // one channel, two banks: granule 0 → bank 0, granule 1 → bank 1; a 1 GB/s bus moves 64 B in 64 ns
    const { e, d, done } = make({ channels: 1, banksPerChannel: 2, arraysPerBank: 1, capacity: '1 MiB', channelBandwidth: '1 GB/s' });
    d.offer(1, 0, 64, false, 0);
    d.offer(2, 64, 64, false, 0);
    e.run();
    expect(done.get(1)).toBe(4650 + 64_000);
    expect(done.get(2)).toBe(4650 + 2 * 64_000);
  });

  it('peak bandwidth is capped by the channel buses when they are slower than the arrays', () => {
    const { d, p } = make({ channelBandwidth: '1 GB/s' });
    expect(p.channels * 1e9).toBeLessThan(d.arrays * p.arrayBandwidth);
    expect(d.peakBandwidth).toBe(p.channels * 1e9);
  });

  it('a 1-byte read at 3 bits per cell senses 3 cells (a partial cell still has to be read)', () => {
    const { e, d } = make({});
    d.offer(1, 0, 1, false, 0);
    e.run();
    expect(d.counts().actions.cellReads).toBe(3);
  });
});

describe('IterationSampler.sampleSum', () => {
  it('for up to 32 cells is the exact sum of per-cell draws', () => {
    const s = new IterationSampler({ minIterations: 2, successProbability: 0.3, maxIterations: 20 });
    for (const n of [1, 5, 32]) {
      const a = rngFor(9, `sum${n}`), b = rngFor(9, `sum${n}`);
      let exact = 0;
      for (let i = 0; i < n; i++) exact += s.sample(b);
      expect(s.sampleSum(n, a)).toBe(exact);
    }
  });

  it('on the normal path never leaves [n·min, n·max] even when the mean sits at the edge', () => {
    // mean ≈ 1.001 rounds, sd ≈ 0.2 over 40 cells: an unclamped normal draw falls below 40 about 1 in 300
    const s = new IterationSampler({ minIterations: 1, successProbability: 0.999, maxIterations: 2 });
    const rng = rngFor(2, 'edge');
    for (let i = 0; i < 5000; i++) {
      const v = s.sampleSum(40, rng);
      expect(v).toBeGreaterThanOrEqual(40);
      expect(v).toBeLessThanOrEqual(80);
    }
  });
});
