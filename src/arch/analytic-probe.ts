/**
 * Calibration probe of the analytic (roofline) mode: one full device queue of sequential requests
 * on a fresh, idle instance of a memory's device (built by the same device factory as the run, no
 * noise model), giving the device's unloaded access latency and its energy per bit read / written.
 * Fidelity: one burst from idle (at most MAX_PROBE_REQUESTS), no contention, no interleaved traffic.
 */
import { Engine } from '../engine/engine.js';
import { priceCounts, type EnergyTable } from '../devices/energy/energy-table.js';
import { defaultDeviceFactory, type DeviceFactory } from './device-factory.js';
import type { MemoryConfig } from './soc-schema.js';

/** Most requests one probe burst issues (a device that never refuses is probed with this many). */
export const MAX_PROBE_REQUESTS = 4096;

/** What a probe burst measured. */
export interface ProbeResult {
  /** Requests in the burst (a full device queue, capped at MAX_PROBE_REQUESTS and the capacity). */
  readonly requests: number;
  readonly bytes: number;
  /** Completion of the last request on the idle device, ps (offered at t = 0). */
  readonly lastDonePs: number;
  /**
   * Unloaded access latency, ps: lastDonePs − bytes / peakBandwidth (≥ 0), i.e. what the burst took
   * beyond its transfer time at peak bandwidth. Exact for the ideal device (its configured latency).
   */
  readonly latencyPs: number;
  /**
   * Device energy per bit of the burst's direction, pJ/bit: the energy table applied to the burst's
   * action counts, less the table's background power over the burst, over the bits moved. Per-access
   * and per-command energies (an LPDDR5 ACT, an SRAM beat) are thus spread over a sequential burst.
   */
  readonly energyPerBitPj: number;
}

/**
 * Probes memory `m` with a burst of sequential `requestBytes` requests (reads, or writes when
 * `isWrite`), priced with `table`. The burst is offered at t = 0 until the device refuses one
 * (its queue is full) or MAX_PROBE_REQUESTS are in; a refusal ends the burst (no retry).
 */
export function probeMemory(m: MemoryConfig, factory: DeviceFactory, seed: number, requestBytes: number, table: EnergyTable, isWrite: boolean): ProbeResult {
  // Deterministic in its inputs: a sweep's points on the same device share one probe (default factory only).
  const key = factory === defaultDeviceFactory ? JSON.stringify([m.device, seed, requestBytes, table, isWrite]) : undefined;
  const hit = key !== undefined ? cache.get(key) : undefined;
  if (hit !== undefined) return hit;
  const r = burst(m, factory, seed, requestBytes, table, isWrite);
  if (key !== undefined) cache.set(key, r);
  return r;
}

const cache = new Map<string, ProbeResult>();

function burst(m: MemoryConfig, factory: DeviceFactory, seed: number, requestBytes: number, table: EnergyTable, isWrite: boolean): ProbeResult {
  const engine = new Engine();
  const { device } = factory(m.device, engine, `soc.memory.${m.id}.probe`, seed);
  let lastDonePs = 0;
  let done = 0;
  device.setCompletion((_req, donePs) => {
    done++;
    if (donePs > lastDonePs) lastDonePs = donePs;
  });
  device.setRetry(() => {});
  const limit = Math.max(1, Math.min(MAX_PROBE_REQUESTS, Math.floor(device.capacityBytes / requestBytes)));
  let requests = 0;
  engine.schedule(0, () => {
    while (requests < limit && device.offer(requests, requests * requestBytes, requestBytes, isWrite, 0)) requests++;
  });
  engine.run();
  if (requests === 0 || done !== requests) throw new Error(`analytic probe of memory '${m.id}': ${requests === 0 ? 'the idle device refused the first request' : `${requests - done} of ${requests} requests never completed`}`);
  const bytes = requests * requestBytes;
  const transferPs = Number.isFinite(device.peakBandwidth) && device.peakBandwidth > 0 ? (bytes * 1e12) / device.peakBandwidth : 0;
  const priced = priceCounts(device.counts(), table);
  return {
    requests, bytes, lastDonePs,
    latencyPs: Math.max(0, lastDonePs - transferPs),
    energyPerBitPj: (priced.totalPj - priced.backgroundPj) / (bytes * 8),
  };
}
