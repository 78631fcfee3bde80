/**
 * Claim arithmetic the paper-input fixture cannot tell apart: CDC energy counted in fetch energy,
 * area when a device stores fewer bits per cell than its density figure assumes, Flash cells at
 * more than one bit per cell, emems-energy including interconnect, and the bottleneck ignoring
 * devices that hold no weights.
 */
import { describe, expect, it } from 'vitest';
import { computeClaims, deviceAreaMm2, type AreaModel, type ClaimRoles } from '../../src/study/claims-calc.js';
import { bottleneck, fetchEnergy, type DeviceUse, type RunSummary, type Technology } from '../../src/study/run-summary.js';

function dev(id: string, technology: Technology, bits: number, bitsPerCell: number, readPj: number, linkPj: number, streamPs: number): DeviceUse {
  return {
    id, technology, weightBytes: bits / 8, weightBitsStored: bits, bitsPerCell, external: true,
    readEnergyPj: readPj, backgroundEnergyPj: 0, linkEnergyPj: linkPj,
    busyPs: 0, streamPs, bitErrors: 0, bitsRead: 0, expectedBitErrors: 0,
  };
}
const run = (id: string, devices: DeviceUse[], cdcEnergyPj = 0): RunSummary =>
  ({ id, label: id, latencyPs: Math.max(...devices.map((d) => d.streamPs)), devices, cdcEnergyPj, metrics: {} });

const area: AreaModel = {
  densities: { lpddr5: { bitsPerMm2: 1000, bitsPerCell: 1 }, 'stt-mram': { bitsPerMm2: 500, bitsPerCell: 1 }, reram: { bitsPerMm2: 300, bitsPerCell: 3 } },
  flashBitsPerMm2: 10_000, flashBitsPerCell: 2,
};

describe('claims-calc edges', () => {
  it('fetch energy adds the clock-domain-crossing energy', () => {
    expect(fetchEnergy(run('r', [dev('a', 'lpddr5', 800, 1, 100, 20, 1)], 7))).toBe(127);
  });

  it('a device at 2 bits per cell, density given at 3: cells × (3 / density)', () => {
    // 600 bits in 300 cells; a cell takes 3 / 300 mm² → 3 mm² (not 600 / 300 = 2)
    expect(deviceAreaMm2(dev('r', 'reram', 600, 2, 0, 0, 1), area)).toBeCloseTo(3, 12);
    expect(deviceAreaMm2(dev('r', 'reram', 600, 3, 0, 0, 1), area)).toBeCloseTo(2, 12);
  });

  const roles: ClaimRoles = {
    fp16: run('fp16', [dev('dram', 'lpddr5', 1600, 1, 1600, 0, 100)]),
    int4: run('int4', [dev('dram', 'lpddr5', 400, 1, 400, 0, 25)]),
    qmc3: run('qmc3', [dev('mram', 'stt-mram', 100, 1, 100, 10, 5), dev('reram', 'reram', 300, 3, 200, 30, 10)], 5),
    qmc2: run('qmc2', [dev('mram', 'stt-mram', 100, 1, 100, 10, 5), dev('reram', 'reram', 300, 2, 200, 30, 12)]),
    ememsMram: run('em', [dev('mram', 'stt-mram', 400, 1, 400, 40, 20)]),
    ememsReram: run('er', [dev('reram', 'reram', 400, 3, 300, 40, 15)], 10),
  };
  const c = computeClaims(roles, area);

  it('memory-vs-flash counts Flash cells at the configured bits per cell', () => {
    // fp16 cells 1600, Flash 1600 bits / 2 = 800 cells, QMC cells 100 + 100 = 200
    expect(c['memory-vs-flash']).toBeCloseTo((1600 + 800) / 200, 12);
  });

  it('emems-energy compares fetch energy (read + link + CDC), not read energy alone', () => {
    expect(c['emems-energy']).toBeCloseTo((300 + 40 + 10) / (100 + 10 + 200 + 30 + 5), 12);
    expect(c['energy-device']).toBeCloseTo(1600 / 300, 12);
  });

  it('the bottleneck is the slowest device that holds weights', () => {
    const r = run('x', [dev('a', 'lpddr5', 800, 1, 0, 0, 10), { ...dev('kv', 'sram', 0, 1, 0, 0, 50) }, dev('b', 'reram', 300, 3, 0, 0, 20)]);
    expect(bottleneck(r)).toBe('b');
  });
});
