/**
 * A point-to-point link or shared bus between a memory and the SoC (UCIe die-to-die, an off-chip
 * memory bus, the LPDDR5 PHY). The link owns its latency, bandwidth and energy per bit
 * (SST-style). It is a single FIFO server: a transfer starts when both its data and the link are
 * ready and occupies it for ceil(bytes / bandwidth). Data transfer is charged on the response path
 * for reads and writes alike (Simplification: write data occupancy is accounted when the write
 * completes). A finite buffer (`bufferBytes`) bounds how far the link backlog may run ahead of
 * simulated time; ports stop issuing beyond it (back-pressure).
 */
import type { BytesPerSec, PJPerBit, Ps } from '../units/quantity.js';

export interface LinkSpec {
  readonly id: string;
  /** One-way flight latency (request and response each pay it). */
  readonly latencyPs: Ps;
  /** Peak data bandwidth. */
  readonly bandwidth: BytesPerSec;
  /** Interconnect energy per transferred bit. */
  readonly energyPerBit: PJPerBit;
  /** Bytes the link may hold queued before the port is back-pressured. */
  readonly bufferBytes: number;
}

/** Runtime link: FIFO serializer with statistics. Shared by ports when it models a shared bus. */
export class Link {
  readonly psPerByte: number;
  /** The buffer expressed as link time, ps. */
  readonly bufferPs: number;
  /** Time the link becomes free, ps. */
  freePs = 0;
  bytes = 0;
  transfers = 0;
  /** Summed occupancy, ps. */
  busyPs = 0;
  /** Summed wait for the link (transfer start − data ready), ps. */
  waitPs = 0;

  constructor(readonly spec: LinkSpec) {
    if (!(spec.bandwidth > 0)) throw new Error(`link ${spec.id}: bandwidth must be positive`);
    this.psPerByte = 1e12 / spec.bandwidth;
    this.bufferPs = spec.bufferBytes * this.psPerByte;
  }
  /**
   * Carries `bytes` whose data is ready at `readyPs`; returns the arrival time at the far end
   * (transfer end + latency). Requests and responses both cross: 2 × latency per round trip.
   */
  carry(readyPs: number, bytes: number): number {
    const start = readyPs > this.freePs ? readyPs : this.freePs;
    const occ = Math.ceil(bytes * this.psPerByte - 1e-9);
    this.waitPs += start - readyPs;
    this.freePs = start + occ;
    this.busyPs += occ;
    this.bytes += bytes;
    this.transfers++;
    return this.freePs + 2 * this.spec.latencyPs;
  }
  /** Backlog beyond `nowPs` expressed in bytes (0 when idle). */
  backlogBytes(nowPs: number): number {
    return this.freePs > nowPs ? (this.freePs - nowPs) / this.psPerByte : 0;
  }
  /** Interconnect energy so far, pJ. */
  energyPj(): number {
    return this.bytes * 8 * this.spec.energyPerBit;
  }
}
