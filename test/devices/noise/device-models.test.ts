import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MTJ_DEFAULTS, mtjBitErrorProbability, readDisturbProbability, retentionFailureProbability, writeErrorRate,
} from '../../../src/devices/noise/mtj-switching.js';
import { SRAM_DEFAULTS, SRAM_FIT_ANCHORS, sramBitFailureProbability } from '../../../src/devices/noise/sram-lowvoltage.js';
import { DRAM_RETENTION_ANCHORS, DRAM_RETENTION_DEFAULTS, dramRetentionErrorProbability } from '../../../src/devices/noise/dram-retention.js';

const YEAR = 365.25 * 86400;

describe('STT-MRAM (MTJ switching)', () => {
  it('retention: 10 years at Δ = 60 ≈ (t/τ0)e^−Δ ≈ 2.8e-9; Δ = 25 loses data within an hour', () => {
    const p = retentionFailureProbability({ ...MTJ_DEFAULTS, timeSinceWriteSeconds: 10 * YEAR });
    expect(p / ((10 * YEAR / 1e-9) * Math.exp(-60))).toBeCloseTo(1, 6);
    expect(retentionFailureProbability({ ...MTJ_DEFAULTS, thermalStability: 25, timeSinceWriteSeconds: 3600 })).toBeGreaterThan(0.99);
  });
  it('read disturb grows with read current and pulse; I_r ≥ I_c0 always switches', () => {
    const a = readDisturbProbability({ ...MTJ_DEFAULTS, readCurrentRatio: 0.3 });
    const b = readDisturbProbability({ ...MTJ_DEFAULTS, readCurrentRatio: 0.6 });
    const c = readDisturbProbability({ ...MTJ_DEFAULTS, readCurrentRatio: 0.6, readPulseSeconds: 7e-9 });
    expect(b).toBeGreaterThan(a);
    expect(c / b).toBeCloseTo(2, 6);
    expect(readDisturbProbability({ ...MTJ_DEFAULTS, readCurrentRatio: 1.2 })).toBe(1);
  });
  it('precessional WER: (π²Δ/4)·e^{−2(i−1)t/τD} for small rates; longer pulses and more current help', () => {
    const p = { ...MTJ_DEFAULTS, writeCurrentRatio: 2, writePulseSeconds: 10e-9, precessionTimeSeconds: 1e-9 };
    expect(writeErrorRate(p) / ((Math.PI ** 2 * 60) / 4 * Math.exp(-20))).toBeCloseTo(1, 5);
    fc.assert(fc.property(fc.double({ min: 1.05, max: 4, noNaN: true }), fc.double({ min: 1e-9, max: 5e-8, noNaN: true }),
      (i, t) => writeErrorRate({ ...p, writeCurrentRatio: i, writePulseSeconds: t * 1.5 }) <= writeErrorRate({ ...p, writeCurrentRatio: i, writePulseSeconds: t })
        && writeErrorRate({ ...p, writeCurrentRatio: i * 1.2, writePulseSeconds: t }) <= writeErrorRate({ ...p, writeCurrentRatio: i, writePulseSeconds: t })));
  });
  it('higher Δ never raises the per-read error rate', () => {
    fc.assert(fc.property(fc.double({ min: 10, max: 80, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }),
      (d, ir) => mtjBitErrorProbability({ ...MTJ_DEFAULTS, thermalStability: d + 1, readCurrentRatio: ir })
        <= mtjBitErrorProbability({ ...MTJ_DEFAULTS, thermalStability: d, readCurrentRatio: ir })));
  });
  it('per-read rate combines independent mechanisms; write errors only when enabled', () => {
    const rd = readDisturbProbability(MTJ_DEFAULTS);
    const rt = retentionFailureProbability(MTJ_DEFAULTS);
    expect(mtjBitErrorProbability(MTJ_DEFAULTS)).toBeCloseTo(rd + rt - rd * rt, 20);
    expect(mtjBitErrorProbability({ ...MTJ_DEFAULTS, includeWriteErrors: true })).toBeGreaterThan(writeErrorRate(MTJ_DEFAULTS) * 0.999);
    expect(() => readDisturbProbability({ ...MTJ_DEFAULTS, readPulseSeconds: -1 })).toThrow(/readPulse/);
  });
});

describe('SRAM low-voltage failures (estimate fit)', () => {
  it('reproduces its anchors and falls monotonically with voltage', () => {
    for (const a of SRAM_FIT_ANCHORS) expect(sramBitFailureProbability({ ...SRAM_DEFAULTS, vdd: a.v }) / a.p).toBeCloseTo(1, 9);
    fc.assert(fc.property(fc.double({ min: 0.2, max: 1.0, noNaN: true }), (v) =>
      sramBitFailureProbability({ ...SRAM_DEFAULTS, vdd: v + 0.01 }) <= sramBitFailureProbability({ ...SRAM_DEFAULTS, vdd: v })));
    expect(sramBitFailureProbability(SRAM_DEFAULTS)).toBeLessThan(1e-10);
  });
});

describe('LPDDR5 retention (estimate fit)', () => {
  it('reproduces the RAIDR anchors and is negligible at tREFW = 32 ms', () => {
    for (const a of DRAM_RETENTION_ANCHORS) {
      expect(dramRetentionErrorProbability({ ...DRAM_RETENTION_DEFAULTS, refreshWindowSeconds: a.t }) / a.f).toBeCloseTo(1, 9);
    }
    const p = dramRetentionErrorProbability(DRAM_RETENTION_DEFAULTS);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-12);
  });
  it('longer refresh windows never lower the error rate; zero window → 0', () => {
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (t) =>
      dramRetentionErrorProbability({ ...DRAM_RETENTION_DEFAULTS, refreshWindowSeconds: t * 1.1 })
        >= dramRetentionErrorProbability({ ...DRAM_RETENTION_DEFAULTS, refreshWindowSeconds: t })));
    expect(dramRetentionErrorProbability({ ...DRAM_RETENTION_DEFAULTS, refreshWindowSeconds: 0 })).toBe(0);
  });
});
