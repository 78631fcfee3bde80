// Regression (audit 2026-11-28): with a modelled ReRAM channel bus (channelBandwidth > 0) a read's bus
// transfer was taken to start when the bus was free, even before the array had sensed the first byte,
// so on a bus slower than an array an idle-channel read ignored the sense latency (64 B over 1 GB/s:
// 64.0 ns instead of 4.65 + 64 ns) and a read after an idle gap ignored the bus entirely (37.8 ns).
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { Reram } from '../../../src/devices/nvm/reram.js';
import { reramSchema } from '../../../src/devices/nvm/reram-plugin.js';
import { qmcReramMode } from '../../../src/devices/presets/reram.js';
import { resolvePreset } from '../../../src/devices/presets/param-spec.js';

function make(channelBandwidth: string) {
  const e = new Engine();
  const p = resolvePreset(qmcReramMode(3), reramSchema, { channelBandwidth });
  const d = new Reram(p, { engine: e, path: 'reram', seed: 1 });
  const done = new Map<number, number>();
  d.setCompletion((id, t) => done.set(id, t));
  return { e, d, p, done };
}

describe('ReRAM read over a modelled channel bus', () => {
  it('a bus slower than the array: unloaded 64 B read = sense latency + 64 B / bus bandwidth', () => {
    const { e, d, done } = make('1 GB/s');
    d.offer(1, 0, 64, false, 0);
    e.run();
    expect(done.get(1)).toBe(4650 + 64_000);
  });

  it('a read after an idle gap pays the bus transfer from its own sensing, not from the old bus-free time', () => {
    const { e, d, done } = make('1 GB/s');
    d.offer(1, 0, 64, false, 0);
    e.schedule(1_000_000, () => { d.offer(2, 64 * 170, 64, false, 0); });
    e.run();
    expect(done.get(2)).toBe(1_000_000 + 4650 + 64_000);
  });

  it('a bus faster than the array leaves the array-bound latency unchanged', () => {
    const { e, d, p, done } = make('10 GB/s');
    d.offer(1, 0, 64, false, 0);
    e.run();
    expect(done.get(1)).toBe(4650 + Math.ceil((64 / p.arrayBandwidth) * 1e12));
  });
});
