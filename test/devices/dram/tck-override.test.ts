// A tCK override alone (a faster LPDDR5X-class clock) left RL, WL, tBL, tCCD at their 6400 Mb/s
// clock counts, so the data rate and peak bandwidth stayed those of LPDDR5-6400 with no word. It is
// refused, naming timing.tCK and the missing keys; with them set, the peak follows the new burst time.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/index.js';
import { createLpddr5 } from '../../../src/devices/dram/index.js';
import { parseLpddr5Params } from '../../../src/devices/dram/lpddr5-schema.js';
import { paramOf } from '../../../src/devices/param-error.js';

const build = (timing: Record<string, string>) => createLpddr5(new Engine(), parseLpddr5Params({ preset: 'orin-agx', timing }), 'dram');
const INTERFACE = { RL: '17 ns', WL: '9 ns', tBL: '2 ns', tCCD_S: '2 ns', tCCD_L: '4 ns' };

describe('a tCK override', () => {
  it('alone is refused at timing.tCK, listing the clock-counted timings still at 6400 Mb/s', () => {
    expect(() => build({ tCK: '1 ns' })).toThrow(/tCK override \(1 ns\) also needs RL, WL, tBL, tCCD_S, tCCD_L: .*tBL 2\.5 ns/);
    expect(() => build({ tCK: '1 ns', tBL: '2 ns' })).toThrow(/also needs RL, WL, tCCD_S, tCCD_L: /);
    let err: unknown;
    try { build({ tCK: '1 ns' }); } catch (e) { err = e; }
    expect(paramOf(err)).toBe('timing.tCK');
  });
  it('with the interface timings set, the device runs at the new clock and its peak follows tBL', () => {
    const d = build({ tCK: '1 ns', ...INTERFACE });
    expect(d.cfg.timings.tCK).toBe(1000);
    expect(d.peakBandwidth).toBeCloseTo((16 * 32) / 2e-9, -3); // 16 channels × 32-B burst / 2 ns = 256 GB/s
    expect(build({}).peakBandwidth).toBeCloseTo(204.8e9, -3);
  });
  it('sets the data rate: 16B bank mode (≤ 3200 Mb/s) is accepted at tCK 2.5 ns and refused at 2 ns (4000 MT/s)', () => {
    const slow = { RL: '25 ns', WL: '12.5 ns', tBL: '5 ns', tCCD_S: '5 ns', tCCD_L: '10 ns' };
    const at = (tCK: string) => createLpddr5(new Engine(), parseLpddr5Params({ preset: 'orin-agx', bankMode: '16B', timing: { tCK, ...slow } }), 'dram');
    const d = at('2.5 ns');
    expect(d.cfg.org.dataRateMTps).toBe(3200);
    expect(d.peakBandwidth).toBeCloseTo(16 * 2 * 3200e6, -3); // 16 × x16 at 3200 MT/s = 102.4 GB/s
    expect(() => at('2 ns')).toThrow(/bank mode 16B is only specified up to 3200 Mb\/s .* data rate is 4000 MT\/s/);
    expect(() => createLpddr5(new Engine(), parseLpddr5Params({ preset: 'orin-agx', bankMode: '16B' }), 'dram')).toThrow(/data rate is 6400 MT\/s/);
  });
  it('timing overrides without tCK need nothing more', () => {
    expect(() => build({ tBL: '5 ns' })).not.toThrow();
  });
});
