import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { accessNoiseFor, noisePreset } from '../../../src/devices/noise/models.js';
import { dramRetentionErrorProbability, DRAM_RETENTION_DEFAULTS } from '../../../src/devices/noise/dram-retention.js';
import { catalogEntryFromSpec, findDevicePreset } from '../../../src/devices/index.js';
import { isUserError } from '../../../src/config/errors.js';
import { binomialInterval } from './stats-helpers.js';

const lines = Array.from({ length: 4000 }, (_, i) => `${i % 7 === 0 ? 'ST' : 'LD'} 0x${(i * 4096 + (i % 13) * 64).toString(16)}`);
const trace = { name: 'lp.trace', data: Buffer.from(`${lines.join('\n')}\n`) };
// A refresh window long enough for a measurable rate (retention tail median 315 s): p ≈ 0.4.
const leaky = { kind: 'dram-retention', ...DRAM_RETENTION_DEFAULTS, refreshWindowSeconds: 200 } as const;

describe('LPDDR5 retention errors are sampled per read (ReadNoiseDevice)', () => {
  it('every LPDDR5 read draws its bit errors; Monte-Carlo count inside the 99.9 % binomial interval', () => {
    const p = dramRetentionErrorProbability(leaky);
    expect(p).toBeGreaterThan(0.2);
    const run = runReplay({ device: 'qmc-lpddr5', trace, seed: 3, noise: accessNoiseFor(leaky) });
    const byTag = run.result.errors.byTag;
    expect(byTag.length).toBe(1);
    const s = byTag[0]!;
    expect(s.accesses).toBe(run.result.reads);
    expect(s.bitsRead).toBe(run.result.bytesRead * 8);
    expect(s.expectedBitErrors).toBeCloseTo(s.bitsRead * p, 6);
    const [lo, hi] = binomialInterval(s.bitsRead, p);
    expect(s.bitErrors).toBeGreaterThanOrEqual(lo);
    expect(s.bitErrors).toBeLessThanOrEqual(hi);
  });

  it('noise never changes timing or counts; same seed gives identical statistics', () => {
    const clean = runReplay({ device: 'qmc-lpddr5', trace, seed: 3 }).result;
    const a = runReplay({ device: 'qmc-lpddr5', trace, seed: 3, noise: accessNoiseFor(leaky) }).result;
    const b = runReplay({ device: 'qmc-lpddr5', trace, seed: 3, noise: accessNoiseFor(leaky) }).result;
    expect(a.readLatency).toEqual(clean.readLatency);
    expect(a.counts).toEqual(clean.counts);
    expect(b.errors).toEqual(a.errors);
    expect(clean.errors.byTag).toEqual([]);
  });

  it('the JEDEC 32 ms window gives the tiny default rate; a config-file LPDDR5 entry takes noise too', () => {
    const noise = accessNoiseFor(noisePreset('lpddr5-retention'));
    expect(noise.expectedErrorsPerBit).toBeGreaterThan(0);
    expect(noise.expectedErrorsPerBit).toBeLessThan(1e-12);
    const entry = catalogEntryFromSpec({ type: 'lpddr5', id: 'lp', preset: 'orin-agx' });
    const run = runReplay({ device: entry, trace, noise });
    expect(run.result.errors.byTag[0]?.accesses).toBe(run.result.reads);
  });

  it('a multi-level model on LPDDR5 is a user error', () => {
    const r = findDevicePreset('qmc-lpddr5');
    if (!r.ok) throw new Error(r.message);
    let err: unknown;
    try { r.preset.create(new Engine(), 'lp', { noise: accessNoiseFor(noisePreset('nvmexplorer-2bit')) }); } catch (e) { err = e; }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/2-bit cells .* stores 1 bit per cell/);
  });
});
