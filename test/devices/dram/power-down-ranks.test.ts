/**
 * Per-rank power-down (two ranks per channel): a rank whose requests are done powers down on its own
 * timeout while the other rank is busy, at the exact CK edge the timeout gives; random two-rank
 * traffic with one hot rank and idle gaps is legal under the independent checker.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runOps, type Op } from './helpers.js';
import { CMD, createLpddr5, type Lpddr5Params } from '../../../src/devices/dram/index.js';
import { Engine } from '../../../src/engine/index.js';

const NS = 1000;
const US = 1_000_000;
const base: Lpddr5Params = { preset: 'LPDDR5_6400', channels: 1, ranks: 2 };

/** A 64-B block address on `rank` (found through the device's own address mapper). */
function addressOn(p: Lpddr5Params, rank: number, k: number): number {
  const m = createLpddr5(new Engine(), p, 'probe').mapper;
  for (let a = k * 64, n = 0; n < 1 << 22; a += 64 * 4099, n++) {
    m.map(a);
    if (m.ra === rank) return a;
  }
  throw new Error('no address on that rank');
}

describe('per-rank power-down', () => {
  it('a rank powers down on its own timeout while the other rank is busy', () => {
    const p: Lpddr5Params = { ...base, powerDownAfter: 100 * NS };
    const ops: Op[] = [{ at: 0, addr: addressOn(p, 1, 0), size: 64, write: false }];
    for (let i = 0; i < 300; i++) ops.push({ at: i * 30 * NS, addr: addressOn(p, 0, i), size: 64, write: i % 4 === 0 });
    const pde: Array<[number, number]> = [];
    const r = runOps(p, ops, { onCommand: (_ch, rank, _bg, _b, _row, cmd, t) => { if (cmd === CMD.PDE) pde.push([rank, t]); } });
    expect(r.checker.violations).toEqual([]);
    expect(r.done.size).toBe(ops.length);
    const lastBusy = Math.max(...[...r.done].filter(([id]) => id > 0).map(([, t]) => t));
    const tCK = r.device.cfg.timings.tCK;
    // rank 1 sleeps from exactly 100 ns after its read completes (on a CK edge), long before rank 0 is done
    const first1 = pde.find(([rank]) => rank === 1)![1];
    expect(first1).toBe(Math.ceil((r.done.get(0)! + 100 * NS) / tCK) * tCK);
    expect(first1).toBeLessThan(lastBusy - 5 * US);
    // rank 0 (a request every 30 ns) does not
    expect(pde.filter(([rank, t]) => rank === 0 && t < lastBusy)).toEqual([]);
  });

  it('random two-rank traffic, one rank hot, idle gaps: zero checker violations and sleeps beside a busy rank', () => {
    let besideBusy = 0;
    fc.assert(
      fc.property(
        fc.record({
          refresh: fc.constantFrom('all-bank' as const, 'per-bank' as const),
          pagePolicy: fc.constantFrom('open' as const, 'closed' as const),
          pd: fc.integer({ min: 0, max: 300 }),
          sr: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
          hot: fc.integer({ min: 0, max: 1 }),
          ops: fc.array(
            fc.record({ gap: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 30 }), weight: 6 }, { arbitrary: fc.integer({ min: 0, max: 20_000 }), weight: 1 }), cold: fc.integer({ min: 0, max: 9 }), block: fc.integer({ min: 0, max: 4000 }), write: fc.boolean(), size: fc.constantFrom(32, 64, 128) }),
            { minLength: 1, maxLength: 80 },
          ),
        }),
        (c) => {
          const p: Lpddr5Params = { ...base, refresh: c.refresh, pagePolicy: c.pagePolicy, powerDownAfter: c.pd * NS, ...(c.sr !== undefined ? { selfRefreshAfter: c.sr * US } : {}) };
          let at = 0;
          const ops: Op[] = c.ops.map((o) => ({ at: (at += o.gap * NS), addr: addressOn(p, o.cold === 0 ? 1 - c.hot : c.hot, o.block), size: o.size, write: o.write }));
          const rankOfOp = c.ops.map((o) => (o.cold === 0 ? 1 - c.hot : c.hot));
          const sleeps: Array<[number, number]> = [];
          const end = at + 50 * US;
          const r = runOps(p, ops, { until: end, onCommand: (_ch, rank, _bg, _b, _row, cmd, t) => { if (cmd === CMD.PDE || cmd === CMD.SRE) sleeps.push([rank, t]); } });
          expect(r.checker.violations.slice(0, 3)).toEqual([]);
          expect(r.done.size).toBe(ops.length);
          // background state times still add up to the elapsed rank-time
          const a = r.device.counts().actions;
          const states = ['activeStandbyPs', 'prechargeStandbyPs', 'activePowerDownPs', 'prechargePowerDownPs', 'selfRefreshPs'];
          expect(states.reduce((s, k) => s + (a[k] ?? 0), 0)).toBe(2 * end);
          for (const [rank, t] of sleeps) {
            if (ops.some((o, i) => rankOfOp[i] !== rank && o.at <= t && r.done.get(i)! > t)) besideBusy++;
          }
        },
      ),
      { numRuns: 40, seed: 5 },
    );
    expect(besideBusy).toBeGreaterThan(8); // ranks did go to sleep while a request to the other rank was in progress
  });
});
