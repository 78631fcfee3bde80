/**
 * A preset given a parameter its other figures are derived from is re-derived: a QMC ReRAM preset at
 * another bitsPerCell is that mode's preset, an SLC tentpole at 2/3 bits is refused, an SRAM preset
 * at another clock recomputes its latency cycles from NVMExplorer's ns; explicit overrides still win.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { catalogEntryFromSpec, findDevicePreset, type DeviceSpec } from '../../../src/devices/index.js';
import { DeviceParamError } from '../../../src/devices/param-error.js';
import type { Reram } from '../../../src/devices/nvm/reram.js';
import type { Sram } from '../../../src/devices/sram/sram.js';

const GIB = 2 ** 30;
const build = (spec: DeviceSpec) => {
  const entry = catalogEntryFromSpec(spec);
  return { entry, device: entry.create(new Engine(), spec.id ?? 'd'), table: entry.energyTables()[0]! };
};
const preset = (name: string) => {
  const r = findDevicePreset(name);
  if (!r.ok) throw new Error(r.message);
  return r.preset;
};

describe('ReRAM preset at another bitsPerCell', () => {
  it('kind: devices entry qmc-reram-2bit with bitsPerCell 3 is the 3-bit preset (bandwidth, read energy, density, capacity)', () => {
    const { entry, device, table } = build({ type: 'reram', id: 'r', preset: 'qmc-reram-2bit', bitsPerCell: 3 });
    const p = (device as Reram).params;
    const three = (preset('qmc-reram-3bit').create(new Engine(), 'x') as Reram).params;
    expect(p).toEqual(three);
    expect(p.arrayBandwidth).toBeCloseTo(1.8 * GIB, 0);
    expect(table.actions.readBits!.pj).toBeCloseTo(1.56, 12);
    expect(table.actions.readBits!.source).toBe('QMC (arXiv 2601.14549) Table 1');
    expect(table.actions.readBits!.estimate).toBeUndefined();
    expect(entry.estimates).not.toContain('arrayBandwidth');
    expect(entry.sources.bitsPerCell!.source).toBe('user configuration');
  });

  it('explicit overrides of the per-mode parameters still win', () => {
    const { device, table, entry } = build({ type: 'reram', id: 'r', preset: 'qmc-reram-2bit', bitsPerCell: 3, arrayBandwidth: GIB, readEnergy: 2 });
    const p = (device as Reram).params;
    expect(p.arrayBandwidth).toBe(GIB);
    expect(p.readEnergy).toBe(2);
    expect(table.actions.readBits!.source).toBe('user configuration');
    expect(p.density).toBeCloseTo(30.1 * 2 ** 20, 3); // the 3-bit figure, not the 2-bit one
    expect(entry.sources.density!.source).toMatch(/Table 1/);
  });

  it('a catalogue preset with YAML overrides (SoC device block) re-derives too', () => {
    const e = preset('qmc-reram-3bit');
    const p = (e.create(new Engine(), 'x', { overrides: { bitsPerCell: 2 } }) as Reram).params;
    expect(p).toEqual((preset('qmc-reram-2bit').create(new Engine(), 'y') as Reram).params);
    const t = e.energyTables({ bitsPerCell: 2 })[0]!;
    expect(t.actions.readBits!.pj).toBe(1.0029); // the 2-bit preset: 1.56 × 3/7 pJ × 3/2, to 5 digits
    expect(t.actions.readBits!.estimate).toBe(true);
    // the derived mode's estimates (arrayBandwidth, readEnergy, density rest on estimates at 2 bit/cell)
    expect(e.estimates).not.toContain('arrayBandwidth');
    expect(e.estimatesFor!({ bitsPerCell: 2 })).toEqual(expect.arrayContaining(['arrayBandwidth', 'readEnergy', 'density']));
    expect(e.estimatesFor!({ bitsPerCell: 2, readEnergy: '0.9 pJ/bit' })).not.toContain('readEnergy');
    const own = (e.create(new Engine(), 'x', { overrides: { bitsPerCell: 2, readEnergy: '0.9 pJ/bit' } }) as Reram).params;
    expect(own.readEnergy).toBeCloseTo(0.9, 12);
  });

  it('an SLC tentpole at 3 bits is refused naming the preset, its bitsPerCell and the preset to use, at bitsPerCell', () => {
    let err: unknown;
    try { build({ type: 'reram', id: 'slc3', preset: 'nvmexplorer-reram-optimistic', bitsPerCell: 3 }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(DeviceParamError);
    expect((err as DeviceParamError).param).toBe('bitsPerCell');
    expect((err as Error).message).toMatch(/^reram 'slc3': preset nvmexplorer-reram-optimistic has bitsPerCell 1 .*use preset qmc-reram-3bit/);
    expect((err as Error).message).not.toMatch(/\n/);
    expect(() => preset('nvmexplorer-reram-pessimistic').create(new Engine(), 'x', { overrides: { bitsPerCell: 2 } })).toThrow(/qmc-reram-2bit/);
    // with every per-mode figure given, it builds
    const { device } = build({ type: 'reram', id: 'ok', preset: 'nvmexplorer-reram-optimistic', bitsPerCell: 2, arrayBandwidth: GIB, readEnergy: 0.3, density: 20e6, senseStep: 400 });
    expect((device as Reram).params.bitsPerCell).toBe(2);
  });
});

describe('SRAM preset at another clock', () => {
  it('latency cycles are recomputed from NVMExplorer 3.676 / 3.67 ns at the new clock (ceil)', () => {
    const { device, entry } = build({ type: 'sram', id: 's', preset: 'nvmexplorer-sram-2mb', clock: 2e9 });
    const p = (device as Sram).params;
    expect([p.readLatencyCycles, p.writeLatencyCycles]).toEqual([8, 8]);
    expect(entry.sources.readLatencyCycles!.source).toMatch(/3\.676 ns at the configured 2 GHz clock, rounded up/);
    const slow = build({ type: 'sram', id: 's', preset: 'nvmexplorer-sram-2mb', clock: 0.5e9 }).device as Sram;
    expect([slow.params.readLatencyCycles, slow.params.writeLatencyCycles]).toEqual([2, 2]);
  });

  it('an unloaded read takes no less than the source array\'s 3.676 ns at any clock', () => {
    for (const clock of [0.3e9, 1e9, 2e9, 3.3e9]) {
      const e = new Engine();
      const d = catalogEntryFromSpec({ type: 'sram', id: 's', preset: 'nvmexplorer-sram-2mb', clock }).create(e, 's');
      let done = -1;
      d.setCompletion((_id, t) => { done = t; });
      d.offer(0, 0, 8, false, 0);
      e.run();
      expect(done).toBeGreaterThanOrEqual(3676);
    }
  });

  it('cycle counts set explicitly win; the YAML-override path (SoC device block) re-derives as well', () => {
    const p = (build({ type: 'sram', id: 's', preset: 'nvmexplorer-sram-2mb', clock: 2e9, readLatencyCycles: 3 }).device as Sram).params;
    expect([p.readLatencyCycles, p.writeLatencyCycles]).toEqual([3, 8]);
    const q = (preset('nvmexplorer-sram-2mb').create(new Engine(), 'x', { overrides: { clock: '2 GHz' } }) as Sram).params;
    expect([q.clock, q.readLatencyCycles, q.writeLatencyCycles]).toEqual([2e9, 8, 8]);
    const d = (preset('nvmexplorer-sram-2mb').create(new Engine(), 'x') as Sram).params;
    expect([d.readLatencyCycles, d.writeLatencyCycles]).toEqual([4, 4]);
  });
});
