/**
 * Analytic checks of the port fabric: at low load a single-server port (one deterministic-service
 * channel) shows the M/D/1 mean queueing delay Wq = ρ·D / (2(1 − ρ)) within 5%, measured both in
 * the memory (device latency − unloaded latency) and on a link that is the only server.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { rngFor } from '../../src/engine/rng.js';
import { Soc } from '../../src/arch/soc.js';
import { idealFactory, idealSoc } from './helpers.js';

/** Poisson arrivals of 64-B reads into `memory`; returns the SoC after the run. */
function poisson(memLink: { chBw: number; linkBw: number }, rho: number, n: number, seed: number): Soc {
  const engine = new Engine();
  const cfg = idealSoc([{ id: 'm', channels: 1, channelBandwidth: memLink.chBw, latencyPs: 2000, queueDepth: 1 << 20, linkBandwidth: memLink.linkBw }], { window: 1 << 16 });
  const soc = new Soc(engine, cfg, idealFactory, seed);
  const D = (64 / Math.min(memLink.chBw, memLink.linkBw)) * 1e12;
  const meanGap = D / rho;
  const rng = rngFor(seed, 'test.arrivals');
  const gpu = soc.initiator('gpu');
  const tag = soc.ledger.tagFor('x', 'other', 'dense', 'm');
  let t = 0;
  let addr = 0;
  for (let k = 0; k < n; k++) {
    t += Math.max(1, Math.round(-Math.log(1 - rng.next()) * meanGap));
    const a = addr;
    addr += 64;
    engine.schedule(t, () => { soc.stream('m', gpu, a, 64, false, tag, () => {}); });
  }
  engine.run();
  return soc;
}

describe('M/D/1 at low load', () => {
  for (const rho of [0.2, 0.3]) {
    it(`device server, ρ = ${rho}: mean queueing delay within 5% of ρD/(2(1−ρ))`, () => {
      const soc = poisson({ chBw: 12.8e9, linkBw: 1e15 }, rho, 60000, 7);
      const p = soc.port('m');
      const D = 5000; // 64 B at 12.8 GB/s
      const wq = (rho * D) / (2 * (1 - rho));
      const measured = p.deviceLatencySumPs / p.requests - p.deviceLatencyMinPs;
      expect(p.deviceLatencyMinPs).toBe(D + 2000);
      expect(Math.abs(measured / wq - 1)).toBeLessThan(0.05);
    });
  }
  it('link server, ρ = 0.3: mean link wait within 5% of ρD/(2(1−ρ))', () => {
    const soc = poisson({ chBw: 1e16, linkBw: 12.8e9 }, 0.3, 60000, 11);
    const link = soc.port('m').link;
    const D = 5000;
    const wq = (0.3 * D) / (2 * 0.7);
    expect(Math.abs(link.waitPs / link.transfers / wq - 1)).toBeLessThan(0.05);
  });
});
