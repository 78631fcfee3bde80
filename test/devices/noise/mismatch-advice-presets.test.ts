// Regression: `qmcsim replay --device <lpddr5> --noise nvmexplorer-2bit` advised 'e.g. dram-retention',
// a model type, while the --noise preset is 'lpddr5-retention'; the NVM advice named no preset at all.
// The advice is now built from the preset registry: every name it gives is a preset that fits.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { findDevicePreset } from '../../../src/devices/index.js';
import { accessNoiseFor, noisePreset, noisePresets, noisePresetsFitting } from '../../../src/devices/noise/models.js';
import { runCli } from '../../cli/cli-helpers.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function mismatch(device: string, noise: string): string {
  const r = findDevicePreset(device);
  if (!r.ok) throw new Error(r.message);
  try {
    r.preset.create(new Engine(), device, { seed: 1, noise: accessNoiseFor(noisePreset(noise)) });
  } catch (e) { return (e as Error).message; }
  throw new Error(`${device} accepted ${noise}`);
}

/** The preset names after 'preset ' / 'presets: ' in the advice. */
function advised(msg: string): string[] {
  const m = /\((?:e\.g\. preset|presets:) ([^)]*)\)$/.exec(msg);
  expect(m, msg).not.toBeNull();
  return m![1]!.split(', ');
}

/** Whether the preset is accepted by the device. */
function fits(device: string, noise: string): boolean {
  const r = findDevicePreset(device);
  if (!r.ok) throw new Error(r.message);
  try { r.preset.create(new Engine(), device, { seed: 1, noise: accessNoiseFor(noisePreset(noise)) }); return true; } catch { return false; }
}

describe('cell-mismatch advice names real presets that fit', () => {
  it('LPDDR5 with a multi-level model suggests the retention preset, not the type name', () => {
    const msg = mismatch('qmc-lpddr5', 'nvmexplorer-2bit');
    const names = advised(msg);
    expect(names).toContain('lpddr5-retention');
    expect(msg).not.toMatch(/e\.g\. dram-retention/);
    for (const n of names) {
      expect(Object.keys(noisePresets), n).toContain(n);
      expect(fits('qmc-lpddr5', n), n).toBe(true);
    }
  });

  it('NVM devices list the presets of their level count and the per-bit presets', () => {
    for (const [device, noise] of [['qmc-reram-2bit', 'nvmexplorer-3bit'], ['qmc-reram-3bit', 'nvmexplorer-2bit'], ['qmc-reram-1bit', 'nvmexplorer-3bit-steps'], ['qmc-mram', 'nvmexplorer-2bit']] as const) {
      const names = advised(mismatch(device, noise));
      expect(names.length, device).toBeGreaterThan(0);
      for (const n of names) {
        expect(Object.keys(noisePresets), n).toContain(n);
        expect(fits(device, n), `${device} ${n}`).toBe(true);
      }
    }
    expect(noisePresetsFitting(3)).toEqual(expect.arrayContaining(['nvmexplorer-3bit', 'nvmexplorer-3bit-steps', 'stt-mram-default']));
    expect(noisePresetsFitting(2)).not.toContain('nvmexplorer-3bit');
  });

  it('qmcsim replay on LPDDR5 with --noise nvmexplorer-2bit: exit 2, advice names lpddr5-retention', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-advice-'));
    try {
      const f = join(dir, 't.trc');
      writeFileSync(f, '0 R 0x0 64\n');
      const r = await runCli('replay', '--device', 'qmc-lpddr5', '--trace', f, '--noise', 'nvmexplorer-2bit');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/use a per-bit model \(e\.g\. preset lpddr5-retention\)\n$/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
