/**
 * LPDDR5 presets have one set of names everywhere: a `kind: devices` entry, `replay --device` and
 * an SoC memory's device block all accept the plug-in names (LPDDR5_6400, orin-agx, qmc-table1) and
 * the device-catalogue names (lpddr5-6400-x16, orin-lpddr5-6400, qmc-lpddr5), and their errors list
 * both.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Engine } from '../../../src/engine/engine.js';
import { registerPlugins } from '../../../src/cli/plugins.js';
import { devicesKindSchema } from '../../../src/config/builtin-kinds.js';
import { loadConfigFile } from '../../../src/config/load.js';
import { catalogEntryFromSpec, findDevicePreset, type DeviceSpec } from '../../../src/devices/index.js';
import { parseLpddr5Params, resolveLpddr5 } from '../../../src/devices/dram/index.js';
import { defaultDeviceFactory } from '../../../src/arch/device-factory.js';

const PAIRS = [['qmc-lpddr5', 'qmc-table1'], ['orin-lpddr5-6400', 'orin-agx'], ['lpddr5-6400-x16', 'LPDDR5_6400']] as const;

function loadDevices(text: string): DeviceSpec[] {
  registerPlugins();
  const dir = mkdtempSync(join(tmpdir(), 'qmcsim-lp5-'));
  try {
    const f = join(dir, 'd.yaml');
    writeFileSync(f, `kind: devices\nversion: 1\ndevices:\n${text}`);
    return (loadConfigFile(f, devicesKindSchema()) as { devices: DeviceSpec[] }).devices;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('LPDDR5 preset spellings', () => {
  it('a kind: devices entry takes either name; both build the same device and energy tables', () => {
    const specs = loadDevices(PAIRS.flatMap(([cat, own]) => [`  - { type: lpddr5, id: c-${cat}, preset: ${cat} }`, `  - { type: lpddr5, id: p-${own}, preset: ${own} }`]).join('\n') + '\n');
    for (let i = 0; i < specs.length; i += 2) {
      const [a, b] = [catalogEntryFromSpec(specs[i]!), catalogEntryFromSpec(specs[i + 1]!)];
      expect(a.energyTables().map((t) => t.name)).toEqual(b.energyTables().map((t) => t.name));
      expect(a.summary).toBe(b.summary);
      expect(a.estimates).toEqual(b.estimates);
      expect(a.create(new Engine(), 'a').peakBandwidth).toBe(b.create(new Engine(), 'b').peakBandwidth);
    }
    expect(catalogEntryFromSpec(specs[0]!).energyTables()[0]!.name).toMatch(/^qmc-table1/);
  });

  it('a misspelt preset in a kind: devices entry lists both spellings with a did-you-mean', () => {
    expect(() => loadDevices('  - { type: lpddr5, id: x, preset: orin-lpddr5-640 }\n')).toThrow(
      /devices\[0\]\.preset: expected one of 'LPDDR5_6400', 'orin-agx', 'qmc-table1', 'qmc-lpddr5', 'orin-lpddr5-6400', 'lpddr5-6400-x16', found 'orin-lpddr5-640'; did you mean 'orin-lpddr5-6400'\?/);
  });

  it('replay --device and an SoC device block find the plug-in names; a miss lists both', () => {
    for (const [cat, own] of PAIRS) {
      const r = findDevicePreset(own);
      expect(r.ok && r.preset.name).toBe(cat);
      const b = defaultDeviceFactory({ preset: own }, new Engine(), 'm', 0);
      const c = defaultDeviceFactory({ preset: cat }, new Engine(), 'm', 0);
      expect(b.energyTable.name).toBe(c.energyTable.name);
    }
    const miss = findDevicePreset('orin-ag');
    expect(miss.ok).toBe(false);
    if (!miss.ok) expect(miss.message).toMatch(/did you mean 'orin-agx'\?.*orin-lpddr5-6400 \(or orin-agx\)/);
    expect(resolveLpddr5({ preset: 'qmc-lpddr5' }).presetName).toBe('qmc-table1');
    expect(parseLpddr5Params({ preset: 'lpddr5-6400-x16' }).preset).toBe('LPDDR5_6400');
  });
});
