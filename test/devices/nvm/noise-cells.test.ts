import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { deviceCatalog, findDevicePreset } from '../../../src/devices/index.js';
import { accessNoiseFor, noisePreset } from '../../../src/devices/noise/models.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { isUserError } from '../../../src/config/errors.js';

const entry = (name: string) => {
  const r = findDevicePreset(name);
  if (!r.ok) throw new Error(r.message);
  return r.preset;
};
const build = (device: string, noise: string) => () =>
  entry(device).create(new Engine(), device, { seed: 1, noise: accessNoiseFor(noisePreset(noise)) });

describe('a multi-level noise model must match the device cells', () => {
  it('refuses a 3-bit (8-level) model on 2-bit and 1-bit ReRAM, STT-MRAM and SRAM with a one-line user error', () => {
    for (const d of ['qmc-reram-2bit', 'qmc-reram-1bit', 'qmc-mram', 'nvmexplorer-sram-2mb']) {
      let err: unknown;
      try { build(d, 'nvmexplorer-3bit')(); } catch (e) { err = e; }
      expect(err, d).toBeDefined();
      expect(isUserError(err), d).toBe(true);
      const msg = (err as Error).message;
      expect(msg).toContain('3-bit cells (8 levels)');
      expect(msg).not.toContain('\n');
    }
    expect(build('qmc-reram-3bit', 'nvmexplorer-2bit')).toThrow(/2-bit cells \(4 levels\).*stores 3 bits per cell/);
    expect(build('qmc-reram-1bit', 'nvmexplorer-3bit-steps')).toThrow(/stores 1 bit per cell/);
  });

  it('accepts matching multi-level models and per-bit models on any device', () => {
    expect(build('qmc-reram-3bit', 'nvmexplorer-3bit')).not.toThrow();
    expect(build('qmc-reram-3bit', 'nvmexplorer-3bit-steps')).not.toThrow();
    expect(build('qmc-reram-2bit', 'nvmexplorer-2bit')).not.toThrow();
    for (const d of deviceCatalog.filter((e) => e.type !== 'lpddr5')) {
      expect(build(d.name, 'stt-mram-default'), d.name).not.toThrow();
      expect(build(d.name, 'sram-default'), d.name).not.toThrow();
    }
  });

  it('replay with a mismatched model stops before running (user error, not an internal one)', () => {
    const trace = { name: 't.trc', data: Buffer.from('0 R 0x0 64 1\n') };
    let err: unknown;
    try { runReplay({ device: 'qmc-reram-2bit', trace, noise: accessNoiseFor(noisePreset('nvmexplorer-3bit')) }); } catch (e) { err = e; }
    expect(isUserError(err)).toBe(true);
  });
});
