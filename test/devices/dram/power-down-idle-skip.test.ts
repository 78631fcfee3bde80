/**
 * Idle fast-forward with power-down on (IdleRoundSkipper): with no command observer attached, an idle
 * channel whose ranks only wake for refreshes (PDX, refresh, PDE) counts whole periods of them. The
 * result must equal the command-by-command replay (observer attached, every command checked): same
 * completion times and the same counts and per-state times, for all-bank and per-bank refresh, one or
 * two ranks, open or closed page, with and without a (long) self-refresh timeout.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { controllerSettings, runOps, type Op } from './helpers.js';
import { PowerManagedController } from '../../../src/devices/dram/power-controller.js';
import type { Lpddr5Params } from '../../../src/devices/dram/index.js';

const NS = 1000;
const US = 1_000_000;

const skippedPeriods = (r: ReturnType<typeof runOps>): number =>
  r.device.controllers.reduce((s, c) => s + (c instanceof PowerManagedController ? c.skipper.skipped : 0), 0);

describe('idle power-down fast-forward', () => {
  it('gives the same completions, counts and state times as issuing every command', () => {
    let skipped = 0;
    fc.assert(
      fc.property(
        fc.record({
          ...controllerSettings,
          pd: fc.integer({ min: 0, max: 2000 }),
          sr: fc.option(fc.integer({ min: 50, max: 3000 }), { nil: undefined, freq: 4 }),
          // arrivals land just after refresh due times (multiples of tREFIpb = tREFI / 8, and of
          // tREFI / 2 for the second rank), mid-way through a wake-up for a refresh, or anywhere
          ops: fc.array(
            fc.record({ intervals: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 600 })), after: fc.integer({ min: 0, max: 320 }), block: fc.integer({ min: 0, max: 1 << 18 }), write: fc.boolean() }),
            { minLength: 1, maxLength: 20 },
          ),
          tail: fc.integer({ min: 0, max: 400 }),
        }),
        (c) => {
          let k = 1;
          const ops: Op[] = c.ops.map((o) => ({ at: (k += o.intervals) * 488_000 + o.after * 1250, addr: o.block * 64, size: 64, write: o.write }));
          const until = ops[ops.length - 1]!.at + c.tail * 10 * US;
          const params: Lpddr5Params = {
            preset: 'LPDDR5_6400', ranks: c.ranks, refresh: c.refresh, pagePolicy: c.pagePolicy, powerDownAfter: c.pd * NS,
            ...(c.sr !== undefined ? { selfRefreshAfter: c.sr * US } : {}),
          };
          const slow = runOps(params, ops, { until });
          const fast = runOps(params, ops, { until, check: false });
          expect(slow.checker.violations.slice(0, 3)).toEqual([]);
          expect([...fast.done]).toEqual([...slow.done]);
          expect(fast.device.counts().actions).toEqual(slow.device.counts().actions);
          expect(skippedPeriods(slow)).toBe(0); // the observer disables skipping
          skipped += skippedPeriods(fast);
        },
      ),
      { numRuns: 40, seed: 13 },
    );
    expect(skipped).toBeGreaterThan(1000); // long idle periods were counted, not replayed
  });

  it('counts a long idle period with power-down on in few steps, every rank and refresh mode', () => {
    for (const ranks of [1, 2] as const) for (const refresh of ['all-bank', 'per-bank'] as const) {
      const params: Lpddr5Params = { preset: 'LPDDR5_6400', channels: 4, ranks, refresh, powerDownAfter: 100 * NS };
      const ops: Op[] = [{ at: 0, addr: 0, size: 64, write: false }, { at: 2_000 * US, addr: 4096, size: 64, write: true }];
      const slow = runOps(params, ops, { until: 2_100 * US });
      const fast = runOps(params, ops, { until: 2_100 * US, check: false });
      expect(slow.checker.violations).toEqual([]);
      expect([...fast.done]).toEqual([...slow.done]);
      expect(fast.device.counts().actions).toEqual(slow.device.counts().actions);
      // 2.1 ms of idle rounds per channel: nearly all of them counted
      const perRound = refresh === 'all-bank' ? 3_906_250 : 5 * 8 * 488_000;
      expect(skippedPeriods(fast)).toBeGreaterThan(4 * (2_000 * US / perRound) * 0.8);
    }
  });
});
