/**
 * Behaviour fingerprints of the LPDDR5 model: runs fixed traffic (closed-loop sequential / random
 * reads, open-loop mixed reads/writes with multi-block requests and idle gaps) under every controller
 * configuration and hashes each channel's full command stream, every completion (order, id, time) and the final
 * action counts. Used by behaviour-fingerprint.test.ts to prove speed work left behaviour unchanged.
 */
import { createHash } from 'node:crypto';
import { Engine } from '../../../src/engine/index.js';
import { StatScope } from '../../../src/engine/stats.js';
import { rngFor } from '../../../src/engine/rng.js';
import { createLpddr5, type Lpddr5Params } from '../../../src/devices/dram/index.js';
import type { Ps } from '../../../src/units/quantity.js';

/** One hash accumulator fed numbers in batches (no per-command string). */
class Hasher {
  private readonly h = createHash('sha256');
  private readonly buf = new Float64Array(4096);
  private n = 0;
  add(v: number): void {
    this.buf[this.n++] = v;
    if (this.n === this.buf.length) this.flush();
  }
  private flush(): void {
    this.h.update(new Uint8Array(this.buf.buffer, 0, this.n * 8));
    this.n = 0;
  }
  text(s: string): void {
    this.flush();
    this.h.update(s);
  }
  digest(): string {
    this.flush();
    return this.h.digest('hex').slice(0, 16);
  }
}

/** Command streams are hashed per channel: channels are independent command buses, and the model may
 * report one channel's commands ahead of another's (e.g. ACT-2 together with its ACT-1). */
const channelHashes = new WeakMap<Hasher, Hasher[]>();

function device(params: Lpddr5Params, h: Hasher): { engine: Engine; dev: ReturnType<typeof createLpddr5>; stats: StatScope } {
  const engine = new Engine();
  const stats = StatScope.root();
  const dev = createLpddr5(engine, params, 'dram', stats.child('dram'));
  const perChannel = Array.from({ length: dev.cfg.org.channels }, () => new Hasher());
  channelHashes.set(h, perChannel);
  dev.setCommandObserver((ch, ra, bg, ba, row, cmd, t) => {
    const c = perChannel[ch]!;
    c.add(ra); c.add(bg); c.add(ba); c.add(row); c.add(cmd); c.add(t);
  });
  return { engine, dev, stats };
}

function finish(h: Hasher, engine: Engine, dev: ReturnType<typeof createLpddr5>, stats: StatScope): string {
  const c = dev.counts();
  for (const ch of channelHashes.get(h)!) h.text(ch.digest());
  if (process.env.FP_SHOW) console.error(JSON.stringify(c.actions));
  h.text(JSON.stringify(c));
  h.text(JSON.stringify(stats.records()));
  h.add(engine.now);
  return h.digest();
}

/** Closed loop: `window` outstanding per channel, addresses from addrOf (the bench's driver). */
export function closedLoop(params: Lpddr5Params, n: number, addrOf: (i: number) => number, writeEvery = 0, window = 64): string {
  const h = new Hasher();
  const { engine, dev, stats } = device(params, h);
  const win = window * dev.cfg.org.channels;
  let issued = 0, outstanding = 0;
  const pump = (): void => {
    while (issued < n && outstanding < win) {
      const w = writeEvery > 0 && issued % writeEvery === 0;
      if (!dev.offer(issued, addrOf(issued) % dev.capacityBytes, 64, w, 0)) return;
      issued++;
      outstanding++;
    }
  };
  dev.setCompletion((id, t) => { h.add(id); h.add(t); outstanding--; pump(); });
  dev.setRetry(pump);
  pump();
  engine.run();
  return finish(h, engine, dev, stats);
}

/** Open loop: timed offers (reads, writes, multi-block sizes, idle gaps), counts() polled mid-run. */
export function openLoop(params: Lpddr5Params, n: number, seed: number, span: number): string {
  const h = new Hasher();
  const { engine, dev, stats } = device(params, h);
  const rng = rngFor(seed, 'fingerprint.open');
  const ops: { at: number; addr: number; size: number; write: boolean }[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    t += r < 0.02 ? Math.floor(rng.next() * 8_000_000) : Math.floor(rng.next() * 6_000);
    const size = rng.next() < 0.15 ? 1 + Math.floor(rng.next() * 600) : rng.next() < 0.1 ? 32 : 64;
    const hot = rng.next() < 0.6;
    const addr = hot ? Math.floor(rng.next() * 4096) * 64 + (Math.floor(rng.next() * 8) * span) : Math.floor(rng.next() * (dev.capacityBytes / 64 - 16)) * 64;
    ops.push({ at: t, addr, size, write: rng.next() < 0.35 });
  }
  dev.setCompletion((id, tt) => { h.add(id); h.add(tt); });
  const waiting: number[] = [];
  let wHead = 0;
  const pump = (): void => {
    while (wHead < waiting.length) {
      const i = waiting[wHead]!;
      const o = ops[i]!;
      if (!dev.offer(i, o.addr, o.size, o.write, 0)) return;
      wHead++;
    }
  };
  dev.setRetry(pump);
  ops.forEach((o, i) => engine.at(o.at as Ps, () => {
    waiting.push(i);
    pump();
    if (i % 997 === 0) h.text(JSON.stringify(dev.counts().actions));
  }));
  engine.run();
  return finish(h, engine, dev, stats);
}

const GBIT = 2 ** 30 / 8;

/** Every fingerprinted scenario by name. */
export function scenarios(): Record<string, () => string> {
  const out: Record<string, () => string> = {};
  const randOrin = (): ((i: number) => number) => {
    const rng = rngFor(7, 'fingerprint.random');
    const cap = 2 ** 40; // folded to the capacity by closedLoop
    const a = new Float64Array(40_000);
    for (let i = 0; i < a.length; i++) a[i] = Math.floor(rng.next() * (cap / 64)) * 64;
    return (i) => a[i]!;
  };
  out['orin seq'] = () => closedLoop({ preset: 'orin-agx' }, 40_000, (i) => i * 64);
  out['orin random'] = () => closedLoop({ preset: 'orin-agx' }, 40_000, randOrin());
  out['orin random writes'] = () => closedLoop({ preset: 'orin-agx' }, 30_000, randOrin(), 3);
  out['orin seq writes per-bank'] = () => closedLoop({ preset: 'orin-agx', refresh: 'per-bank' }, 30_000, (i) => i * 64, 4);
  for (const scheduler of ['fr-fcfs', 'fcfs'] as const) {
    for (const pagePolicy of ['open', 'closed'] as const) {
      for (const refresh of ['all-bank', 'per-bank'] as const) {
        for (const [bankMode, ranks, mapping] of [['BG', 1, 'RoCoBaBgCh'], ['8B', 2, 'RoBaBgCoCh'], ['BG', 2, 'ChRaBaBgRoCo']] as const) {
          const p: Lpddr5Params = { preset: 'LPDDR5_6400', channels: 2, ranks, density: 8 * GBIT, bankMode, scheduler, pagePolicy, refresh, addressMapping: mapping, readQueue: 16, writeQueue: 16 };
          const name = `${scheduler} ${pagePolicy} ${refresh} ${bankMode} r${ranks} ${mapping}`;
          out[`${name} open-loop`] = () => openLoop(p, 2500, 11, 1 << 20);
          out[`${name} closed random`] = () => closedLoop(p, 3000, (i) => ((i * 2654435761) % (2 ** 26)) * 64, 3, 16);
          // a few hot rows per bank: hits, conflicts and FR-FCFS reordering
          out[`${name} closed hot`] = () => closedLoop(p, 3000, (i) => ((i * 40503) % 3) * (1 << 21) + ((i * 2654435761) % 1024) * 64, 5, 16);
        }
      }
    }
  }
  return out;
}

if (process.argv[1]?.endsWith('fingerprint-runner.ts')) {
  const res: Record<string, string> = {};
  for (const [k, f] of Object.entries(scenarios())) res[k] = f();
  console.log(JSON.stringify(res, null, 1));
}
