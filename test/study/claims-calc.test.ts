/**
 * Claim arithmetic on hand-built run summaries: each claim is the ratio the paper defines, the
 * eMEMs closing energy really closes the gap, the area balance adds up.
 */
import { describe, expect, it } from 'vitest';
import { areaBreakdown, computeClaims, ememsEnergyToClose, type AreaModel, type ClaimRoles } from '../../src/study/claims-calc.js';
import { fetchEnergy, type DeviceUse, type RunSummary, type Technology } from '../../src/study/run-summary.js';

const N = 1e9; // weights
function dev(id: string, technology: Technology, bits: number, bitsPerCell: number, ePerBit: number, net: number, external: boolean, bw: number): DeviceUse {
  const bytes = (bits * N) / 8;
  return {
    id, technology, weightBytes: bytes, weightBitsStored: bits * N, bitsPerCell, external,
    readEnergyPj: bits * N * ePerBit, backgroundEnergyPj: 0, linkEnergyPj: bits * N * net,
    busyPs: 0, streamPs: (bytes / bw) * 1e12, bitErrors: 0, bitsRead: 0, expectedBitErrors: 0,
  };
}
function run(id: string, devices: DeviceUse[]): RunSummary {
  return { id, label: id, latencyPs: Math.max(...devices.map((d) => d.streamPs)), devices, cdcEnergyPj: 0, metrics: {} };
}
const BW_L = 200e9;
const BW_R = 1.638 * BW_L;
const BW_M = 250e9;
const roles: ClaimRoles = {
  fp16: run('fp16', [dev('lpddr5', 'lpddr5', 16, 1, 3.5, 0, true, BW_L)]),
  int4: run('int4', [dev('lpddr5', 'lpddr5', 4, 1, 3.5, 0, true, BW_L)]),
  qmc3: run('qmc3', [dev('mram', 'stt-mram', 1.5, 1, 1.0, 0.09, false, BW_M), dev('reram', 'reram', 2.1, 3, 1.56, 0.09, true, BW_R)]),
  qmc2: run('qmc2', [dev('mram', 'stt-mram', 1.5, 1, 1.0, 0.09, false, BW_M), dev('reram', 'reram', 2.1, 2, 1.56, 0.09, true, BW_R)]),
  ememsMram: run('em', [dev('mram', 'stt-mram', 4, 1, 1.0, 0.09, false, BW_M)]),
  ememsReram: run('er', [dev('reram', 'reram', 4, 3, 1.56, 0.09, true, BW_R)]),
};
const MiB = 2 ** 20;
const area: AreaModel = {
  densities: { lpddr5: { bitsPerMm2: 209.9 * MiB, bitsPerCell: 1 }, 'stt-mram': { bitsPerMm2: 66 * MiB, bitsPerCell: 1 }, reram: { bitsPerMm2: 30.1 * MiB, bitsPerCell: 3 } },
  flashBitsPerMm2: 10e9, flashBitsPerCell: 1,
};

describe('computeClaims', () => {
  const c = computeClaims(roles, area);
  it('gives the paper ratios for the paper inputs', () => {
    expect(c.compression).toBeCloseTo(16 / 3.6, 10);
    expect(c['memory-3bit']).toBeCloseTo(16 / 2.2, 10);
    expect(c['memory-2bit']).toBeCloseTo(16 / (1.05 + 1.5), 10);
    expect(c['memory-vs-flash']).toBeCloseTo(32 / 2.2, 10);
    expect(c.transfers).toBeCloseTo(16 / 2.1, 10);
    expect(c['energy-device']).toBeCloseTo(56 / (2.1 * 1.56 + 1.5), 10);
    expect(c['energy-total']).toBeCloseTo(56 / (2.1 * 1.65 + 1.5 * 1.09), 10);
    expect(c['latency-vs-fp16']).toBeCloseTo(16 * 1.638 / 2.1, 6);
    expect(c['latency-vs-int4']).toBeCloseTo(4 * 1.638 / 2.1, 6);
    expect(c['emems-memory']).toBeCloseTo(4 / 2.2, 10);
    expect(c['emems-latency']).toBeCloseTo(4 / 2.1, 10);
  });
  it('balances the area: QMC NVM minus saved LPDDR5 and Flash', () => {
    const a = areaBreakdown(roles, area);
    expect(a.qmcMm2.reram).toBeCloseTo((2.1 * N) / (30.1 * MiB), 6);
    expect(a.qmcMm2.mram).toBeCloseTo((1.5 * N) / (66 * MiB), 6);
    expect(a.netMm2).toBeCloseTo(a.qmcTotalMm2 - (16 * N) / (209.9 * MiB) - (16 * N) / 10e9, 6);
    expect(c['area-net-mm2']).toBeCloseTo(a.netMm2, 9);
  });
  it('gives absolute per-token times in ms, energies in mJ and the area parts in mm²', () => {
    // 16 Gbit at 200 GB/s = 10 ms; 16 Gbit × 3.5 pJ/bit = 56 mJ
    expect(c['fp16-latency-ms']).toBeCloseTo(10, 9);
    expect(c['int4-latency-ms']).toBeCloseTo(2.5, 9);
    expect(c['fp16-energy-mj']).toBeCloseTo(56, 9);
    expect(c['qmc-energy-mj']).toBeCloseTo(2.1 * 1.65 + 1.5 * 1.09, 9);
    expect(c['qmc-latency-ms']).toBeCloseTo((2.1e9 / 8 / BW_R) * 1e3, 6);
    expect(c['area-reram-mm2']).toBeCloseTo((2.1 * N) / (30.1 * MiB), 6);
    expect(c['area-qmc-mm2']).toBeCloseTo((2.1 * N) / (30.1 * MiB) + (1.5 * N) / (66 * MiB), 6);
    expect(c['area-saved-mm2']).toBeCloseTo((16 * N) / (209.9 * MiB) + (16 * N) / 10e9, 6);
  });
  it('states an eMEMs read energy that closes the emems-energy gap exactly', () => {
    const e = ememsEnergyToClose(roles, 1.35, 'reram');
    expect(e.currentPjPerBit).toBeCloseTo(1.56, 12);
    const scaled = { ...roles.ememsReram, devices: roles.ememsReram.devices.map((d) => ({ ...d, readEnergyPj: d.readEnergyPj * e.closingPjPerBit / e.currentPjPerBit })) };
    expect(fetchEnergy(scaled) / fetchEnergy(roles.qmc3)).toBeCloseTo(1.35, 10);
    expect(e.closingPjPerBit).toBeGreaterThan(1.56);
  });
});
