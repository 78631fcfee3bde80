// Port bookkeeping the conservation tests cannot see: a request the device refused keeps its grant
// but must still wait for a free window slot (another port may have used the initiator's window
// meanwhile), and the utilisation series never shows a bucket above the device's peak bandwidth
// even when the device hands back its completions in bursts.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { Priority } from '../../src/engine/priority.js';
import { Soc } from '../../src/arch/soc.js';
import type { DeviceFactory } from '../../src/arch/device-factory.js';
import type { ActionCounts, CompletionFn, ErrorStats, MemoryDevice } from '../../src/devices/device.js';
import type { Ps } from '../../src/units/quantity.js';
import { idealFactory, idealSoc } from './helpers.js';

/** Wraps initiator.inFlight so the largest value it ever takes is recorded. */
function trackInFlight(ini: { inFlight: number }): () => number {
  let v = ini.inFlight, max = v;
  Object.defineProperty(ini, 'inFlight', { configurable: true, get: () => v, set: (x: number) => { v = x; if (x > max) max = x; } });
  return () => max;
}

describe('a refused request and the initiator window', () => {
  it('is retried only once its initiator has a free slot, although the grant is held', () => {
    // Memory a holds one request at a time, so its second request is refused and held; memory b
    // takes the rest of the shared window meanwhile. When a completes, b's waiting stream takes
    // the freed slot before a's retry: the held request must then wait again, not issue a fifth.
    const engine = new Engine();
    const cfg = idealSoc([
      { id: 'a', channels: 1, channelBandwidth: 1e10, latencyPs: 5000, queueDepth: 1 },
      { id: 'b', channels: 1, channelBandwidth: 1e10, latencyPs: 5000, queueDepth: 64 },
    ], { window: 4 });
    const soc = new Soc(engine, cfg, idealFactory, 1);
    const gpu = soc.initiator('gpu');
    const maxInFlight = trackInFlight(gpu);
    let done = 0;
    const tagA = soc.ledger.tagFor('x', 'other', 'dense', 'a'), tagB = soc.ledger.tagFor('y', 'other', 'dense', 'b');
    soc.stream('a', gpu, 0, 64 * 16, false, tagA, () => { done++; });
    soc.stream('b', gpu, 0, 64 * 64, false, tagB, () => { done++; });
    engine.run();
    expect(done).toBe(2);
    expect(soc.port('a').refusals).toBeGreaterThan(0);
    expect(soc.port('a').bytesDelivered + soc.port('b').bytesDelivered).toBe(64 * 80);
    expect(maxInFlight()).toBe(4);
    expect(gpu.inFlight).toBe(0);
  });
});

/** A device of peak 1 B/ns that completes its requests in batches of 16, every 16 × 64 ns. */
class BurstDevice implements MemoryDevice {
  readonly kind = 'burst';
  readonly capacityBytes = 1 << 30;
  readonly granuleBytes = 64;
  readonly peakBandwidth = 1e9;
  private held: number[] = [];
  private completion: CompletionFn = () => {};
  private retryFn: () => void = () => {};
  private refused = false;
  private armed = false;
  constructor(private readonly engine: Engine, readonly path: string) {}
  setCompletion(fn: CompletionFn): void { this.completion = fn; }
  setRetry(fn: () => void): void { this.retryFn = fn; }
  offer(reqId: number): boolean {
    if (this.held.length >= 16) { this.refused = true; return false; }
    this.held.push(reqId);
    if (!this.armed) {
      this.armed = true;
      this.engine.schedule((this.engine.now as number) + 16 * 64_000, this.flush, Priority.Response);
    }
    return true;
  }
  private readonly flush = (): void => {
    this.armed = false;
    const now = this.engine.now as number;
    const batch = this.held;
    this.held = [];
    for (const r of batch) this.completion(r, now);
    if (this.refused) { this.refused = false; this.retryFn(); }
  };
  counts(): ActionCounts {
    return { path: this.path, kind: this.kind, actions: {}, bytesRead: 0, bytesWritten: 0, busyPs: 0, elapsedPs: this.engine.now as Ps };
  }
  errorStats(): ErrorStats { return { path: this.path, byTag: [] }; }
}

describe('link back-pressure', () => {
  it('a port stopped by a full link buffer resumes as soon as the backlog fits the buffer, so the link never idles', () => {
    // 1 GB/s link (64 ns per 64 B), 256 B buffer, device latency 100 ns < the 256 ns the buffer takes
    // to drain: issuing again when the backlog drops to the buffer keeps the link busy throughout;
    // waiting for the link to empty would idle it ≈ 100 ns every 256 ns.
    const engine = new Engine();
    const cfg = idealSoc([{ id: 'm', channels: 1, channelBandwidth: 1e11, latencyPs: 100_000, queueDepth: 64, linkBandwidth: 1e9 }], { window: 64 });
    (cfg.memories[0]!.link as { buffer: number }).buffer = 256;
    const soc = new Soc(engine, cfg, idealFactory, 1);
    let end = 0;
    soc.stream('m', soc.initiator('gpu'), 0, 65536, false, soc.ledger.tagFor('x', 'other', 'dense', 'm'), (s) => { end = s.lastArrivalPs; });
    engine.run();
    const linkTime = 65536 * 1000;
    expect(end).toBeGreaterThan(linkTime);
    expect(end).toBeLessThan(linkTime * 1.01);
  });
});

describe('utilisation series', () => {
  it('a device completing in bursts never shows a bucket above its peak, and every byte counts once', () => {
    const engine = new Engine();
    const cfg = idealSoc([{ id: 'm', channels: 1, channelBandwidth: 1e9, latencyPs: 0 }], { window: 64 });
    const factory: DeviceFactory = (_spec, eng, path) => ({ device: new BurstDevice(eng, path), energyTable: {} as never, estimates: [] });
    const soc = new Soc(engine, cfg, factory, 1);
    // 8 batches: the buckets (64 over the run) are then narrower than a batch period, so a burst
    // booked at its completion time would overfill the bucket it lands in.
    const bytes = 64 * 16 * 8;
    let end = 0;
    soc.stream('m', soc.initiator('gpu'), 0, bytes, false, soc.ledger.tagFor('x', 'other', 'dense', 'm'), (s) => { end = s.lastArrivalPs; });
    engine.run();
    expect(end).toBeGreaterThan(0);
    const p = soc.port('m');
    expect(p.series.widthPs).toBeLessThan(16 * 64_000);
    const v = p.series.values();
    expect(v.reduce((a, b) => a + b, 0)).toBeCloseTo(bytes, 6);
    const peakPerBucket = p.device.peakBandwidth * p.series.widthPs * 1e-12;
    expect(Math.max(...v)).toBeGreaterThan(0.99 * peakPerBucket); // the device runs at its peak on average
    for (const x of v) expect(x).toBeLessThanOrEqual(peakPerBucket * (1 + 1e-9));
  });
});
