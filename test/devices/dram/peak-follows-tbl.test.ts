// Regression: the LPDDR5 peak bandwidth came from the preset data rate only, so a timing.tBL
// override (shorter bursts on the DQ bus) let a sequential read stream report 174 % of peak
// (22.3 GB/s achieved, 12.8 GB/s peak). The peak is now one burst per tBL on every channel.
import { describe, expect, it } from 'vitest';
import { runOps, type Op } from './helpers.js';
import { createLpddr5 } from '../../../src/devices/dram/index.js';
import { Engine } from '../../../src/engine/index.js';
import { StatScope } from '../../../src/engine/stats.js';

const stream = (n: number): Op[] => Array.from({ length: n }, (_, i) => ({ at: 0, addr: i * 64, size: 64, write: false }));
const peakOf = (params: Parameters<typeof createLpddr5>[1]): number =>
  createLpddr5(new Engine(), params, 'dram', StatScope.root().child('dram')).peakBandwidth;

describe('LPDDR5 peak bandwidth follows the burst time', () => {
  it('preset values are unchanged: 12.8 GB/s per x16 channel (BG BL16 and 8B BL32), 204.8 GB/s Orin', () => {
    expect(peakOf({ preset: 'LPDDR5_6400' })).toBe(12.8e9);
    expect(peakOf({ preset: 'LPDDR5_6400', bankMode: '8B' })).toBe(12.8e9);
    expect(peakOf({ preset: 'orin-agx' })).toBe(204.8e9);
  });

  it('a halved tBL doubles the peak, and a read stream stays below it', () => {
    const params = { preset: 'LPDDR5_6400' as const, timing: { tBL: 1250, tCCD_S: 1250, tCCD_L: 1250 } };
    const r = runOps(params, stream(2000));
    expect(r.device.peakBandwidth).toBe(25.6e9);
    const last = Math.max(...r.done.values());
    const achieved = (2000 * 64 * 1e12) / last;
    expect(achieved).toBeGreaterThan(12.8e9); // the override really is faster than the preset peak
    expect(achieved).toBeLessThanOrEqual(r.device.peakBandwidth);
    expect(r.checker.violations).toEqual([]);
  });
});
