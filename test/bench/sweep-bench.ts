/**
 * Sweep throughput: points per minute for a 200-point ρ (10, 0.05–0.5) × MLC cell mode (2) × ReRAM arrays
 * (10) sweep of QMC on Hymba-1.5B with the real runConfig (layer reuse on) at 2 worker threads,
 * plus the worker-thread start-up cost (tsx registration + module load). Prints; exits 0.
 * `npx tsx test/bench/sweep-bench.ts [points]` runs only the first `points` grid points.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PoolExecutor } from '../../src/sweep/executor-pool.js';
import { ResultsDb } from '../../src/sweep/results-db.js';
import { runSweep } from '../../src/sweep/run-sweep.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import type { SweepSpec } from '../../src/sweep/spec-types.js';
import { summaryLine } from './summary-line.js';

const root = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'qmcsim-sweep-bench-'));
const limit = Number(process.argv[2] ?? 200);
const sweepFile = join(dir, 'bench.yaml');
writeFileSync(sweepFile, `kind: sweep
name: sweep-bench
base: ${join(root, 'configs/runs/qmc-hymba.yaml')}
seed: 1
layerReuse: true
set:   # capacities so every point fits (the defaults are sized for ρ = 0.3), as in qmc-design-space.yaml
  soc.memories[0].device.capacity: 512 MiB
  soc.memories[1].device.capacity: 768 MiB
axes:
  - quant.rho: { from: 0.05, to: 0.5, steps: 10 }
  - soc: [../soc/orin-agx-qmc.yaml, ../soc/orin-agx-qmc-2bit.yaml]
  - soc.memories[1].device.arraysPerBank: { from: 5, to: 23, steps: 10, integer: true }
metrics: [latencyPerTokenPs, energyPerTokenPj, weightReadPowerW]
`);

// Worker-thread start-up: two threads, each registering tsx and loading the toy evaluator once.
const toy = join(root, 'test/sweep/fixtures/toy-sweep.yaml');
const tStart = performance.now();
const warm = new PoolExecutor(2);
const toySpec = loadSweepSpec(toy);
const db0 = await ResultsDb.open(join(dir, 'startup.duckdb'));
await runSweep({ ...toySpec, axes: toySpec.axes.slice(0, 1) }, { db: db0, resume: false, executor: warm });
const startupMs = performance.now() - tStart;
await warm.close();
await db0.close();

const full = loadSweepSpec(sweepFile);
const spec: SweepSpec = limit >= 200 ? full : { ...full, sampler: { type: 'random', count: limit, seed: 1 } };
const db = await ResultsDb.open(join(dir, 'bench.duckdb'));
const t0 = performance.now();
const pool = new PoolExecutor(2);
let firstDone = 0;
const summary = await runSweep(spec, {
  db, resume: false, executor: pool,
  onProgress: (p) => {
    if (p.done === 1) firstDone = performance.now() - t0;
    if (p.done % 20 === 0 && p.done > 0) console.log(`  ${p.done}/${p.total} points, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  },
});
const totalMs = performance.now() - t0;
const errors = new Map<string, number>();
for (const p of summary.points) if (p.error !== null) errors.set(p.error, (errors.get(p.error) ?? 0) + 1);
await pool.close();
await db.close();

const n = summary.ran;
const steadyMin = (totalMs - firstDone) / 60_000;
console.log(`sweep-bench: ${n} points of QMC on Hymba-1.5B (runConfig, layer reuse) at 2 workers`);
console.log(`  wall time            ${(totalMs / 1000).toFixed(1)} s (incl. expansion of ${n} points and pool start)`);
console.log(`  points per minute    ${(n / (totalMs / 60_000)).toFixed(1)} overall, ${((n - 1) / steadyMin).toFixed(1)} after the first point`);
console.log(`  worker start-up      ${startupMs.toFixed(0)} ms for 2 threads (tsx register + evaluator load + a toy point)`);
console.log(`  failed / infeasible  ${summary.points.filter((p) => p.status !== 'ok').length} (a failed point is a design that does not fit, stored as such)`);
for (const [e, c] of errors) console.log(`    ${c} × ${e}`);
summaryLine('8', `${n}-point sweep at 2 workers`, `${(n / (totalMs / 60_000)).toFixed(1)} points/min`, '(none set)', null);
