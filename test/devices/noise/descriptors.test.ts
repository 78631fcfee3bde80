import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../../src/units/parse.js';
import type { Dimension } from '../../../src/units/quantity.js';
import { noiseDescriptors } from '../../../src/devices/noise/descriptors.js';
import { noiseModelFromConfig, noiseModelSchema } from '../../../src/devices/noise/from-config.js';
import { accessNoiseFor, noisePresets } from '../../../src/devices/noise/models.js';
import { MTJ_DEFAULTS } from '../../../src/devices/noise/mtj-switching.js';
import { SRAM_DEFAULTS } from '../../../src/devices/noise/sram-lowvoltage.js';
import { DRAM_RETENTION_DEFAULTS } from '../../../src/devices/noise/dram-retention.js';

const NON_DIM = new Set(['integer', 'number', 'string', 'boolean', 'enum', 'object', 'list']);

/** Canonical value of a descriptor default as the config layer would produce it. */
function canonical(kind: string, v: string | number | boolean): unknown {
  if (NON_DIM.has(kind)) return v;
  const r = parseQuantity(String(v), kind as Dimension);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('NoiseModel descriptors', () => {
  it('cover every kind, name presets that exist, and document every parameter', () => {
    expect(noiseDescriptors.map((d) => d.type).sort()).toEqual(
      ['bit-flip', 'dram-retention', 'gaussian-levels', 'level-step', 'none', 'sram-lowvoltage', 'stt-mram']);
    for (const d of noiseDescriptors) {
      expect(d.interface).toBe('NoiseModel');
      for (const name of Object.keys(d.presets ?? {})) expect((noisePresets[name] as { kind: string }).kind).toBe(d.type);
      for (const p of d.params) {
        expect(p.description.length, `${d.type}.${p.name}`).toBeGreaterThan(5);
        if (p.default !== undefined) expect(p.source, `${d.type}.${p.name} source`).toBeDefined();
      }
    }
  });
  it('documented defaults equal the defaults the models use', () => {
    const built: Record<string, Record<string, unknown>> = {
      'stt-mram': { thermalStability: MTJ_DEFAULTS.thermalStability, attemptTime: MTJ_DEFAULTS.attemptTimeSeconds,
        readCurrentRatio: MTJ_DEFAULTS.readCurrentRatio, readPulse: MTJ_DEFAULTS.readPulseSeconds,
        barrierExponent: MTJ_DEFAULTS.barrierExponent, writeCurrentRatio: MTJ_DEFAULTS.writeCurrentRatio,
        writePulse: MTJ_DEFAULTS.writePulseSeconds, precessionTime: MTJ_DEFAULTS.precessionTimeSeconds,
        timeSinceWrite: MTJ_DEFAULTS.timeSinceWriteSeconds, includeWriteErrors: MTJ_DEFAULTS.includeWriteErrors },
      'sram-lowvoltage': { vdd: SRAM_DEFAULTS.vdd, v50: SRAM_DEFAULTS.v50, sigmaV: SRAM_DEFAULTS.sigmaV },
      'dram-retention': { refreshWindow: DRAM_RETENTION_DEFAULTS.refreshWindowSeconds,
        medianRetention: DRAM_RETENTION_DEFAULTS.medianRetentionSeconds, sigmaLn: DRAM_RETENTION_DEFAULTS.sigmaLn },
    };
    for (const [type, want] of Object.entries(built)) {
      const d = noiseDescriptors.find((x) => x.type === type);
      for (const p of d?.params ?? []) {
        const got = canonical(p.kind, p.default ?? NaN);
        const w = want[p.name];
        if (typeof w === 'number') expect(Math.abs((got as number) / w - 1), `${type}.${p.name}`).toBeLessThan(1e-3);
        else expect(got, `${type}.${p.name}`).toBe(w);
      }
      // And a config with only `type` resolves to the same per-bit rate as the model defaults.
      const fromCfg = noiseModelFromConfig({ type });
      const docDefaults: Record<string, unknown> = { type };
      for (const p of d?.params ?? []) docDefaults[p.name] = canonical(p.kind, p.default ?? NaN);
      const fromDocs = noiseModelFromConfig(docDefaults);
      const a = accessNoiseFor(fromCfg).expectedErrorsPerBit;
      const b = accessNoiseFor(fromDocs).expectedErrorsPerBit;
      expect(Math.abs(a - b) <= 1e-2 * Math.abs(a) + 1e-300, type).toBe(true);
    }
  });
});

describe('noiseModelSchema (YAML noise block)', () => {
  it('applies a preset and overrides on top, with quantities through q.*', () => {
    const r = noiseModelSchema.parse({ type: 'gaussian-levels', preset: 'nvmexplorer-3bit', levelSpreadScale: 2, driftNu: 0.01, timeSinceProgram: '1 day' });
    expect(r.kind).toBe('gaussian-levels');
    if (r.kind !== 'gaussian-levels') return;
    expect(r.means).toHaveLength(8);
    expect(r.levelSpreadScale).toBe(2);
    expect(r.drift?.timeSeconds).toBe(86400);
    const m = noiseModelSchema.parse({ type: 'stt-mram', readPulse: '5 ns', timeSinceWrite: '10 years' });
    expect(m).toMatchObject({ kind: 'stt-mram', readPulseSeconds: 5e-9, timeSinceWriteSeconds: 10 * 365.25 * 86400 });
    const l = noiseModelSchema.parse({ type: 'level-step', levels: 4, pDown: [1e-3], pUp: [1e-3, 2e-3, 3e-3, 0] });
    expect(l).toMatchObject({ kind: 'level-step', levels: 4, pDown: 1e-3 });
  });
  it('reports bad input as expected/found issues on the right key', () => {
    const bad = (v: unknown): { path: unknown[]; message: string }[] => {
      const r = noiseModelSchema.safeParse(v);
      expect(r.success).toBe(false);
      return r.success ? [] : r.error.issues.map((i) => ({ path: [...i.path], message: i.message }));
    };
    expect(bad({ type: 'gaussian-level' })[0]?.path).toEqual(['type']);
    expect(bad({ type: 'stt-mram', readPulse: 5 })[0]).toMatchObject({ path: ['readPulse'] });
    expect(bad({ type: 'gaussian-levels', preset: 'nvmexplorer-3bit', levelSpredScale: 2 })[0]?.message).toMatch(/levelSpredScale/);
    expect(bad({ type: 'gaussian-levels', means: [0, 1], sigmas: [0.1] })[0]?.message).toMatch(/sigmas: expected 2 values, found 1/);
    expect(bad({ type: 'gaussian-levels' }).map((i) => i.path[0])).toEqual(['means', 'sigmas']);
    expect(bad('gaussian')[0]?.message).toMatch(/expected a noise model/);
  });
});
