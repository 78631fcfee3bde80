/**
 * ReRAM read energy follows the sensing scheme: readEnergy prices all 2^b − 1 reference comparisons
 * of a cell (sequential / parallel: today's figures, exactly), binary sensing makes b of them and is
 * priced at b/(2^b − 1) of it, marked as an estimate with its derivation; `describe` says so.
 */
import { describe, expect, it } from 'vitest';
import { catalogEntryFromSpec, findDevicePreset } from '../../../src/devices/index.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { senseEnergyFactor } from '../../../src/devices/nvm/sensing.js';
import { reramDescriptor } from '../../../src/devices/nvm/reram-plugin.js';

const trace = { name: 'seq.trc', data: Buffer.from(Array.from({ length: 1024 }, (_, i) => `0 R 0x${(i * 64).toString(16)} 64 1\n`).join('')) };

/** Energy of reading 64 KiB sequentially (replay), and the readBits entry that priced it. */
function readAll(spec: Record<string, unknown>) {
  const entry = catalogEntryFromSpec({ type: 'reram', id: 'r', ...spec });
  const r = runReplay({ device: entry, trace }).result;
  expect(r.reads).toBe(1024);
  const table = entry.energyTables()[0]!;
  return { pj: r.energy[0]!.totalPj, readBits: table.actions.readBits!, comparisons: r.counts.actions.senseComparisons! };
}

describe('ReRAM read energy and the sensing scheme', () => {
  it('binary sensing of a 3-bit cell costs 3/7 of sequential; parallel the same as sequential', () => {
    const seq = readAll({ preset: 'qmc-reram-3bit' });
    const bin = readAll({ preset: 'qmc-reram-3bit', sensing: 'binary' });
    const par = readAll({ preset: 'qmc-reram-3bit', sensing: 'parallel' });
    expect(seq.readBits.pj).toBe(1.56); // today's figure, sourced
    expect(seq.readBits.estimate).toBeUndefined();
    expect(seq.pj).toBeCloseTo(65536 * 8 * 1.56, 6);
    expect(par.pj).toBe(seq.pj);
    expect(bin.readBits.pj).toBeCloseTo((1.56 * 3) / 7, 12);
    expect(bin.pj).toBeCloseTo((seq.pj * 3) / 7, 6);
    expect(bin.comparisons / seq.comparisons).toBeCloseTo(3 / 7, 12);
    expect(bin.readBits.estimate).toBe(true);
    expect(bin.readBits.source).toMatch(/^derived: readEnergy \(QMC \(arXiv 2601\.14549\) Table 1\) × 3\/7: binary sensing makes 3 of the 7 reference comparisons/);
  });

  it('2-bit binary is 2/3; SLC is unchanged; a user readEnergy is scaled the same way', () => {
    expect(senseEnergyFactor(2, 'binary')).toBeCloseTo(2 / 3, 15);
    expect(senseEnergyFactor(1, 'binary')).toBe(1);
    const two = readAll({ preset: 'qmc-reram-2bit', sensing: 'binary' });
    expect(two.readBits.pj).toBeCloseTo(1.0029 * 2 / 3, 12);
    const slc = readAll({ preset: 'qmc-reram-1bit', sensing: 'binary' });
    expect(slc.readBits.pj).toBe(readAll({ preset: 'qmc-reram-1bit' }).readBits.pj);
    const own = readAll({ preset: 'qmc-reram-3bit', sensing: 'binary', readEnergy: 2 });
    expect(own.readBits.pj).toBeCloseTo(6 / 7, 12);
    expect(own.readBits.source).toMatch(/^derived: readEnergy \(user configuration\) × 3\/7/);
  });

  it('the catalogue path (SoC device block overrides) prices binary sensing too', () => {
    const r = findDevicePreset('qmc-reram-3bit');
    if (!r.ok) throw new Error(r.message);
    expect(r.preset.energyTables({ sensing: 'binary' })[0]!.actions.readBits!.pj).toBeCloseTo((1.56 * 3) / 7, 12);
  });

  it('describe documents it on readEnergy and sensing', () => {
    const doc = (n: string) => reramDescriptor.params.find((p) => p.name === n)!.description;
    expect(doc('readEnergy')).toMatch(/binary sensing is priced at b\/\(2\^b − 1\) of it/);
    expect(doc('sensing')).toMatch(/read energy follows the comparisons made/);
  });
});
