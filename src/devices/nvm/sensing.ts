/**
 * Multi-reference sensing of an MLC cell with L = 2^b levels. A read compares the cell current
 * against reference levels; the number of comparisons done one after another sets the latency:
 *   sequential — walk the L-1 references in order (worst case L-1 steps; used as the latency),
 *   binary     — successive approximation, b steps (one reference per step),
 *   parallel   — L-1 sense amplifiers at once (flash ADC), 1 step.
 * Latency = base (decode + wordline + bitline settle) + steps × step time. Read energy is taken as
 * proportional to the reference comparisons made (L-1 for sequential and parallel, b for binary):
 * a device's per-bit read energy is the L-1 figure and binary sensing is priced at b/(L-1) of it.
 * Model of our own, after the multi-level sensing options described for NVMExplorer/NVSim MLC.
 */

/** How the reference comparisons of a multi-level read are organised. */
export type SensingScheme = 'sequential' | 'binary' | 'parallel';
export const sensingSchemes: readonly SensingScheme[] = ['sequential', 'binary', 'parallel'];

/** Comparisons on the critical path of one read of a b-bit cell. */
export function senseSteps(bitsPerCell: number, scheme: SensingScheme): number {
  const levels = 1 << bitsPerCell;
  if (scheme === 'sequential') return levels - 1;
  if (scheme === 'binary') return bitsPerCell;
  return 1;
}

/** Reference comparisons made in total per cell read (drives sensing energy). */
export function senseComparisons(bitsPerCell: number, scheme: SensingScheme): number {
  return scheme === 'binary' ? bitsPerCell : (1 << bitsPerCell) - 1;
}

/** Sense latency in ps: base + steps × step. */
export function senseLatencyPs(bitsPerCell: number, scheme: SensingScheme, basePs: number, stepPs: number): number {
  return Math.round(basePs + senseSteps(bitsPerCell, scheme) * stepPs);
}

/**
 * Read energy of `scheme` relative to the per-bit read energy, which prices all 2^b − 1 reference
 * comparisons of a cell: comparisons made / (2^b − 1) — 1 for sequential and parallel sensing,
 * b/(2^b − 1) for binary (3/7 at 3 bit/cell; 1 for SLC). Energy ∝ comparisons is our model.
 */
export function senseEnergyFactor(bitsPerCell: number, scheme: SensingScheme): number {
  return senseComparisons(bitsPerCell, scheme) / ((1 << bitsPerCell) - 1);
}
