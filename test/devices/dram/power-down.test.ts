/**
 * LPDDR5 power-down and self-refresh: random traffic with idle gaps is legal under the independent
 * checker; the first access after an idle period pays exactly tXP (power-down) or tXSR
 * (self-refresh); background state times add up to the elapsed rank-time; the default (off) is the
 * unchanged controller.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { controllerSettings, runOps, type Op } from './helpers.js';
import { parseLpddr5Params } from '../../../src/devices/dram/lpddr5-schema.js';
import { catalogEntryFromSpec, findDevicePreset } from '../../../src/devices/index.js';
import { CMD, CommandChecker, lpddr5Org, lpddr5_6400Timings, resolveTimings, type Lpddr5Params } from '../../../src/devices/dram/index.js';

const NS = 1000;
const US = 1_000_000;
const one = (p: Lpddr5Params = {}): Lpddr5Params => ({ preset: 'LPDDR5_6400', ...p });

describe('power-down and self-refresh', () => {
  it('random traffic with idle gaps: zero checker violations, every request completes', () => {
    const entered = { pde: 0, sre: 0 };
    fc.assert(
      fc.property(
        fc.record({
          ...controllerSettings,
          pd: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
          sr: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
          ops: fc.array(
            fc.record({ gap: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 40_000 })), block: fc.integer({ min: 0, max: 1 << 20 }), write: fc.boolean(), size: fc.constantFrom(32, 64, 128) }),
            { minLength: 1, maxLength: 60 },
          ),
        }),
        (c) => {
          const params = one({
            ranks: c.ranks, refresh: c.refresh, pagePolicy: c.pagePolicy,
            ...(c.pd !== undefined ? { powerDownAfter: c.pd * NS } : {}),
            ...(c.sr !== undefined ? { selfRefreshAfter: c.sr * US / 10 } : {}),
          });
          let at = 0;
          const ops: Op[] = c.ops.map((o) => ({ at: (at += o.gap * NS), addr: o.block * 64, size: o.size, write: o.write }));
          const r = runOps(params, ops);
          expect(r.checker.violations.slice(0, 3)).toEqual([]);
          expect(r.done.size).toBe(ops.length);
          const a = r.device.counts().actions;
          entered.pde += a.pde ?? 0;
          entered.sre += a.sre ?? 0;
        },
      ),
      { numRuns: 60, seed: 7 },
    );
    // the runs did exercise both low-power states
    expect(entered.pde).toBeGreaterThan(50);
    expect(entered.sre).toBeGreaterThan(10);
  });

  /** Latency of a read at 20 µs (after one at 0) to another row of the same bank. */
  const secondLatency = (p: Lpddr5Params): number => {
    const ops: Op[] = [{ at: 0, addr: 0, size: 64, write: false }, { at: 20 * US, addr: 1 << 22, size: 64, write: false }];
    const r = runOps(one(p), ops);
    expect(r.checker.violations).toEqual([]);
    return r.done.get(1)! - 20 * US;
  };

  it('an access after an idle period pays exactly tXP from power-down and tXSR from self-refresh', () => {
    const off = secondLatency({});
    expect(secondLatency({ powerDownAfter: 100 * NS }) - off).toBe(7_500); // tXP, 6 nCK
    expect(secondLatency({ selfRefreshAfter: 1 * US }) - off).toBe(287_500); // tXSR = tRFCab (280 ns) + 7.5 ns
    expect(secondLatency({ powerDownAfter: 100 * NS, selfRefreshAfter: 1 * US }) - off).toBe(287_500);
    // A timeout longer than the idle period never enters the state.
    expect(secondLatency({ powerDownAfter: 30 * US, selfRefreshAfter: 40 * US })).toBe(off);
  });

  it('background state times add up to the elapsed rank-time, and idle time moves to the low-power states', () => {
    const ops: Op[] = [];
    for (let i = 0; i < 20; i++) ops.push({ at: i * 50 * US, addr: i * 4096, size: 64, write: i % 3 === 0 });
    const end = 1_000 * US;
    const states = ['activeStandbyPs', 'prechargeStandbyPs', 'activePowerDownPs', 'prechargePowerDownPs', 'selfRefreshPs'];
    const run = (p: Lpddr5Params, ranks: number) => {
      const r = runOps(one({ ranks, ...p }), ops, { until: end });
      expect(r.checker.violations).toEqual([]);
      const a = r.device.counts().actions;
      const sum = states.reduce((s, k) => s + (a[k] ?? 0), 0);
      expect(sum).toBe(ranks * end);
      return a;
    };
    const off = run({}, 2);
    expect(off.prechargePowerDownPs).toBeUndefined(); // off: the counts are the unchanged controller's
    const pd = run({ powerDownAfter: 200 * NS }, 2);
    expect(pd.pde!).toBeGreaterThan(20);
    expect(pd.prechargePowerDownPs! + pd.activePowerDownPs!).toBeGreaterThan(0.9 * 2 * end);
    expect(pd.selfRefreshPs).toBe(0);
    const sr = run({ powerDownAfter: 200 * NS, selfRefreshAfter: 5 * US }, 2);
    expect(sr.sre!).toBeGreaterThan(0);
    expect(sr.selfRefreshPs!).toBeGreaterThan(0.8 * 2 * end);
    // In self-refresh the device refreshes itself: far fewer REFab than with power-down only.
    expect(sr.refab!).toBeLessThan(pd.refab! / 4);
  });

  it('reads the timeouts from YAML-level strings, and refuses a misspelt key', () => {
    expect(parseLpddr5Params({ powerDownAfter: '100 ns', selfRefreshAfter: '10 us' })).toMatchObject({ powerDownAfter: 100_000, selfRefreshAfter: 10_000_000 });
    expect(() => parseLpddr5Params({ powerDownAftr: '100 ns' })).toThrow(/powerDownAftr/);
    expect(() => parseLpddr5Params({ powerDownAfter: '100 pJ' })).toThrow();
  });

  it('the checker refuses commands to a sleeping rank, SRE with a row open and exits from the wrong state', () => {
    const t = resolveTimings(lpddr5_6400Timings('BG', 16));
    const c = new CommandChecker(lpddr5Org('BG', 1, 1, 16), t);
    const rules = (cmd: number, at: number, bg = -1, bank = -1): string[] => c.wouldViolate(0, 0, bg, bank, 5, cmd, at).map((v) => v.rule);
    c.observe(0, 0, 0, 0, 5, CMD.ACT1, 0);
    c.observe(0, 0, 0, 0, 5, CMD.ACT2, t.tCK);
    expect(rules(CMD.SRE, 100 * NS)).toContain('state.SRE');
    expect(rules(CMD.PDX, 100 * NS)).toContain('state.PDX');
    c.observe(0, 0, -1, -1, -1, CMD.PDE, 100 * NS);
    expect(rules(CMD.RD, 200 * NS, 0, 0)).toContain('state.power-down');
    expect(rules(CMD.PDX, 100 * NS + t.tCKE - t.tCK)).toContain('PDE-PDX.rank');
    expect(rules(CMD.PDX, 200 * NS)).toEqual([]);
    c.observe(0, 0, -1, -1, -1, CMD.PDX, 200 * NS);
    expect(rules(CMD.RD, 200 * NS + t.tXP - t.tCK, 0, 0)).toContain('PDX-any.rank');
    expect(rules(CMD.RD, 200 * NS + t.tXP, 0, 0)).toEqual([]);
    expect(c.violations).toEqual([]);
  });

  it('lists the power-down estimates among a run\'s estimates only when power-down or self-refresh is on', () => {
    const preset = findDevicePreset('orin-lpddr5-6400');
    if (!preset.ok) throw new Error(preset.message);
    expect(preset.preset.estimates).toContain('energy.act');
    expect(preset.preset.estimates).not.toContain('timing.tCKE');
    const off = catalogEntryFromSpec({ type: 'lpddr5', id: 'off', preset: 'orin-agx' });
    const on = catalogEntryFromSpec({ type: 'lpddr5', id: 'on', preset: 'orin-agx', selfRefreshAfter: 20_000_000 }); // canonical ps, as the devices-file loader passes it
    expect(off.estimates).not.toContain('timing.tSR');
    expect(on.estimates).toEqual(expect.arrayContaining(['timing.tCKE', 'timing.tSR', 'energy.selfRefreshPs']));
  });
});
