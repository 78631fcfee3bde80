/**
 * The closed forms of qmc-paper.md §4 (RECON), used ONLY by tests to check the simulated claims.
 * Inputs are per-weight quantities; nothing here is used to produce reported numbers.
 */
export interface PaperParams {
  /** Outlier fraction. */
  readonly rho: number;
  readonly outlierBits: number;
  readonly inlierBits: number;
  /** Bits stored per MLC ReRAM cell (3 or 2). */
  readonly cellBits: number;
  /** Device read energies, pJ/bit. */
  readonly eLpddr5: number;
  readonly eMram: number;
  readonly eReram: number;
  /** Interconnect energy on the QMC NVM streams, pJ/bit. */
  readonly eNet: number;
  /** Achieved bandwidths, B/s. */
  readonly bwLpddr5: number;
  readonly bwReram: number;
  readonly bwMram: number;
}

/** 16 / (inlierBits·(1−ρ) + outlierBits·ρ). */
export const compression = (p: PaperParams): number => 16 / (p.inlierBits * (1 - p.rho) + p.outlierBits * p.rho);
/** 16 / ((1−ρ)·inlierBits/c + ρ·outlierBits). */
export const memoryCells = (p: PaperParams, cellBits = p.cellBits): number =>
  16 / ((1 - p.rho) * p.inlierBits / cellBits + p.rho * p.outlierBits);
/** 32 / cells per weight (FP16 in LPDDR5 plus an FP16 copy in Flash, 1 bit/cell). */
export const memoryVsFlash = (p: PaperParams): number => 2 * memoryCells(p);
/** 16 / (inlierBits·(1−ρ)): only the ReRAM stream leaves the package. */
export const transfers = (p: PaperParams): number => 16 / (p.inlierBits * (1 - p.rho));
/** 16·E_L / (bits_in·E_R + bits_out·E_M), optionally with E_net on the NVM streams. */
export const energyRatio = (p: PaperParams, withNet: boolean): number => {
  const n = withNet ? p.eNet : 0;
  return (16 * p.eLpddr5) / (p.inlierBits * (1 - p.rho) * (p.eReram + n) + p.outlierBits * p.rho * (p.eMram + n));
};
/** Time per weight of a QMC token: max of the two streams (Eq. 3 without t_access/t_queue). */
export const qmcTimePerWeight = (p: PaperParams): number =>
  Math.max((p.inlierBits * (1 - p.rho)) / 8 / p.bwReram, (p.outlierBits * p.rho) / 8 / p.bwMram);
export const latencyVsFp16 = (p: PaperParams): number => (2 / p.bwLpddr5) / qmcTimePerWeight(p);
export const latencyVsInt4 = (p: PaperParams): number => (0.5 / p.bwLpddr5) / qmcTimePerWeight(p);
/** eMEMs stores 4-bit weights, 1 bit per (MRAM) cell. */
export const ememsMemory = (p: PaperParams): number => 4 / ((1 - p.rho) * p.inlierBits / p.cellBits + p.rho * p.outlierBits);
/** eMEMs streams 4 bits per weight from ReRAM at the same aggregate bandwidth. */
export const ememsLatency = (p: PaperParams): number => (0.5 / p.bwReram) / qmcTimePerWeight(p);
export const ememsEnergy = (p: PaperParams, eEmems: number): number =>
  (4 * (eEmems + p.eNet)) / (p.inlierBits * (1 - p.rho) * (p.eReram + p.eNet) + p.outlierBits * p.rho * (p.eMram + p.eNet));
