/**
 * The QMC claims computed from replayed configurations (RunSummary): ratios of bytes moved, cells,
 * priced read energy and weight-fetch time. The paper's closed forms are NOT used here (tests use
 * them to check these numbers). Area uses per-technology cell densities (Table 1) and an estimated
 * Flash density given in the study config.
 */
import {
  deviceReadEnergy, fetchEnergy, sumDevices, weightBits, weightCells,
  type DeviceUse, type RunSummary, type Technology,
} from './run-summary.js';

/** Which replayed configuration plays which part in the claims (study.yaml `roles`). */
export interface ClaimRoles {
  readonly fp16: RunSummary;
  readonly int4: RunSummary;
  readonly qmc3: RunSummary;
  readonly qmc2: RunSummary;
  readonly ememsMram: RunSummary;
  readonly ememsReram: RunSummary;
}

/** Area model inputs (bits per mm² at the stated bits per cell, canonical bit/mm²). */
export interface AreaModel {
  /** Technology → { density in bit/mm², bitsPerCell at which that density holds }. */
  readonly densities: Readonly<Partial<Record<Technology, { readonly bitsPerMm2: number; readonly bitsPerCell: number }>>>;
  /** Flash density, bit/mm² (the baseline keeps a copy of the FP16 weights in Flash). */
  readonly flashBitsPerMm2: number;
  /** Bits per Flash cell counted for memory-vs-flash (the paper counts 1). */
  readonly flashBitsPerCell: number;
}

/** Area in mm² of the cells one device uses. */
export function deviceAreaMm2(d: DeviceUse, area: AreaModel): number {
  const den = area.densities[d.technology];
  if (!den) throw new Error(`no density for technology '${d.technology}' in the study's area model`);
  const cells = d.weightBitsStored / d.bitsPerCell;
  return cells / (den.bitsPerMm2 / den.bitsPerCell);
}

export interface AreaBreakdown {
  readonly qmcMm2: Readonly<Record<string, number>>;
  readonly qmcTotalMm2: number;
  readonly dramSavedMm2: number;
  readonly flashSavedMm2: number;
  readonly netMm2: number;
}

/** QMC's NVM area minus the LPDDR5 and Flash area the FP16 weights no longer need. */
export function areaBreakdown(r: ClaimRoles, area: AreaModel): AreaBreakdown {
  const qmcMm2: Record<string, number> = {};
  for (const d of r.qmc3.devices) if (d.weightBitsStored > 0) qmcMm2[d.id] = deviceAreaMm2(d, area);
  const qmcTotalMm2 = Object.values(qmcMm2).reduce((a, b) => a + b, 0);
  const dramSavedMm2 = sumDevices(r.fp16, (d) => deviceAreaMm2(d, area), (d) => d.weightBitsStored > 0);
  const flashSavedMm2 = weightBits(r.fp16) / area.flashBitsPerMm2;
  return { qmcMm2, qmcTotalMm2, dramSavedMm2, flashSavedMm2, netMm2: qmcTotalMm2 - dramSavedMm2 - flashSavedMm2 };
}

/** Weight bytes moved over off-package links (the SoC config marks memories `external`). */
const externalBytes = (run: RunSummary): number => sumDevices(run, (d) => d.weightBytes, (d) => d.external);

/** Every claim id → simulated value. */
export function computeClaims(r: ClaimRoles, area: AreaModel): Record<string, number> {
  const qCells = weightCells(r.qmc3);
  const fp16Cells = weightCells(r.fp16);
  const flashCells = weightBits(r.fp16) / area.flashBitsPerCell;
  const a = areaBreakdown(r, area);
  return {
    compression: weightBits(r.fp16) / weightBits(r.qmc3),
    'memory-3bit': fp16Cells / qCells,
    'memory-2bit': fp16Cells / weightCells(r.qmc2),
    'memory-vs-flash': (fp16Cells + flashCells) / qCells,
    transfers: externalBytes(r.fp16) / externalBytes(r.qmc3),
    'energy-device': deviceReadEnergy(r.fp16) / deviceReadEnergy(r.qmc3),
    'energy-total': fetchEnergy(r.fp16) / fetchEnergy(r.qmc3),
    'latency-vs-fp16': r.fp16.latencyPs / r.qmc3.latencyPs,
    'latency-vs-int4': r.int4.latencyPs / r.qmc3.latencyPs,
    'emems-memory': weightCells(r.ememsMram) / qCells,
    'emems-latency': r.ememsReram.latencyPs / r.qmc3.latencyPs,
    'emems-energy': fetchEnergy(r.ememsReram) / fetchEnergy(r.qmc3),
    'area-net-mm2': a.netMm2,
    // absolute per-token figures (the paper gives them as approximations, Sec. 4)
    'fp16-latency-ms': r.fp16.latencyPs / PS_PER_MS,
    'fp16-energy-mj': fetchEnergy(r.fp16) / PJ_PER_MJ,
    'int4-latency-ms': r.int4.latencyPs / PS_PER_MS,
    'qmc-latency-ms': r.qmc3.latencyPs / PS_PER_MS,
    'qmc-energy-mj': fetchEnergy(r.qmc3) / PJ_PER_MJ,
    'area-reram-mm2': areaOf(r, area, 'reram'),
    'area-qmc-mm2': a.qmcTotalMm2,
    'area-saved-mm2': a.dramSavedMm2 + a.flashSavedMm2,
  };
}

/** Unit conversions for the absolute claims (times are ps, energies pJ throughout the study). */
const PS_PER_MS = 1e9;
const PJ_PER_MJ = 1e9;

/** Area of the QMC (3-bit) configuration's weight cells in memories of one technology. */
function areaOf(r: ClaimRoles, area: AreaModel, technology: Technology): number {
  return sumDevices(r.qmc3, (d) => deviceAreaMm2(d, area), (d) => d.weightBitsStored > 0 && d.technology === technology);
}

/**
 * For the informational emems-energy claim: the per-bit read energy of eMEMs' memory `memory` that
 * would make the simulated ratio equal `target`. The current per-bit figure is measured from the
 * replay (priced read energy / bits read); read energy scales linearly with it, interconnect energy
 * is held fixed. Returns both figures in pJ/bit.
 */
export function ememsEnergyToClose(r: ClaimRoles, target: number, memory: string): { currentPjPerBit: number; closingPjPerBit: number } {
  const dev = r.ememsReram.devices.find((d) => d.id === memory);
  if (!dev || dev.weightBytes === 0) throw new Error(`eMEMs configuration has no weights in memory '${memory}'`);
  const currentPjPerBit = dev.readEnergyPj / (dev.weightBytes * 8);
  const others = fetchEnergy(r.ememsReram) - dev.readEnergyPj;
  const neededRead = target * fetchEnergy(r.qmc3) - others;
  return { currentPjPerBit, closingPjPerBit: currentPjPerBit * (neededRead / dev.readEnergyPj) };
}
