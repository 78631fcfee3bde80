/**
 * Runs every test/bench/*-bench.ts in sequence, each in its own process (so one bench's JIT and
 * heap state never colours another's), printing their output, then a summary table of every
 * issue target (the benches' `bench-summary` lines). `npm run bench [name ...]`. Exits 0 unless a
 * bench crashes (a missed throughput target is reported, not fatal: timing is not a test).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUMMARY_PREFIX } from './summary-line.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('-bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

/** Runs one bench, echoing its output; resolves with its exit status and its summary lines. */
function runBench(file: string): Promise<{ status: number | string; summary: string[][] }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const summary: string[][] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) {
        if (l.startsWith(SUMMARY_PREFIX)) summary.push(l.slice(SUMMARY_PREFIX.length).split('\t'));
        else process.stdout.write(`${l}\n`);
      }
    });
    child.on('close', (code, signal) => {
      if (partial) process.stdout.write(`${partial}\n`);
      done({ status: code ?? signal ?? 'unknown', summary });
    });
  });
}

let crashed = 0;
const rows: string[][] = [];
for (const f of benches) {
  const file = join(here, f);
  console.log(`\n=== ${relative(root, file)}`);
  const t0 = performance.now();
  const r = await runBench(file);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  rows.push(...r.summary);
  if (r.status !== 0) {
    crashed++;
    console.log(`=== ${f}: exited with ${r.status} after ${secs} s`);
  } else console.log(`=== ${f}: done in ${secs} s`);
}
console.log(`\n${benches.length} benchmark file(s) run${crashed ? `, ${crashed} crashed` : ''}`);
if (rows.length > 0) {
  const head = ['issue', 'benchmark', 'measured', 'target', 'verdict'];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]): string => r.map((c, i) => c.padEnd(w[i]!)).join('  ').trimEnd();
  console.log(`\nTargets (load average now ${loadavg()[0]!.toFixed(1)}; wall-clock figures shrink on a shared machine)`);
  console.log(fmt(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(fmt(r));
}
process.exitCode = crashed ? 1 : 0;
