/**
 * Runs every test/bench/*-bench.ts in sequence, each in its own process (so one bench's JIT and
 * heap state never colours another's), printing their output. `npm run bench`. Exits 0 unless a
 * bench crashes (a FAIL against a throughput target is reported, not fatal).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('-bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let crashed = 0;
for (const f of benches) {
  const file = join(here, f);
  console.log(`\n=== ${relative(root, file)}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: 'inherit' });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    crashed++;
    console.log(`=== ${f}: exited with ${r.status ?? r.signal} after ${secs} s`);
  } else console.log(`=== ${f}: done in ${secs} s`);
}
console.log(`\n${benches.length} benchmark file(s) run${crashed ? `, ${crashed} crashed` : ''}`);
process.exitCode = crashed ? 1 : 0;
