/**
 * QMC Eq. 4 power constraint on the weight-read path and a design-space helper:
 * P = BW_mram·(E_mram + E_net) + BW_reram·(E_reram + E_net) < P_budget (energies per bit, BW in
 * bit/s). The helper enumerates MRAM channel counts and ReRAM array counts, drops configurations
 * over the budget, and keeps the one with the lowest weight-fetch time
 * max(bytes_mram / BW_mram, bytes_reram / BW_reram) (Eq. 3 without t_access/t_queue, used only to
 * choose a configuration; results always come from the replay).
 */

export interface StreamPower {
  /** Aggregate read bandwidth, B/s. */
  readonly bandwidth: number;
  /** Device read energy, pJ/bit. */
  readonly deviceEnergyPerBit: number;
  /** Interconnect energy, pJ/bit. */
  readonly netEnergyPerBit: number;
}

/** Counted actions that are part of a read / of a write, by the action names the device tables use. */
const READ_ACTIONS = new Set(['rd', 'read', 'readBits', 'readBeats', 'cellReads', 'senseComparisons']);
const WRITE_ACTIONS = new Set(['wr', 'write', 'writeBits', 'writeBeats', 'programPulses', 'verifyReads', 'programGroups']);

/**
 * Measured device read energy per bit read, pJ/bit: the priced read actions plus the reads' share (by
 * bits) of the actions neither reads nor writes own (LPDDR5 ACT/PRE/refresh), over the bits read.
 * `parts` is an EnergyBreakdown's action → pJ map (its 'background' entry is left out).
 */
export function readEnergyPerBit(parts: Readonly<Record<string, number>>, bitsRead: number, bitsWritten: number): number {
  let read = 0, shared = 0;
  for (const [action, pj] of Object.entries(parts)) {
    if (action === 'background' || WRITE_ACTIONS.has(action)) continue;
    if (READ_ACTIONS.has(action)) read += pj;
    else shared += pj;
  }
  return (read + shared * (bitsRead / (bitsRead + bitsWritten))) / bitsRead;
}

/**
 * Read power of the given streams, W (B/s × 8 × pJ/bit × 1e-12). With `sharedBandwidth` (a bus
 * all streams cross) their sum cannot exceed it: the peak fills the bus with the streams of the
 * highest energy per bit first.
 */
export function readPowerW(streams: readonly StreamPower[], sharedBandwidth = Infinity): number {
  let left = sharedBandwidth;
  let w = 0;
  const perBit = (s: StreamPower): number => s.deviceEnergyPerBit + s.netEnergyPerBit;
  for (const s of [...streams].sort((x, y) => perBit(y) - perBit(x))) {
    const bw = Math.min(s.bandwidth, left);
    w += bw * 8 * perBit(s) * 1e-12;
    left -= bw;
  }
  return w;
}

export interface BudgetCheck {
  readonly powerW: number;
  readonly budgetW: number;
  readonly ok: boolean;
}

/** Eq. 4 check (`sharedBandwidth`: a bus the streams share, as in readPowerW). */
export function checkBudget(streams: readonly StreamPower[], budgetW: number, sharedBandwidth = Infinity): BudgetCheck {
  const powerW = readPowerW(streams, sharedBandwidth);
  return { powerW, budgetW, ok: powerW < budgetW };
}

export interface DesignSpace {
  /** Weight bytes held in MRAM / ReRAM, B. */
  readonly mramBytes: number;
  readonly reramBytes: number;
  /** Bandwidth of one MRAM channel, B/s. */
  readonly mramChannelBandwidth: number;
  /** Bandwidth of one ReRAM array, B/s. */
  readonly reramArrayBandwidth: number;
  /** Device read energies and interconnect energy, pJ/bit (as StreamPower). */
  readonly mramEnergyPerBit: number;
  readonly reramEnergyPerBit: number;
  readonly netEnergyPerBit: number;
  /** Candidate MRAM channel counts and ReRAM array counts to enumerate. */
  readonly mramChannels: readonly number[];
  readonly reramArrays: readonly number[];
  /** Optional cap on either link, B/s. */
  readonly mramLinkBandwidth?: number;
  readonly reramLinkBandwidth?: number;
}

export interface DesignPoint {
  readonly mramChannels: number;
  readonly reramArrays: number;
  /** Weight-fetch time, ps (max of the two streams). */
  readonly fetchPs: number;
  /** Eq. 4 read power, W. */
  readonly powerW: number;
}

/** Lowest-latency (then lowest-power) point within `budgetW`, or undefined if none fits. */
export function pickUnderBudget(space: DesignSpace, budgetW: number): DesignPoint | undefined {
  let best: DesignPoint | undefined;
  for (const ch of space.mramChannels) for (const ar of space.reramArrays) {
    const bwM = Math.min(ch * space.mramChannelBandwidth, space.mramLinkBandwidth ?? Infinity);
    const bwR = Math.min(ar * space.reramArrayBandwidth, space.reramLinkBandwidth ?? Infinity);
    const powerW = readPowerW([
      { bandwidth: bwM, deviceEnergyPerBit: space.mramEnergyPerBit, netEnergyPerBit: space.netEnergyPerBit },
      { bandwidth: bwR, deviceEnergyPerBit: space.reramEnergyPerBit, netEnergyPerBit: space.netEnergyPerBit },
    ]);
    if (!(powerW < budgetW)) continue;
    const fetchPs = Math.ceil(Math.max(space.mramBytes / bwM, space.reramBytes / bwR) * 1e12);
    if (!best || fetchPs < best.fetchPs || (fetchPs === best.fetchPs && powerW < best.powerW)) {
      best = { mramChannels: ch, reramArrays: ar, fetchPs, powerW };
    }
  }
  return best;
}
