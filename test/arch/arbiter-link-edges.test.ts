// Arbiter and link details the contention tests leave open: fixed-priority ties go to the lower
// index, weighted grants start with the first contender's full weight, weights must be integers,
// a link round trip pays the flight latency twice, a port stops issuing beyond the link buffer and
// counts the time the device refused it.
import { describe, expect, it } from 'vitest';
import { createArbiter } from '../../src/arch/arbiter.js';
import { Link } from '../../src/arch/link.js';
import type { BytesPerSec, PJPerBit, Ps } from '../../src/units/quantity.js';
import { Engine } from '../../src/engine/engine.js';
import { Soc } from '../../src/arch/soc.js';
import { idealFactory, idealSoc } from './helpers.js';

const all = (): boolean => true;

describe('arbiter edges', () => {
  it('fixed priority: equal priorities are served by index order', () => {
    const a = createArbiter('fixed-priority', [1, 0, 0, 1], [1, 1, 1, 1]);
    expect(a.pick(4, all)).toBe(1);
    expect(a.pick(4, (i) => i !== 1)).toBe(2);
    expect(a.pick(4, (i) => i === 0 || i === 3)).toBe(0);
  });

  it('weighted: the first contender keeps the grant for its whole weight from the start', () => {
    const a = createArbiter('weighted', [0, 0], [3, 1]);
    expect(Array.from({ length: 8 }, () => a.pick(2, all))).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('weighted: non-integer or non-positive weights are refused', () => {
    expect(() => createArbiter('weighted', [0, 0], [1.5, 1])).toThrow(/positive integers/);
    expect(() => createArbiter('weighted', [0, 0], [0, 1])).toThrow(/positive integers/);
  });
});

describe('link', () => {
  it('arrival = transfer end + 2 × latency; a busy link delays the start', () => {
    const l = new Link({ id: 'l', latencyPs: 100 as Ps, bandwidth: 1e9 as BytesPerSec, energyPerBit: 0.1 as PJPerBit, bufferBytes: 1024 });
    expect(l.carry(0, 64)).toBe(64_000 + 200);
    expect(l.carry(10_000, 64)).toBe(128_000 + 200); // waits for the first transfer
    expect(l.waitPs).toBe(54_000);
    expect(l.busyPs).toBe(128_000);
    expect(l.energyPj()).toBeCloseTo(128 * 8 * 0.1, 9);
  });
});

describe('port back-pressure', () => {
  /** One 64 KiB read stream into memory m; probes the link backlog every 500 ps. */
  function stream(opts: { linkBandwidth: number; queueDepth: number; linkBuffer?: number }): { soc: Soc; maxBacklog: number; end: number } {
    const engine = new Engine();
    const cfg = idealSoc([{ id: 'm', channels: 1, channelBandwidth: 1e10, latencyPs: 1000, queueDepth: opts.queueDepth, linkBandwidth: opts.linkBandwidth }], { window: 16 });
    if (opts.linkBuffer !== undefined) (cfg.memories[0]!.link as { buffer: number }).buffer = opts.linkBuffer;
    const soc = new Soc(engine, cfg, idealFactory, 1);
    let end = 0;
    soc.stream('m', soc.initiator('gpu'), 0, 65536, false, soc.ledger.tagFor('x', 'other', 'dense', 'm'), (s) => { end = s.lastArrivalPs; });
    let maxBacklog = 0;
    const probe = (): void => {
      maxBacklog = Math.max(maxBacklog, soc.port('m').link.backlogBytes(engine.now));
      if (end === 0) engine.schedule(engine.now + 500, probe);
    };
    engine.schedule(0, probe);
    engine.run();
    return { soc, maxBacklog, end };
  }

  it('a slow link with a small buffer never holds much more than the buffer', () => {
    const r = stream({ linkBandwidth: 1e9, queueDepth: 64, linkBuffer: 256 });
    expect(r.end).toBeGreaterThan(65536 * 1000); // the link (1 GB/s) is the bottleneck
    // buffer + what the device may still complete once issue stops (a window of 16 granules)
    expect(r.maxBacklog).toBeLessThanOrEqual(256 + 16 * 64);
    const loose = stream({ linkBandwidth: 1e9, queueDepth: 64 });
    expect(loose.maxBacklog).toBeGreaterThan(4 * r.maxBacklog);
  });

  it('device refusals are counted and the time spent refused is accumulated as stall', () => {
    const r = stream({ linkBandwidth: 1e15, queueDepth: 2 });
    const p = r.soc.port('m');
    expect(p.refusals).toBeGreaterThan(0);
    expect(p.stallPs).toBeGreaterThan(0);
    expect(p.stallPs).toBeLessThanOrEqual(r.end);
    expect(p.bytesDelivered).toBe(65536);
  });
});
