/**
 * Replay driver: feeds a trace into any MemoryDevice with back-pressure and reports achieved
 * bandwidth, read/write latency (mean, p50, p99), row-buffer outcomes when the device counts them,
 * the energy breakdown under one or more tables and bit-error statistics per tag.
 * Timed traces offer each access at its arrival time (latency from arrival, so queueing counts);
 * untimed traces (Ramulator 2) are issued closed-loop with `maxOutstanding` in flight (latency from
 * acceptance). Writes are posted by default, as a write buffer (and Ramulator 2's load/store trace
 * front end) does: an accepted write leaves the window at once, so buffered writes never hold back
 * reads; only a full device write queue pushes back. Write latency still runs to the device's
 * completion. One engine event per arrival gap, none per access; request ids are window slots
 * (reads, unposted writes) or window + k (posted writes).
 */
import type { Engine } from '../../engine/engine.js';
import type { ActionCounts, ErrorStats, MemoryDevice } from '../device.js';
import { priceCounts, type EnergyBreakdown, type EnergyTable } from '../energy/energy-table.js';
import { LatencyLog, type LatencySummary } from './latency-log.js';
import type { TraceCursor } from './trace-cursor.js';

export interface ReplayOptions {
  /** Requests in flight at most (driver window). Default 256. */
  readonly maxOutstanding?: number;
  /** Writes leave the window when the device accepts them (default true); false: when they complete. */
  readonly postedWrites?: boolean;
  /** Tables to price the counts with (each gives one breakdown). */
  readonly energyTables?: readonly EnergyTable[];
}

export interface RowBufferStats {
  readonly hits: number;
  readonly misses: number;
  readonly conflicts: number;
  readonly hitRate: number;
  readonly missRate: number;
  readonly conflictRate: number;
}

export interface ReplayResult {
  readonly device: string;
  readonly kind: string;
  readonly traceFormat: string;
  readonly reads: number;
  readonly writes: number;
  readonly bytesRead: number;
  readonly bytesWritten: number;
  /** First arrival to last completion, ps. */
  readonly spanPs: number;
  /** (bytes read + written) / span, B/s. */
  readonly bandwidth: number;
  readonly peakBandwidth: number;
  readonly readLatency: LatencySummary;
  readonly writeLatency: LatencySummary;
  /** Present only when the device counts row-buffer outcomes. */
  readonly rowBuffer: RowBufferStats | null;
  readonly energy: readonly EnergyBreakdown[];
  readonly errors: ErrorStats;
  readonly counts: ActionCounts;
  /** The driver's in-flight window and whether writes left it on acceptance. */
  readonly maxOutstanding: number;
  readonly postedWrites: boolean;
  /** Accesses reaching past the device's capacity, which SRAM and the NVMs fold into it (address modulo capacity; LPDDR5 refuses them). */
  readonly foldedAccesses: number;
  readonly capacityBytes: number;
}

const ROW_KEYS = {
  hits: ['rowHits', 'rowHit', 'row_hits'],
  misses: ['rowMisses', 'rowMiss', 'row_misses'],
  conflicts: ['rowConflicts', 'rowConflict', 'row_conflicts'],
} as const;

function rowStats(a: Readonly<Record<string, number>>): RowBufferStats | null {
  const pick = (keys: readonly string[]): number | undefined => {
    for (const k of keys) if (a[k] !== undefined) return a[k];
    return undefined;
  };
  const h = pick(ROW_KEYS.hits), m = pick(ROW_KEYS.misses), c = pick(ROW_KEYS.conflicts);
  if (h === undefined && m === undefined && c === undefined) return null;
  const hits = h ?? 0, misses = m ?? 0, conflicts = c ?? 0;
  const tot = hits + misses + conflicts;
  const r = (x: number): number => (tot === 0 ? 0 : x / tot);
  return { hits, misses, conflicts, hitRate: r(hits), missRate: r(misses), conflictRate: r(conflicts) };
}

/** Replays `trace` into `device` on `engine` (fresh, at time 0) and returns the measurements. */
export function replayTrace(device: MemoryDevice, engine: Engine, trace: TraceCursor, opts: ReplayOptions = {}): ReplayResult {
  const window = opts.maxOutstanding ?? 256;
  if (!Number.isInteger(window) || window < 1) throw new Error(`maxOutstanding must be a positive integer, got ${window}`);
  const start = new Float64Array(window);
  const isW = new Uint8Array(window);
  const free = new Int32Array(window);
  let nFree = window;
  for (let i = 0; i < window; i++) free[i] = window - 1 - i;
  const posted = opts.postedWrites ?? true;
  // posted writes in the device: start time per id window + k, free k's on a stack (grown as needed)
  let pwStart = new Float64Array(64);
  const pwFree: number[] = [];
  let pwUsed = 0; // ids handed out so far; those not on pwFree are in the device
  const readLat = new LatencyLog();
  const writeLat = new LatencyLog();
  let hasPending = false, exhausted = false, wakeAt = -1, blockedOnWindow = false;
  let firstArrival = -1, lastDone = 0, reads = 0, writes = 0, bytesR = 0, bytesW = 0, folded = 0;
  const cap = device.capacityBytes;
  const timed = trace.timed;

  const pump = (): void => {
    for (;;) {
      if (!hasPending) {
        if (exhausted || !trace.next()) { exhausted = true; return; }
        hasPending = true;
      }
      const now = engine.now as number;
      if (timed && trace.timePs > now) {
        if (wakeAt !== trace.timePs) {
          wakeAt = trace.timePs;
          engine.schedule(wakeAt, onWake);
        }
        return;
      }
      const arrival = timed ? trace.timePs : now;
      if (posted && trace.isWrite) {
        const k = pwFree.length > 0 ? pwFree.pop()! : pwUsed++;
        if (k >= pwStart.length) { const g = new Float64Array(pwStart.length * 2); g.set(pwStart); pwStart = g; }
        if (!device.offer(window + k, trace.addr, trace.sizeBytes, true, trace.tag)) {
          pwFree.push(k);
          return; // the device will call retry → pump
        }
        pwStart[k] = arrival;
      } else {
        if (nFree === 0) { blockedOnWindow = true; return; }
        const slot = free[--nFree] as number;
        if (!device.offer(slot, trace.addr, trace.sizeBytes, trace.isWrite, trace.tag)) {
          nFree++;
          return; // the device will call retry → pump
        }
        start[slot] = arrival;
        isW[slot] = trace.isWrite ? 1 : 0;
      }
      if (firstArrival < 0) firstArrival = arrival;
      if (trace.isWrite) { writes++; bytesW += trace.sizeBytes; } else { reads++; bytesR += trace.sizeBytes; }
      if (trace.addr + trace.sizeBytes > cap) folded++;
      hasPending = false;
    }
  };
  const onWake = (): void => {
    wakeAt = -1;
    pump();
  };
  device.setCompletion((slot, donePs) => {
    if (donePs > lastDone) lastDone = donePs;
    if (slot >= window) {
      // a posted write: its window slot was freed on acceptance
      const k = slot - window;
      writeLat.add(donePs - (pwStart[k] as number));
      pwFree.push(k);
      return;
    }
    const lat = donePs - (start[slot] as number);
    if (isW[slot] === 1) writeLat.add(lat); else readLat.add(lat);
    free[nFree++] = slot;
    if (blockedOnWindow) {
      blockedOnWindow = false;
      pump();
    }
  });
  device.setRetry(pump);
  try {
    pump();
    engine.run();
  } finally {
    trace.close();
  }
  const postedOut = pwUsed - pwFree.length;
  if (hasPending || nFree !== window || postedOut !== 0) throw new Error(`replay ended with ${window - nFree + postedOut} request(s) outstanding: device ${device.path} stopped completing`);
  const counts = device.counts();
  const spanPs = firstArrival < 0 ? 0 : lastDone - firstArrival;
  return {
    device: device.path, kind: device.kind, traceFormat: trace.format,
    reads, writes, bytesRead: bytesR, bytesWritten: bytesW, spanPs,
    bandwidth: spanPs > 0 ? ((bytesR + bytesW) * 1e12) / spanPs : 0,
    peakBandwidth: device.peakBandwidth,
    readLatency: readLat.summary(), writeLatency: writeLat.summary(),
    rowBuffer: rowStats(counts.actions),
    energy: (opts.energyTables ?? []).map((t) => priceCounts(counts, t)),
    errors: device.errorStats(),
    counts,
    maxOutstanding: window,
    postedWrites: posted,
    capacityBytes: cap,
    foldedAccesses: folded,
  };
}
