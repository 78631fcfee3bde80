/**
 * The checker is not vacuous: a controller run with one timing changed (a deliberately buggy
 * controller) is caught by the independent checker, which keeps the JEDEC values.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/index.js';
import { CommandChecker, createLpddr5, lpddr5_6400Timings, resolveTimings, type TimingName } from '../../../src/devices/dram/index.js';
import type { Ps } from '../../../src/units/quantity.js';

const jedec = resolveTimings(lpddr5_6400Timings('BG', 16));

function runMutant(override: Partial<Record<TimingName, number>>, refresh: 'all-bank' | 'per-bank' = 'all-bank'): string[] {
  const engine = new Engine();
  const dev = createLpddr5(engine, { preset: 'LPDDR5_6400', timing: override, refresh }, 'dram');
  const checker = new CommandChecker(dev.cfg.org, jedec);
  dev.setCommandObserver(checker.observe);
  let x = 7;
  let n = 0;
  const offerNext = (): void => {
    while (n < 3000) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      // First 16: one block in each bank (all misses at t = 0, activates back to back); then mixed.
      const addr = n < 16 ? n * 64 : (n % 4 === 0 ? n * 64 : (x % 4096) * 64 * 37) % 2 ** 30;
      if (!dev.offer(n, addr, 64, n % 5 === 0, 0)) return;
      n++;
    }
  };
  dev.setRetry(offerNext);
  dev.setCompletion(() => {});
  engine.at(0 as Ps, offerNext);
  // One late access after a long idle period: deferred refreshes are issued at their due times.
  engine.at(400_000_000 as Ps, () => { dev.offer(1e6, 0, 64, false, 0); });
  engine.run();
  dev.counts();
  return [...new Set(checker.violations.map((v) => v.rule))];
}

describe('command checker catches a controller that breaks a timing', () => {
  const cases: Array<[Partial<Record<TimingName, number>>, string, ('all-bank' | 'per-bank')?]> = [
    [{ tRCD: jedec.tRCD - jedec.tCK }, 'ACT-CAS.bank'],
    [{ tRPpb: jedec.tRPpb - jedec.tCK }, 'PRE-ACT.bank'],
    [{ tRAS: jedec.tRAS - jedec.tCK }, 'ACT-PRE.bank'],
    [{ tCCD_L: jedec.tCCD_L - jedec.tCK }, 'RD-RD.bg'],
    [{ tRRD_S: 2 * jedec.tCK, tRRD_L: 2 * jedec.tCK }, 'ACT-ACT.rank'],
    [{ tRRD_S: 2 * jedec.tCK, tRRD_L: 2 * jedec.tCK, tFAW: 8 * jedec.tCK }, 'FAW.rank'],
    [{ tWTR_S: 0, tWTR_L: 0 }, 'WR-RD.'],
    [{ tRFCab: jedec.tRFCab - jedec.tCK }, 'REFab-busy.bank'],
    [{ tRFCpb: jedec.tRFCpb / 2 }, 'REFpb-busy.bank', 'per-bank'],
    [{ tREFI: jedec.tREFI * 20 }, 'refresh.interval'],
  ];
  for (const [override, rule, refresh] of cases) {
    it(`${JSON.stringify(override)} → ${rule}`, () => {
      expect(runMutant(override, refresh).some((r) => r.startsWith(rule))).toBe(true);
    });
  }
  it('the unmodified controller is clean on the same traffic', () => {
    expect(runMutant({})).toEqual([]);
    expect(runMutant({}, 'per-bank')).toEqual([]);
  });
});
