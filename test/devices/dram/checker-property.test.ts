/**
 * Property: random reads/writes (addresses, sizes, arrival times) through the controller under every
 * scheduler × page policy × refresh mode (and bank modes / ranks / channels) produce a command stream
 * the independent checker accepts: zero violations, every request completes exactly once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runOps, type Op } from './helpers.js';
import type { Lpddr5Params } from '../../../src/devices/dram/index.js';

const GBIT = 2 ** 30 / 8;

const paramsArb: fc.Arbitrary<Lpddr5Params> = fc.record({
  preset: fc.constant('LPDDR5_6400' as const),
  channels: fc.constantFrom(1, 2),
  ranks: fc.constantFrom(1, 2),
  density: fc.constant(8 * GBIT),
  bankMode: fc.constantFrom('BG' as const, '8B' as const),
  scheduler: fc.constantFrom('fr-fcfs' as const, 'fcfs' as const),
  pagePolicy: fc.constantFrom('open' as const, 'closed' as const),
  refresh: fc.constantFrom('all-bank' as const, 'per-bank' as const),
  addressMapping: fc.constantFrom('RoCoBaBgCh', 'RoBaBgCoCh', 'ChRaBaBgRoCo', 'RoBaCoBgCh'),
  readQueue: fc.constantFrom(4, 16, 64),
  writeQueue: fc.constantFrom(4, 16, 64),
});

/** Addresses concentrated on a few rows so hits, misses and conflicts all occur. */
const opsArb = fc.array(
  fc.record({
    gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 2_000_000 })),
    region: fc.integer({ min: 0, max: 3 }),
    offset: fc.integer({ min: 0, max: 1 << 16 }),
    size: fc.oneof(fc.constant(64), fc.constant(32), fc.integer({ min: 1, max: 512 })),
    write: fc.boolean(),
  }),
  { minLength: 1, maxLength: 250 },
);

function toOps(raw: ReadonlyArray<{ gap: number; region: number; offset: number; size: number; write: boolean }>, capacity: number): Op[] {
  let t = 0;
  return raw.map((r) => {
    t += r.gap;
    const base = (r.region * 0x1357_9bdf * 64) % (capacity - 2 * (1 << 16));
    return { at: t, addr: base + r.offset, size: r.size, write: r.write };
  });
}

describe('LPDDR5 controller vs independent checker (property)', () => {
  it('zero violations, every request completes once, in every controller configuration', () => {
    fc.assert(
      fc.property(paramsArb, opsArb, (params, raw) => {
        const capacity = (params.channels ?? 1) * (params.ranks ?? 1) * 8 * GBIT;
        const ops = toOps(raw, capacity);
        const r = runOps(params, ops);
        expect(r.checker.violations.slice(0, 3)).toEqual([]);
        expect(r.done.size).toBe(ops.length);
        for (const [id, t] of r.done) expect(t).toBeGreaterThanOrEqual(ops[id]!.at);
        expect(r.checker.commandsChecked).toBeGreaterThan(0);
      }),
      { numRuns: 120, seed: 20260127 },
    );
  });

  it('a long mixed run crosses many refresh intervals with zero violations (both refresh modes)', () => {
    for (const refresh of ['all-bank', 'per-bank'] as const) {
      const ops: Op[] = [];
      let x = 12345;
      for (let i = 0; i < 6000; i++) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        ops.push({ at: i * 9_000, addr: (x % (1 << 22)) * 64, size: 64, write: i % 3 === 0 });
      }
      const r = runOps({ preset: 'LPDDR5_6400', refresh, ranks: 2 }, ops);
      expect(r.checker.violations.slice(0, 3)).toEqual([]);
      expect(r.done.size).toBe(ops.length);
      const a = r.device.counts().actions;
      const refreshes = refresh === 'all-bank' ? a.refab! : a.refpb! / 8;
      // 2 ranks × elapsed / tREFI refreshes (within one per rank).
      expect(refreshes).toBeGreaterThanOrEqual(2 * Math.floor(r.engine.now / 3_906_250) - 2);
    }
  });
});
