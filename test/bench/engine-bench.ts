/**
 * Engine throughput in the classic hold model: keep N events pending; every fired event schedules
 * one more at now + a random increment. Compared with a bare tinyqueue push/pop loop of {time, seq}
 * objects doing the same work, on the same machine, with the same increments. Target ratio ≥ 0.6.
 * Run: npx tsx test/bench/engine-bench.ts (or npm run bench). Always exits 0.
 */
import TinyQueue from 'tinyqueue';
import { Engine, rngFor } from '../../src/engine/index.js';
import type { Ps } from '../../src/units/quantity.js';

import { summaryLine } from './summary-line.js';

const TARGET = 0.6;
const OPS = Number(process.env.QMCSIM_BENCH_OPS ?? 2_000_000);

/** Pre-drawn increments (1..1000 ps) so both loops do identical queue work. */
function increments(n: number): Int32Array {
  const r = rngFor(1, 'bench.hold');
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = 1 + r.int(1000);
  return a;
}
const INC = increments(1 << 20);
const MASK = INC.length - 1;

function bareLoop(pending: number, ops: number): number {
  interface Item { time: number; seq: number }
  const q = new TinyQueue<Item>([], (a, b) => a.time - b.time || a.seq - b.seq);
  let seq = 0;
  let k = 0;
  for (let i = 0; i < pending; i++) q.push({ time: INC[k++ & MASK] as number, seq: seq++ });
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) {
    const top = q.pop() as Item;
    q.push({ time: top.time + (INC[k++ & MASK] as number), seq: seq++ });
  }
  return ops / ((performance.now() - t0) / 1000);
}

function engineLoop(pending: number, ops: number, withHandles: boolean): number {
  const e = new Engine();
  let k = 0;
  let left = ops;
  const hold = (): void => {
    if (--left > 0) {
      if (withHandles) e.after(INC[k++ & MASK] as Ps, hold);
      else e.schedule(e.now + (INC[k++ & MASK] as number), hold);
    } else e.stop('done');
  };
  for (let i = 0; i < pending; i++) e.schedule(INC[k++ & MASK] as number, hold);
  const t0 = performance.now();
  e.run();
  const fired = e.eventsProcessed;
  return fired / ((performance.now() - t0) / 1000);
}

const fmt = (x: number): string => `${(x / 1e6).toFixed(2)} M/s`;

/** Runs the contenders alternately `reps` times and keeps each one's best rate (robust to load drift). */
function interleavedBest(fns: ReadonlyArray<() => number>, reps = 5): number[] {
  const bestRates = fns.map(() => 0);
  for (let r = 0; r < reps; r++) fns.forEach((fn, i) => { bestRates[i] = Math.max(bestRates[i] as number, fn()); });
  return bestRates;
}

console.log(`engine hold-model benchmark (${OPS.toLocaleString('en-US')} events per run, best of 5, interleaved)`);
let allPass = true;
for (const pending of [1_000, 100_000]) {
  bareLoop(pending, OPS / 4); // warm-up (JIT)
  engineLoop(pending, OPS / 4, false);
  const [bare = 0, eng = 0, engH = 0] = interleavedBest([
    () => bareLoop(pending, OPS),
    () => engineLoop(pending, OPS, false),
    () => engineLoop(pending, OPS, true),
  ]);
  const ratio = eng / bare;
  const pass = ratio >= TARGET;
  allPass &&= pass;
  summaryLine('2', `engine / bare tinyqueue, ${pending.toLocaleString('en-US')} pending`, ratio.toFixed(2), `≥ ${TARGET}`, pass);
  console.log(`  pending ${pending.toLocaleString('en-US').padStart(7)}: bare tinyqueue ${fmt(bare)}, engine.schedule ${fmt(eng)}, engine.after (with handle) ${fmt(engH)}; ratio ${ratio.toFixed(2)} (target ≥ ${TARGET}) ${pass ? 'PASS' : 'FAIL'}`);
}
console.log(`engine-bench: ${allPass ? 'PASS' : 'FAIL'}`);
