// Mutation audit (STT-MRAM, device core): what the unloaded closed forms leave open. Writes to one
// bank wait for its write pulse; granules go round the channels first, then the banks of a channel;
// busy time is transfer time; per-tag error statistics count accesses with errors (not accesses)
// and keep tags at the edge of their table; a negative address folds into the capacity.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { SttMram } from '../../../src/devices/nvm/stt-mram.js';
import { sttMramSchema } from '../../../src/devices/nvm/stt-mram-plugin.js';
import { qmcMram, nvmexplorerMramPessimistic } from '../../../src/devices/presets/mram.js';
import { resolvePreset } from '../../../src/devices/presets/param-spec.js';
import { bitFlipAccessNoise } from '../../../src/devices/noise/access-noise.js';

function make(overrides: Record<string, unknown>, preset = qmcMram, noise?: ReturnType<typeof bitFlipAccessNoise>) {
  const e = new Engine();
  const p = resolvePreset(preset, sttMramSchema, overrides);
  const d = new SttMram(p, noise === undefined ? { engine: e, path: 'mram' } : { engine: e, path: 'mram', noise, seed: 5 });
  const done = new Map<number, number>();
  d.setCompletion((id, t) => done.set(id, t));
  return { e, d, p, done };
}

const xferOf = (bytes: number, bw: number): number => Math.ceil((bytes / bw) * 1e12 - 1e-9);

describe('STT-MRAM banks', () => {
  it('a second write to the same bank waits for the first write pulse', () => {
    // one channel, two banks: granules 0 and 2 are in bank 0
    const { e, d, p, done } = make({ channels: 1, banksPerChannel: 2 }, nvmexplorerMramPessimistic);
    const g = p.granule, xfer = xferOf(g, p.channelBandwidth);
    expect(p.writeLatency).toBeGreaterThan(xfer);
    d.offer(1, 0, g, true, 0);
    d.offer(2, 2 * g, g, true, 0);
    e.run();
    expect(done.get(1)).toBe(xfer + p.writeLatency);
    expect(done.get(2)).toBe(xfer + 2 * p.writeLatency);
  });

  it('granules interleave over channels first: granule C lies in the next bank of channel 0', () => {
    // two channels, two banks: granule 0 → (ch 0, bank 0), granule 2 → (ch 0, bank 1); reads sense in
    // parallel and then share channel 0
    const { e, d, p, done } = make({ channels: 2, banksPerChannel: 2 });
    const g = p.granule, xfer = xferOf(g, p.channelBandwidth);
    expect(p.readLatency).toBeGreaterThan(xfer);
    d.offer(1, 0, g, false, 0);
    d.offer(2, 2 * g, g, false, 0);
    e.run();
    expect(done.get(1)).toBe(p.readLatency + xfer);
    expect(done.get(2)).toBe(p.readLatency + 2 * xfer);
  });

  it('busy time is the channel transfer time, not a byte count', () => {
    const { e, d, p } = make({});
    d.offer(1, 0, 64, false, 0);
    e.run();
    expect(d.counts().busyPs).toBe(xferOf(64, p.channelBandwidth));
  });

  it('a negative address folds into the capacity like any address past it', () => {
    const a = make({}), b = make({});
    a.d.offer(1, -64, 64, false, 0);
    b.d.offer(1, a.p.capacity - 64, 64, false, 0);
    a.e.run();
    b.e.run();
    expect(a.done.get(1)).toBe(b.done.get(1));
    expect(Number.isFinite(a.done.get(1))).toBe(true);
  });
});

describe('device-core error statistics', () => {
  it('counts accesses with errors, not every access, and keeps tags at the table edges (8, 16)', () => {
    const { e, d } = make({}, qmcMram, bitFlipAccessNoise(1e-4));
    let next = 0;
    const pump = (): void => { while (next < 2000 && d.offer(next, (next % 64) * 64, 64, false, next % 2 === 0 ? 8 : 16)) next++; };
    d.setRetry(pump);
    pump();
    e.run();
    expect(next).toBe(2000);
    const s = d.errorStats().byTag;
    expect(s.map((x) => x.tag)).toEqual([8, 16]);
    for (const t of s) {
      expect(t.accesses).toBe(1000);
      expect(t.bitsRead).toBe(1000 * 512);
      // P(an access of 512 bits has an error) ≈ 5 %: far from every access
      expect(t.accessesWithErrors).toBeGreaterThan(0);
      expect(t.accessesWithErrors).toBeLessThan(200);
      expect(t.accessesWithErrors).toBeLessThanOrEqual(t.bitErrors);
    }
  });
});
