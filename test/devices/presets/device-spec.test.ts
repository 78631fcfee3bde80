import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Engine } from '../../../src/engine/engine.js';
import { registerPlugins } from '../../../src/cli/plugins.js';
import { devicesKindSchema } from '../../../src/config/builtin-kinds.js';
import { loadConfigFile } from '../../../src/config/load.js';
import { createDeviceFromSpec, energyTablesForSpec, type DeviceSpec } from '../../../src/devices/index.js';
import { priceCounts } from '../../../src/devices/energy/energy-table.js';

const root = join(import.meta.dirname, '..', '..', '..');

function load(file: string): DeviceSpec[] {
  registerPlugins();
  return (loadConfigFile(file, devicesKindSchema()) as { devices: DeviceSpec[] }).devices;
}

describe('devices from `kind: devices` configuration entries', () => {
  it('every entry of every configs/devices file builds and prices a read', () => {
    for (const f of ['qmc-table1.yaml', 'qmc-reram-modes.yaml', 'nvmexplorer-tentpoles.yaml', 'sram.yaml', 'orin-lpddr5.yaml']) {
      for (const spec of load(join(root, 'configs', 'devices', f))) {
        const e = new Engine();
        const d = createDeviceFromSpec(spec, e, spec.id ?? spec.type, { seed: 1 });
        let done = -1;
        d.setCompletion((_id, t) => { done = t; });
        expect(d.offer(0, 0, 64, false, 0)).toBe(true);
        e.run();
        expect(done).toBeGreaterThan(0);
        const tables = energyTablesForSpec(spec);
        expect(tables.length).toBeGreaterThan(0);
        expect(priceCounts(d.counts(), tables[0]!).totalPj).toBeGreaterThan(0);
      }
    }
  });

  it('a preset plus an override: the override wins and is sourced as user configuration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-dev-'));
    try {
      const f = join(dir, 'd.yaml');
      writeFileSync(f, 'kind: devices\ndevices:\n  - type: stt-mram\n    id: fast\n    preset: qmc-mram\n    readLatency: 2 ns\n    readEnergy: 0.5 pJ/bit\n');
      const [spec] = load(f);
      const e = new Engine();
      const d = createDeviceFromSpec(spec!, e, 'fast');
      let done = -1;
      d.setCompletion((_id, t) => { done = t; });
      d.offer(0, 0, 64, false, 0);
      e.run();
      expect(done).toBe(2000 + Math.ceil((64 / (36.57 * 2 ** 30)) * 1e12));
      const t = energyTablesForSpec(spec!)[0]!;
      expect(t.actions.readBits!.pj).toBe(0.5);
      expect(t.actions.readBits!.source).toBe('user configuration');
      expect(t.actions.writeBits!.source).toMatch(/NVMExplorer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an entry without a preset must give every parameter', () => {
    expect(() => createDeviceFromSpec({ type: 'stt-mram', id: 'x', readLatency: 3500 }, new Engine(), 'x')).toThrow(/missing parameter\(s\) capacity/);
  });
});
