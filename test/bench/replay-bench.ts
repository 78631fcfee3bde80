/**
 * Replay throughput: simulated 64-byte accesses per second of wall time for 1M sequential and 1M
 * random reads (Ramulator 2 `LD` text trace, parsed from an in-memory buffer by the same reader as
 * files) on the QMC MRAM and 3-bit ReRAM presets and the Orin LPDDR5-6400 preset. Also the
 * compact binary trace on MRAM, to separate parsing from simulation. Wall and CPU time are both
 * printed (CPU time is the steadier figure on a shared machine). Run: npx tsx test/bench/replay-bench.ts [N]
 */
import { runReplay } from '../../src/devices/trace-replay/run-replay.js';
import { BinaryTraceWriter } from '../../src/devices/trace-replay/binary-trace.js';

const N = Number(process.argv[2] ?? 1_000_000);
const TARGET = 2e6;

function ldTrace(n: number, random: boolean): Buffer {
  const parts: string[] = [];
  let x = 12345;
  for (let i = 0; i < n; i++) {
    let block = i;
    if (random) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      block = x % (1 << 22); // 256 MiB of 64 B blocks
    }
    parts.push(`LD 0x${(block * 64).toString(16)}`);
  }
  return Buffer.from(parts.join('\n') + '\n');
}

function binTrace(n: number): Buffer {
  const w = new BinaryTraceWriter(n);
  for (let i = 0; i < n; i++) w.add(0, false, i * 64, 64);
  return w.finish();
}

const traces = { sequential: ldTrace(N, false), random: ldTrace(N, true) };
const rows: string[] = [];
function bench(device: string, pattern: string, data: Buffer): void {
  // One warm-up on a prefix so JIT state is comparable across rows.
  const cut = data[0] === 0x51 ? Math.min(data.length, 8 + 24 * 20_000) : data.indexOf(10, Math.min(data.length - 1, 200_000)) + 1;
  runReplay({ device, trace: { name: 'warm', data: data.subarray(0, cut) }, maxOutstanding: 256 });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = runReplay({ device, trace: { name: pattern, data }, maxOutstanding: 256 }).result;
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const n = r.reads + r.writes;
  const rate = n / s;
  const line = `${device.padEnd(20)} ${pattern.padEnd(19)} ${n} accesses in ${s.toFixed(2)} s wall (${cpu.toFixed(2)} s CPU) = ${(rate / 1e6).toFixed(2)} M accesses/s wall, ${(n / cpu / 1e6).toFixed(2)} M/CPU-s `
    + `(simulated ${(r.bandwidth / 2 ** 30).toFixed(1)} GiB/s); 2M/s target: ${rate >= TARGET ? 'met' : 'NOT met'} on wall clock, ${n / cpu >= TARGET ? 'met' : 'NOT met'} per CPU-s`;
  console.log(line);
  rows.push(line);
}

for (const device of ['qmc-mram', 'qmc-reram-3bit', 'orin-lpddr5-6400']) {
  for (const [pattern, data] of Object.entries(traces)) bench(device, `${pattern} (text)`, data);
}
bench('qmc-mram', 'sequential (binary)', binTrace(N));
