// Regression: an LPDDR5 device with bankMode, density or timing overrides (a kind: devices entry
// for replay --device FILE#ID, or an SoC memory's device block) was priced with the preset's BG,
// 16 Gb timings. In 8B mode one BL32 burst moves 64 B, so the same read stream counted half the rd
// commands at the BL16 price and cost 39 % less (2.88 uJ vs 4.72 uJ for 2000 × 64 B); an 8 Gb die
// refreshed at the 16 Gb tRFCab price. Both paths now price with the device's own timings.
import { describe, expect, it } from 'vitest';
import { catalogEntryFromSpec, findDevicePreset, type DeviceSpec } from '../../../src/devices/index.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';

const pj = (spec: DeviceSpec, action: string): number => catalogEntryFromSpec(spec).energyTables()[0]!.actions[action]!.pj;
const lp = (extra: Record<string, unknown>): DeviceSpec => ({ type: 'lpddr5', id: 'd', preset: 'LPDDR5_6400', ...extra }) as DeviceSpec;
const trace = { name: 'stream.trc', data: Buffer.from(Array.from({ length: 2000 }, (_, i) => `0 R 0x${(i * 64).toString(16)} 64 1`).join('\n') + '\n') };
const total = (spec: DeviceSpec): number => runReplay({ device: catalogEntryFromSpec(spec), trace }).result.energy[0]!.totalPj;

describe('LPDDR5 IDD energy follows the configured device', () => {
  it('kind: devices entry: a BL32 read costs twice a BL16 read; refresh follows the die density', () => {
    expect(pj(lp({ bankMode: '8B' }), 'rd')).toBeCloseTo(2 * pj(lp({}), 'rd'), 9);
    expect(pj(lp({ density: 8 * 2 ** 30 / 8 }), 'refab')).toBeCloseTo((pj(lp({}), 'refab') * 210) / 280, 9);
    expect(pj(lp({ 'timing.tBL': 5000 }), 'rd')).toBeCloseTo(2 * pj(lp({}), 'rd'), 9);
  });

  it('the same 128 kB read stream costs about the same in BG and 8B mode (within 5 %)', () => {
    const bg = total(lp({})), b8 = total(lp({ bankMode: '8B' }));
    expect(Math.abs(b8 - bg) / bg).toBeLessThan(0.05);
  });

  it('an SoC device block (catalogue entry + YAML overrides) is priced with its own timings', () => {
    const found = findDevicePreset('lpddr5-6400-x16');
    if (!found.ok) throw new Error(found.message);
    const rd = (o?: Record<string, unknown>): number => found.preset.energyTables(o)[0]!.actions.rd!.pj;
    expect(rd({ bankMode: '8B' })).toBeCloseTo(2 * rd(), 9);
    expect(rd({})).toBe(rd());
  });
});
