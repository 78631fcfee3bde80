import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { Sram } from '../../../src/devices/sram/sram.js';
import { sramSchema } from '../../../src/devices/sram/sram-plugin.js';
import { nvmexplorerSram2mb } from '../../../src/devices/presets/sram.js';
import { resolvePreset } from '../../../src/devices/presets/param-spec.js';

function make(overrides: Record<string, unknown> = {}) {
  const e = new Engine();
  const p = resolvePreset(nvmexplorerSram2mb, sramSchema, overrides);
  const d = new Sram(p, { engine: e, path: 'sram' });
  const done = new Map<number, number>();
  d.setCompletion((id, t) => done.set(id, t));
  return { e, d, p, done };
}

describe('SRAM macro', () => {
  it('unloaded read: latency cycles to the first beat; words in different banks arrive together', () => {
    const { e, d, done } = make();
    d.offer(1, 0, 8, false, 0);
    d.offer(2, 8 * 8 * 3 + 8 * 1, 32, false, 0); // words in banks 1..4: one beat each, in parallel
    d.offer(3, 8 * 8 * 100 + 4, 16, false, 0); // unaligned: spills into a third word (banks 0, 1, 2)
    e.run();
    expect(done.get(1)).toBe(4 * 1000);
    expect(done.get(2)).toBe(4 * 1000);
    // Banks 0 and 1 are still busy with requests 1 and 2 until cycle 1.
    expect(done.get(3)).toBe((1 + 4) * 1000);
  });

  it('word interleaving: a 64 B line uses every bank once; 128 B streams two beats per bank', () => {
    const { e, d, done } = make();
    d.offer(1, 0, 64, false, 0);
    d.offer(2, 4096, 128, false, 0);
    e.run();
    expect(done.get(1)).toBe(4 * 1000);
    expect(done.get(2)).toBe((1 + 4 + 1) * 1000); // after request 1's beat in each bank, 4 + 1 cycles
  });

  it('sequential 64 B reads (cache lines) reach the peak within 1% (not one bank\'s eighth)', () => {
    const { e, d } = make();
    let next = 0, last = 0;
    const n = 20000;
    d.setCompletion((_i, t) => { last = Math.max(last, t); });
    const pump = (): void => { while (next < n && d.offer(next, next * 64, 64, false, 0)) next++; };
    d.setRetry(pump);
    pump();
    e.run();
    const bw = (n * 64) / (last / 1e12);
    expect(Math.abs(bw - d.peakBandwidth) / d.peakBandwidth).toBeLessThan(0.01);
  });

  it('ports serialise accesses to one bank; other banks are independent', () => {
    const { e, d, done } = make();
    d.offer(1, 0, 8, false, 0);
    d.offer(2, 64, 8, false, 0); // same bank 0 (8 banks × 8 B)
    d.offer(3, 8, 8, false, 0); // bank 1
    e.run();
    expect(done.get(1)).toBe(4000);
    expect(done.get(2)).toBe(5000);
    expect(done.get(3)).toBe(4000);
  });

  it('two ports per bank serve two requests at once', () => {
    const { e, d, done } = make({ portsPerBank: 2 });
    d.offer(1, 0, 8, false, 0);
    d.offer(2, 64, 8, false, 0);
    e.run();
    expect(done.get(2)).toBe(4000);
  });

  it('peak bandwidth = banks × ports × width × clock, and streaming reaches it within 1%', () => {
    const { e, d } = make();
    expect(d.peakBandwidth).toBe(8 * 1 * 8 * 1e9);
    let next = 0, last = 0;
    const n = 40000;
    d.setCompletion((_i, t) => { last = Math.max(last, t); });
    const pump = (): void => { while (next < n && d.offer(next, next * 8, 8, false, 0)) next++; };
    d.setRetry(pump);
    pump();
    e.run();
    const bw = (n * 8) / (last / 1e12);
    expect(Math.abs(bw - d.peakBandwidth) / d.peakBandwidth).toBeLessThan(0.01);
  });

  it('counts beats for per-access energy', () => {
    const { e, d } = make();
    d.offer(1, 0, 64, false, 0);
    d.offer(2, 64, 16, true, 0);
    e.run();
    expect(d.counts().actions).toMatchObject({ read: 1, write: 1, readBeats: 8, writeBeats: 2 });
  });
});
