/** Energy table = sum of its parts and matches the IDD hand calculation; same trace → byte-identical stats. */
import { describe, expect, it } from 'vitest';
import { runOps, type Op } from './helpers.js';
import { lpddr5EnergyTable, lpddr5Descriptor, LPDDR5_CONSTRAINTS } from '../../../src/devices/dram/index.js';
import { LPDDR5_IDD } from '../../../src/devices/dram/lpddr5-energy.js';
import { rngFor } from '../../../src/engine/rng.js';

describe('LPDDR5 energy table', () => {
  const tab = lpddr5EnergyTable('orin-agx');
  it('every entry equals the sum of its parts and carries a source', () => {
    for (const [name, e] of Object.entries(tab.perAction)) {
      const sum = Object.values(e.parts).reduce((a, b) => a + b, 0);
      expect(e.pj, name).toBe(sum);
      expect(e.source.length, name).toBeGreaterThan(10);
    }
  });
  it('matches the hand calculation from IDD currents (orin-lpddr5.md C.4)', () => {
    const I = LPDDR5_IDD;
    // ACT+PRE pair: 1.05 V × (45 mA × 61.25 ns − 39 mA × 42.5 ns − 30 mA × 18.75 ns) = 563.06 pJ
    expect(tab.perAction.act!.pj).toBeCloseTo(I.VDD2H * (45 * 61.25 - 39 * 42.5 - 30 * 18.75), 9);
    expect(tab.perAction.act!.pj).toBeCloseTo(563.06, 2);
    expect(tab.perAction.rd!.parts.vdd2h).toBeCloseTo(1.05 * (372 - 39) * 2.5, 9); // 874.1 pJ per BL16
    expect(tab.perAction.rd!.parts.vdd1).toBeCloseTo(1.8 * 7.2 * 2.5, 9);
    expect(tab.perAction.wr!.pj).toBeCloseTo(1.05 * (310 - 39) * 2.5, 9); // 711.4 pJ
    expect(tab.perAction.refab!.pj).toBeCloseTo(1.05 * (170 - 39) * 280, 6); // 16 Gb: tRFCab 280 ns
    expect(tab.perAction.readBits!.pj).toBeCloseTo((0.5 * 106 * 2.5) / 256, 9); // ≈ 0.52 pJ/bit
    expect(tab.backgroundW.prechargeStandby.w).toBeCloseTo(0.0315, 9);
    expect(tab.backgroundW.activeStandby.w).toBeCloseTo(0.04095, 9);
  });
  it('pricing a run: total = Σ count × per-action energy, per part', () => {
    const ops: Op[] = Array.from({ length: 400 }, (_, i) => ({ at: i * 3000, addr: ((i * 7919) % 5000) * 64, size: 64, write: i % 4 === 0 }));
    const r = runOps({ preset: 'LPDDR5_6400' }, ops);
    const counts = r.device.counts().actions;
    let total = 0, byParts = 0;
    for (const [action, n] of Object.entries(counts)) {
      const e = tab.perAction[action];
      if (e === undefined) continue;
      total += n * e.pj;
      for (const v of Object.values(e.parts)) byParts += n * v;
    }
    expect(total).toBeGreaterThan(0);
    expect(byParts).toBeCloseTo(total, 6);
    expect(counts.readBits).toBe(counts.rd! * 256);
    expect(counts.activeStandbyPs! + counts.prechargeStandbyPs!).toBe(r.engine.now);
  });
  it('qmc-table1 prices reads at 3.5 pJ/bit', () => {
    expect(lpddr5EnergyTable('qmc-table1').perAction.readBits!.pj).toBe(3.5);
  });
});

describe('determinism', () => {
  function run(): string {
    const rng = rngFor(42, 'test.dram.trace');
    const ops: Op[] = [];
    let t = 0;
    for (let i = 0; i < 3000; i++) {
      t += Math.floor(rng.next() * 4000);
      ops.push({ at: t, addr: Math.floor(rng.next() * 2 ** 24) * 64, size: rng.next() < 0.1 ? 256 : 64, write: rng.next() < 0.3 });
    }
    const r = runOps({ preset: 'orin-agx', refresh: 'per-bank' }, ops, { check: false });
    return JSON.stringify({ stats: r.stats.records(), counts: r.device.counts(), done: [...r.done] });
  }
  it('same trace and seed → byte-identical stats', () => {
    const a = run();
    expect(run()).toBe(a);
    expect(a).toContain('readLatency');
  });
});

describe('descriptor', () => {
  it('documents every parameter with a default and a source, and every timing', () => {
    for (const p of lpddr5Descriptor.params) {
      expect(p.default, p.name).toBeDefined();
      expect(p.source, p.name).toBeTruthy();
    }
    expect(lpddr5Descriptor.params.filter((p) => p.name.startsWith('timing.')).length).toBe(31);
    for (const c of LPDDR5_CONSTRAINTS) expect(c.source.length, c.id).toBeGreaterThan(5);
  });
});
