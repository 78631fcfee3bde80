/**
 * Idle refresh fast-forward (RefreshManager.skipIdleRounds): with no command observer attached, an
 * idle channel counts whole rounds of refreshes instead of issuing them. The result must equal the
 * command-by-command replay (observer attached, every command checked): same completion times and
 * the same counts, for all-bank and per-bank refresh, one or two ranks, open or closed page.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { controllerSettings, runOps, type Op } from './helpers.js';

const US = 1_000_000;

describe('idle refresh fast-forward', () => {
  it('gives the same completions and counts as issuing every refresh', () => {
    let skippedSome = false;
    fc.assert(
      fc.property(
        fc.record({
          ...controllerSettings,
          // Arrivals land just after a refresh due time (multiples of tREFIpb = tREFI / 8, and of
          // tREFI / 2 for the second rank's staggered schedule), where a refresh left out of the
          // timing tables would let the request start too early.
          ops: fc.array(
            fc.record({ intervals: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 800 })), after: fc.integer({ min: 0, max: 320 }), block: fc.integer({ min: 0, max: 1 << 18 }), write: fc.boolean() }),
            { minLength: 1, maxLength: 25 },
          ),
        }),
        (c) => {
          let k = 1;
          const ops: Op[] = c.ops.map((o) => ({ at: (k += o.intervals) * 488_000 + o.after * 1250, addr: o.block * 64, size: 64, write: o.write }));
          const at = ops[ops.length - 1]!.at;
          const params = { preset: 'LPDDR5_6400' as const, ranks: c.ranks, refresh: c.refresh, pagePolicy: c.pagePolicy };
          const slow = runOps(params, ops, { until: at + 500 * US });
          const fast = runOps(params, ops, { until: at + 500 * US, check: false });
          expect(slow.checker.violations).toEqual([]);
          expect([...fast.done]).toEqual([...slow.done]);
          const a = fast.device.counts().actions, b = slow.device.counts().actions;
          expect(a).toEqual(b);
          if (slow.checker.commandsChecked > 400) skippedSome = true;
        },
      ),
      { numRuns: 40, seed: 11 },
    );
    expect(skippedSome).toBe(true); // some runs had long enough idle periods to skip rounds
  });
});
