/** Closed-form checks: unloaded latencies from the timing values, streaming bandwidth vs peak × (1 − tRFCab/tREFI). */
import { describe, expect, it } from 'vitest';
import { runOps, type Op } from './helpers.js';
import { lpddr5_6400Timings, resolveTimings } from '../../../src/devices/dram/index.js';

const t = resolveTimings(lpddr5_6400Timings('BG', 16));
const one = { preset: 'LPDDR5_6400' as const };

describe('LPDDR5 unloaded latency equals the hand calculation', () => {
  it('closed bank, 64-B read = ACT1 + tRCD, two BL16 bursts tCCD_L apart (same bank group), RL + tBL', () => {
    const r = runOps(one, [{ at: 0, addr: 0, size: 64, write: false }]);
    expect(r.done.get(0)).toBe(t.tRCD + t.tCCD_L + t.RL + t.tBL); // 18.75 + 5 + 21.25 + 2.5 ns
    expect(r.done.get(0)).toBe(47_500);
    expect(r.checker.violations).toEqual([]);
  });
  it('arrival off the clock grid waits for the next CK edge', () => {
    const r = runOps(one, [{ at: 100, addr: 0, size: 64, write: false }]);
    expect(r.done.get(0)).toBe(t.tCK + t.tRCD + t.tCCD_L + t.RL + t.tBL);
  });
  it('row hit = tCCD_L + RL + tBL after arrival', () => {
    const r = runOps(one, [{ at: 0, addr: 0, size: 64, write: false }, { at: 1_000_000, addr: 16 * 64, size: 64, write: false }], { check: true });
    // Same channel/bank/row with RoCoBaBgCh: block 16 is column block 1 of row 0, bank 0.
    expect(r.done.get(1)! - 1_000_000).toBe(t.tCCD_L + t.RL + t.tBL);
    expect(r.device.counts().actions.rowHits).toBe(1);
  });
  it('row conflict = tRPpb + tRCD + tCCD_L + RL + tBL after arrival', () => {
    const rowStride = 64 * 32 * 16; // Co × Ba × Bg blocks per row on one channel
    const r = runOps(one, [{ at: 0, addr: 0, size: 64, write: false }, { at: 1_000_000, addr: rowStride, size: 64, write: false }]);
    expect(r.done.get(1)! - 1_000_000).toBe(t.tRPpb + t.tRCD + t.tCCD_L + t.RL + t.tBL);
    expect(r.device.counts().actions.rowConflicts).toBe(1);
  });
  it('closed-page policy: the next access to the row is a miss, not a hit', () => {
    const r = runOps({ ...one, pagePolicy: 'closed' }, [{ at: 0, addr: 0, size: 64, write: false }, { at: 1_000_000, addr: 16 * 64, size: 64, write: false }]);
    expect(r.done.get(1)! - 1_000_000).toBe(t.tRCD + t.tCCD_L + t.RL + t.tBL);
    expect(r.device.counts().actions.pre).toBe(2); // each access closes its row
  });
  it('write = tRCD + tCCD_L + WL + tBL (last data beat accepted)', () => {
    const r = runOps(one, [{ at: 0, addr: 0, size: 64, write: true }]);
    expect(r.done.get(0)).toBe(t.tRCD + t.tCCD_L + t.WL + t.tBL);
  });
  it('8B mode: one BL32 burst = tRCD + RL + tBL(BL32)', () => {
    const t8 = resolveTimings(lpddr5_6400Timings('8B', 16));
    const r = runOps({ ...one, bankMode: '8B' }, [{ at: 0, addr: 0, size: 64, write: false }]);
    expect(r.done.get(0)).toBe(t8.tRCD + t8.RL + t8.tBL);
    expect(t8.tBL).toBe(5000);
  });
  it('a 32-B read needs one BL16 burst', () => {
    const r = runOps(one, [{ at: 0, addr: 32, size: 32, write: false }]);
    expect(r.done.get(0)).toBe(t.tRCD + t.RL + t.tBL);
  });
});

describe('sequential streaming bandwidth on one channel', () => {
  it('is within 3 % of peak × (1 − tRFCab / tREFI)', () => {
    const n = 60_000; // 3.84 MB ≈ 0.33 ms simulated, ~85 refreshes
    const ops: Op[] = [];
    for (let i = 0; i < n; i++) ops.push({ at: 0, addr: i * 64, size: 64, write: false });
    const r = runOps(one, ops, { check: false });
    expect(r.done.size).toBe(n);
    const last = Math.max(...r.done.values());
    const bw = (n * 64) / (last / 1e12);
    const peak = 2 * 6400e6;
    const expected = peak * (1 - t.tRFCab / t.tREFI);
    expect(Math.abs(bw - expected) / expected).toBeLessThan(0.03);
    expect(r.device.counts().actions.refab).toBeGreaterThanOrEqual(Math.floor(last / t.tREFI) - 1);
  });
});
