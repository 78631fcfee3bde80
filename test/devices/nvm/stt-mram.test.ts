import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { SttMram, type SttMramParams } from '../../../src/devices/nvm/stt-mram.js';
import { sttMramSchema } from '../../../src/devices/nvm/stt-mram-plugin.js';
import { qmcMram, nvmexplorerMramPessimistic } from '../../../src/devices/presets/mram.js';
import { resolvePreset } from '../../../src/devices/presets/param-spec.js';

function make(overrides: Record<string, unknown> = {}, preset = qmcMram): { e: Engine; d: SttMram; p: SttMramParams; done: Map<number, number> } {
  const e = new Engine();
  const p = resolvePreset(preset, sttMramSchema, overrides);
  const d = new SttMram(p, { engine: e, path: 'mram' });
  const done = new Map<number, number>();
  d.setCompletion((id, t) => done.set(id, t));
  return { e, d, p, done };
}

describe('STT-MRAM timing closed forms', () => {
  it('unloaded 64 B read = 3.5 ns + ceil(64 B / 36.57 GiB/s) exactly', () => {
    const { e, d, done } = make();
    expect(d.offer(1, 0, 64, false, 0)).toBe(true);
    e.run();
    const xfer = Math.ceil((64 / (36.57 * 2 ** 30)) * 1e12);
    expect(done.get(1)).toBe(3500 + xfer);
  });

  it('unloaded write = transfer then the write pulse (asymmetric)', () => {
    const { e, d, p, done } = make({}, nvmexplorerMramPessimistic);
    d.offer(7, 128, 64, true, 0);
    e.run();
    const xfer = Math.ceil((64 / p.channelBandwidth) * 1e12);
    expect(done.get(7)).toBe(xfer + 200595);
    expect(done.get(7)! > 885 + xfer).toBe(true);
  });

  it('streaming reads reach channels × per-channel bandwidth within 1%', () => {
    for (const channels of [1, 3, 6]) {
      const { e, d, p, done } = make({ channels, queueDepth: 64 });
      const n = 20000;
      let next = 0;
      const pump = (): void => {
        while (next < n && d.offer(next, next * 64, 64, false, 0)) next++;
      };
      d.setRetry(pump);
      pump();
      e.run();
      expect(done.size).toBe(n);
      let last = 0;
      for (const t of done.values()) last = Math.max(last, t);
      const bw = (n * 64) / (last / 1e12);
      const peak = channels * p.channelBandwidth;
      expect(Math.abs(bw - peak) / peak).toBeLessThan(0.01);
    }
  });

  it('back-pressure: refuses beyond queueDepth per channel and calls retry once space frees', () => {
    const { e, d } = make({ channels: 1, queueDepth: 2 });
    let retries = 0;
    d.setRetry(() => retries++);
    expect(d.offer(1, 0, 64, false, 0)).toBe(true);
    expect(d.offer(2, 64, 64, false, 0)).toBe(true);
    expect(d.offer(3, 128, 64, false, 0)).toBe(false);
    e.run();
    expect(retries).toBe(1);
    expect(d.offer(3, 128, 64, false, 0)).toBe(true);
  });

  it('counts bits and bytes', () => {
    const { e, d } = make();
    d.offer(1, 0, 128, false, 0);
    d.offer(2, 4096, 64, true, 0);
    e.run();
    const c = d.counts();
    expect(c.actions).toEqual({ read: 1, write: 1, readBits: 1024, writeBits: 512 });
    expect(c.bytesRead).toBe(128);
    expect(c.bytesWritten).toBe(64);
    expect(c.elapsedPs).toBe(e.now);
  });
});
