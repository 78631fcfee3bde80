/**
 * A preset's whole-device leakage is per-array leakage × array count (NVMExplorer array results), so
 * overriding `capacity` without `leakagePower` scales it with capacity, and the energy table's
 * source says so; an explicit `leakagePower` is taken as given. Both configuration routes: an SoC
 * memory's `{ preset, capacity }` block (catalogue entry) and a `kind: devices` entry.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { createDeviceFromSpec, energyTablesForSpec, findDevicePreset } from '../../../src/devices/index.js';

const entry = (name: string) => {
  const f = findDevicePreset(name);
  if (!f.ok) throw new Error(f.message);
  return f.preset;
};
const MIB = 1024 * 1024;

describe('leakage scales with an overridden capacity', () => {
  it('catalogue entry (SoC device block): twice the capacity, twice the leakage, source says scaled', () => {
    const e = entry('nvmexplorer-mram-optimistic');
    const base = e.energyTables()[0]!.background;
    const big = e.energyTables({ capacity: '576 MiB' })[0]!.background;
    expect(base.watts).toBeCloseTo(6.1214, 9);
    expect(big.watts).toBeCloseTo(2 * 6.1214, 9);
    expect(big.source).toMatch(/scaled ×2 with the cells that hold the capacity/);
    expect(big.estimate).toBe(true);
    const dev = e.create(new Engine(), 'm', { overrides: { capacity: '144 MiB' } }) as unknown as { params: { leakagePower: number } };
    expect(dev.params.leakagePower).toBeCloseTo(6.1214 / 2, 9);
  });

  it('follows the cell count: 3 bit/cell in 3× the capacity is the same cells; the preset capacity is ×1, unscaled', () => {
    const e = entry('nvmexplorer-reram-optimistic');
    // (an SLC tentpole at 2 or 3 bit/cell needs its per-mode figures given: preset-rederive.test.ts)
    const mlc = { arrayBandwidth: '1 GiB/s', readEnergy: '0.3 pJ/bit', density: '20 Mib/mm^2', senseStep: '0.4 ns' };
    expect(e.energyTables({ ...mlc, capacity: '384 MiB', bitsPerCell: 3 })[0]!.background.watts).toBeCloseTo(2.8421, 9);
    expect(e.energyTables({ ...mlc, capacity: '128 MiB', bitsPerCell: 2 })[0]!.background.watts).toBeCloseTo(2.8421 / 2, 9);
    const same = entry('nvmexplorer-mram-optimistic').energyTables({ capacity: '288 MiB' })[0]!.background;
    expect(same.watts).toBeCloseTo(6.1214, 9);
    expect(same.source).not.toMatch(/scaled/);
  });

  it('an explicit leakagePower is not scaled', () => {
    const e = entry('nvmexplorer-sram-2mb');
    const t = e.energyTables({ capacity: '4 MiB', leakagePower: '10 mW' })[0]!.background;
    expect(t.watts).toBeCloseTo(0.01, 12);
    expect(t.source).toBe('user configuration');
    expect(e.energyTables({ capacity: '4 MiB' })[0]!.background.watts).toBeCloseTo(2 * 0.0669, 12);
  });

  it('kind: devices entry with a preset and canonical capacity', () => {
    const spec = { type: 'reram', preset: 'nvmexplorer-reram-optimistic', capacity: 256 * MIB };
    const t = energyTablesForSpec(spec)[0]!.background;
    expect(t.watts).toBeCloseTo(2 * 2.8421, 9);
    expect(t.source).toMatch(/scaled ×2 with the cells that hold the capacity/);
    const dev = createDeviceFromSpec(spec, new Engine(), 'r') as unknown as { params: { leakagePower: number } };
    expect(dev.params.leakagePower).toBeCloseTo(2 * 2.8421, 9);
  });
});
