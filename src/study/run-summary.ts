/**
 * What the reproduction needs from one replayed configuration, per memory device: weight bytes
 * moved, cells holding them, read energy priced from the device's action counts, interconnect
 * energy, busy time and bit errors. Built from a RunReport (from-run-report.ts); the claim
 * calculations (claims-calc.ts) only ever see this shape.
 */

export type Technology = 'lpddr5' | 'stt-mram' | 'reram' | 'sram' | 'flash';

/** One memory's share of a decode token. */
export interface DeviceUse {
  /** Region/device id from the SoC config ('lpddr5', 'mram', 'reram'). */
  readonly id: string;
  readonly technology: Technology;
  /** Weight bytes read from this device during the token (the replay's byte ledger). */
  readonly weightBytes: number;
  /** Exact stored weight bits (placement accounting; bytes × 8 when not known). */
  readonly weightBitsStored: number;
  /** Bits stored per cell (1 for DRAM/MRAM; 2 or 3 for MLC ReRAM). */
  readonly bitsPerCell: number;
  /** Off-package memory: its transfers are external. */
  readonly external: boolean;
  /** Device read energy from priced action counts, pJ (excludes background / leakage). */
  readonly readEnergyPj: number;
  /** Background / leakage / refresh energy over the token, pJ. */
  readonly backgroundEnergyPj: number;
  /** Interconnect (link, PHY) energy of the bytes moved, pJ. */
  readonly linkEnergyPj: number;
  /** Time the device was busy serving data, ps (summed over channels/arrays). */
  readonly busyPs: number;
  /** Time this device's streams took, summed over the token's steps, ps. */
  readonly streamPs: number;
  /** Sampled bit errors and bits read (all tags). */
  readonly bitErrors: number;
  readonly bitsRead: number;
  readonly expectedBitErrors: number;
}

export interface RunSummary {
  /** Configuration id ('fp16', 'qmc-3bit', ...). */
  readonly id: string;
  readonly label: string;
  /** Weight-fetch time of one decode token, ps. */
  readonly latencyPs: number;
  readonly devices: readonly DeviceUse[];
  /** Clock-domain-crossing energy of the weight controller, pJ (interconnect side). */
  readonly cdcEnergyPj: number;
  /** The RunReport's flat metrics, kept for result.json. */
  readonly metrics: Readonly<Record<string, number>>;
}

/** Sum of a per-device quantity. */
export function sumDevices(run: RunSummary, f: (d: DeviceUse) => number, only?: (d: DeviceUse) => boolean): number {
  let s = 0;
  for (const d of run.devices) if (!only || only(d)) s += f(d);
  return s;
}

/** Stored bits of the model's weights (every weight is read once per decode token). */
export const weightBits = (run: RunSummary): number => sumDevices(run, (d) => d.weightBitsStored);
/** Memory cells holding those weights: bits / bits-per-cell per device. */
export const weightCells = (run: RunSummary): number => sumDevices(run, (d) => d.weightBitsStored / d.bitsPerCell);
/** Device read energy (action counts × energy table), pJ. */
export const deviceReadEnergy = (run: RunSummary): number => sumDevices(run, (d) => d.readEnergyPj);
/** Device read energy plus interconnect (links and clock-domain crossing) energy, pJ. */
export const fetchEnergy = (run: RunSummary): number => sumDevices(run, (d) => d.readEnergyPj + d.linkEnergyPj) + run.cdcEnergyPj;

/** The weight-holding device whose streams took longest: the token's bottleneck. */
export function bottleneck(run: RunSummary): string {
  let best = '';
  let t = -1;
  for (const d of run.devices) {
    if (d.weightBytes > 0 && d.streamPs > t) {
      t = d.streamPs;
      best = d.id;
    }
  }
  return best;
}
