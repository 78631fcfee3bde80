import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { nvmAndSramPresets, presetEstimates, resolvePreset } from '../../../src/devices/presets/index.js';
import { renderDeviceConfigs } from '../../../src/devices/presets/yaml.js';
import { deviceCatalog, devicePlugins, deviceSchemas, findDevicePreset, presetEstimatesByName } from '../../../src/devices/index.js';
import { registerPlugins } from '../../../src/cli/plugins.js';
import { validateFile } from '../../../src/cli/commands/validate.js';
import type { SourcedValue } from '../../../src/devices/presets/param-spec.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('device presets', () => {
  it('every parameter of every preset has a value and a source, and resolves through the schema', () => {
    for (const p of nvmAndSramPresets) {
      for (const [k, v] of Object.entries(p.params) as [string, SourcedValue][]) {
        expect(v.source.trim().length, `${p.name}.${k}`).toBeGreaterThan(5);
        expect(v.value === '' ? undefined : v.value, `${p.name}.${k}`).toBeDefined();
      }
      expect(() => resolvePreset(p, deviceSchemas[p.type as 'sram'] as never)).not.toThrow();
    }
  });

  it('lists the estimate parameters of a preset (QMC MRAM: write side estimated, Table 1 figures not)', () => {
    const est = presetEstimates(nvmAndSramPresets.find((p) => p.name === 'qmc-mram')!);
    expect(est).toContain('writeLatency');
    expect(est).toContain('writeEnergy');
    expect(est).not.toContain('readLatency');
    expect(est).not.toContain('channelBandwidth');
    expect(est).not.toContain('readEnergy');
    expect([...est].sort()).toEqual(est);
    const r3 = presetEstimates(nvmAndSramPresets.find((p) => p.name === 'qmc-reram-3bit')!);
    expect(r3).not.toContain('readEnergy');
    expect(r3).not.toContain('arrayBandwidth');
    const r2 = presetEstimates(nvmAndSramPresets.find((p) => p.name === 'qmc-reram-2bit')!);
    expect(r2).toContain('readEnergy');
  });

  it('QMC Table 1 numbers are exact in the resolved presets', () => {
    const m = resolvePreset(nvmAndSramPresets.find((p) => p.name === 'qmc-mram')! as never, deviceSchemas['stt-mram']);
    expect(m.readLatency).toBe(3500);
    expect(m.readEnergy).toBe(1);
    expect(m.channelBandwidth).toBeCloseTo(36.57 * 2 ** 30, 0);
    expect(m.density).toBe(66 * 2 ** 20); // Table 1 Mb read as binary megabits (experiments/qmc/study.yaml)
    const r = resolvePreset(nvmAndSramPresets.find((p) => p.name === 'qmc-reram-3bit')! as never, deviceSchemas.reram);
    expect(r.readEnergy).toBe(1.56);
    expect(r.arrayBandwidth).toBeCloseTo(1.8 * 2 ** 30, 0);
    expect(r.density).toBeCloseTo(30.1 * 2 ** 20, 0);
    expect([r.arrayRows, r.arrayCols, r.bitsPerCell]).toEqual([256, 256, 3]);
  });

  it('the catalogue covers QMC, Orin and the tentpoles; estimates are a subset of sourced names', () => {
    const names = deviceCatalog.map((e) => e.name);
    for (const n of ['qmc-mram', 'qmc-reram-3bit', 'qmc-lpddr5', 'orin-lpddr5-6400', 'nvmexplorer-mram-optimistic', 'nvmexplorer-mram-pessimistic', 'nvmexplorer-reram-optimistic', 'nvmexplorer-reram-pessimistic']) {
      expect(names).toContain(n);
    }
    for (const e of deviceCatalog) for (const k of e.estimates) expect(Object.keys(e.sources)).toContain(k);
    expect(presetEstimatesByName()['qmc-lpddr5']).toContain('energy.writeBits');
    const miss = findDevicePreset('orin-lpddr5');
    expect(miss.ok).toBe(false);
    if (!miss.ok) expect(miss.message).toMatch(/did you mean 'orin-lpddr5-6400'/);
    // the words of a preset name in another order
    const swapped = findDevicePreset('lpddr5-orin');
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) expect(swapped.message).toMatch(/did you mean 'orin-lpddr5-6400'/);
    const vague = findDevicePreset('reram-qmc');
    if (!vague.ok) expect(vague.message).not.toMatch(/did you mean/);
  });

  it('descriptors list every parameter with unit kind, default and source', () => {
    for (const d of devicePlugins.filter((x) => x.type !== 'lpddr5')) {
      for (const p of d.params) {
        expect(p.default, `${d.type}.${p.name}`).toBeDefined();
        expect(p.source, `${d.type}.${p.name}`).toMatch(/\(preset /);
        expect(p.kind).toBeDefined();
      }
      expect(Object.keys(d.presets ?? {}).length).toBeGreaterThan(0);
      expect(d.actions?.length).toBeGreaterThan(0);
    }
  });
});

describe('configs/devices YAML', () => {
  const files = renderDeviceConfigs();
  it('committed files equal the rendering of the presets', () => {
    if (process.env.UPDATE_DEVICE_CONFIGS === '1') {
      mkdirSync(join(root, 'configs', 'devices'), { recursive: true });
      for (const [f, text] of Object.entries(files)) writeFileSync(join(root, 'configs', 'devices', f), text);
    }
    for (const [f, text] of Object.entries(files)) {
      const path = join(root, 'configs', 'devices', f);
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe(text);
    }
  });

  it('each file validates as `kind: devices` against the registered descriptors', () => {
    registerPlugins();
    for (const f of Object.keys(files)) {
      const r = validateFile(join(root, 'configs', 'devices', f));
      expect(r.kind).toBe('devices');
    }
  });
});
