import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../../src/engine/engine.js';
import { priceCounts, reprice, sumParts, type EnergyTable } from '../../../src/devices/energy/energy-table.js';
import { reramEnergyTable, sramEnergyTable, sttMramEnergyTable } from '../../../src/devices/energy/device-tables.js';
import { lpddr5QmcTable } from '../../../src/devices/energy/lpddr5-tables.js';
import { SttMram } from '../../../src/devices/nvm/stt-mram.js';
import { Reram } from '../../../src/devices/nvm/reram.js';
import { Sram } from '../../../src/devices/sram/sram.js';
import { sttMramSchema } from '../../../src/devices/nvm/stt-mram-plugin.js';
import { reramSchema } from '../../../src/devices/nvm/reram-plugin.js';
import { sramSchema } from '../../../src/devices/sram/sram-plugin.js';
import { nvmexplorerMramOptimistic, nvmexplorerMramPessimistic, qmcMram } from '../../../src/devices/presets/mram.js';
import { qmcReramMode } from '../../../src/devices/presets/reram.js';
import { nvmexplorerSram2mb } from '../../../src/devices/presets/sram.js';
import { resolvePreset, type DevicePreset } from '../../../src/devices/presets/param-spec.js';
import type { ActionCounts, MemoryDevice } from '../../../src/devices/device.js';

const sources = (p: DevicePreset<unknown>) => p.params as Record<string, { source: string; estimate?: boolean }>;
const mramTable = (p: DevicePreset<unknown>): EnergyTable => sttMramEnergyTable(resolvePreset(p as never, sttMramSchema), sources(p), p.name);

function build(kind: 'mram' | 'reram' | 'sram', e: Engine): { d: MemoryDevice; t: EnergyTable } {
  if (kind === 'mram') return { d: new SttMram(resolvePreset(qmcMram, sttMramSchema), { engine: e, path: 'm' }), t: mramTable(qmcMram) };
  if (kind === 'reram') {
    const pr = qmcReramMode(3);
    const p = resolvePreset(pr, reramSchema);
    return { d: new Reram(p, { engine: e, path: 'r', seed: 9 }), t: reramEnergyTable(p, sources(pr), pr.name) };
  }
  const p = resolvePreset(nvmexplorerSram2mb, sramSchema);
  return { d: new Sram(p, { engine: e, path: 's' }), t: sramEnergyTable(p, sources(nvmexplorerSram2mb), 'sram') };
}

type Op = { addr: number; size: number; w: boolean; gap: number };
function feed(d: MemoryDevice, e: Engine, ops: readonly Op[]): void {
  let i = 0;
  const pump = (): void => { while (i < ops.length && d.offer(i, ops[i]!.addr, ops[i]!.size, ops[i]!.w, 0)) i++; };
  d.setRetry(pump);
  d.setCompletion(() => {});
  pump();
  e.run();
}

const counts = (a: Record<string, number>, elapsedPs = 0, bytesRead = 0, bytesWritten = 0): ActionCounts =>
  ({ path: 'x', kind: 'k', actions: a, bytesRead, bytesWritten, busyPs: 0, elapsedPs: elapsedPs as never });

describe('energy pricing', () => {
  it('total is exactly the sum of the parts, including background', () => {
    const b = priceCounts(counts({ read: 3, write: 1, readBits: 1536, writeBits: 512 }, 1e6), mramTable(nvmexplorerMramPessimistic));
    expect(b.totalPj).toBe(sumParts(b.parts));
    expect(b.totalPj).toBe(Object.values(b.parts).reduce((x, y) => x + y, 0));
    expect(b.parts.readBits).toBeCloseTo(1536 * 0.12359, 9);
    expect(b.backgroundPj).toBeCloseTo(3.3549 * 1e6, 6);
    expect(b.estimates).toContain('background');
    expect(b.unpriced).toEqual([]);
  });

  it('re-prices the same counts with another table without re-running', () => {
    const e = new Engine();
    const { d } = build('mram', e);
    feed(d, e, [{ addr: 0, size: 64, w: false, gap: 0 }, { addr: 64, size: 64, w: true, gap: 0 }]);
    const c = d.counts();
    const [qmc, opt, pes] = reprice(c, [mramTable(qmcMram), mramTable(nvmexplorerMramOptimistic), mramTable(nvmexplorerMramPessimistic)]);
    expect(qmc!.parts.readBits).toBe(512 * 1);
    expect(opt!.parts.readBits).toBeCloseTo(512 * 0.11234, 9);
    expect(pes!.parts.writeBits).toBeCloseTo(512 * 4.6141, 9);
    // Counts untouched by pricing.
    expect(d.counts()).toEqual(c);
  });

  it('LPDDR5 QMC table prices bytes at 3.5 pJ/bit and folds commands in', () => {
    const b = priceCounts(counts({ act: 4, rd: 8, refab: 1 }, 1000, 512, 0), lpddr5QmcTable);
    expect(b.parts.readBits).toBe(512 * 8 * 3.5);
    expect(b.parts.act).toBe(0);
    expect(b.unpriced).toEqual([]);
    expect(b.totalPj).toBe(sumParts(b.parts));
  });

  it('lists counted actions a table cannot price, or throws in strict mode', () => {
    const t = mramTable(qmcMram);
    expect(priceCounts(counts({ readBits: 8, mystery: 2 }), t).unpriced).toEqual(['mystery']);
    expect(() => priceCounts(counts({ mystery: 2 }), t, { strict: true })).toThrow(/mystery/);
  });

  it('rejects negative energies', () => {
    const bad: EnergyTable = { ...lpddr5QmcTable, actions: { readBits: { pj: -1, per: 'bit', source: 'x' } } };
    expect(() => priceCounts(counts({}), bad)).toThrow(/invalid energy/);
  });

  it('energy never decreases with more accesses (property, three device kinds)', () => {
    const op = fc.record({
      addr: fc.integer({ min: 0, max: 1 << 20 }).map((a) => a * 8),
      size: fc.constantFrom(8, 64, 128),
      w: fc.boolean(),
      gap: fc.constant(0),
    });
    fc.assert(fc.property(fc.constantFrom('mram', 'reram', 'sram'), fc.array(op, { maxLength: 40 }), fc.array(op, { minLength: 1, maxLength: 40 }), (kind, first, more) => {
      const e1 = new Engine();
      const a = build(kind as 'mram', e1);
      feed(a.d, e1, first);
      const before = priceCounts(a.d.counts(), a.t).totalPj;
      const e2 = new Engine();
      const b = build(kind as 'mram', e2);
      feed(b.d, e2, [...first, ...more]);
      const after = priceCounts(b.d.counts(), b.t).totalPj;
      expect(after).toBeGreaterThanOrEqual(before);
    }), { numRuns: 60 });
  });
});
