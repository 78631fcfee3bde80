/**
 * SoC replay benchmark: wall time, CPU time and accesses/s of one full Hymba-1.5B decode token
 * without layer reuse, for the default QMC configuration and the FP16-on-LPDDR5 baseline
 * (issue 7 acceptance 5: QMC ≤ 5 s). Run: npx tsx test/bench/soc-bench.ts [--reuse]
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { runConfig } from '../../src/arch/run.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reuse = process.argv.includes('--reuse');
const configs = process.argv.filter((a) => a.endsWith('.yaml'));
const files = configs.length > 0 ? configs : ['configs/runs/qmc-hymba.yaml', 'configs/runs/fp16-hymba.yaml'];

for (const f of files) {
  const cfg = loadRunConfig(resolve(root, f));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = runConfig(cfg, { seed: 1, layerReuse: reuse });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const m = r.metrics;
  let accesses = 0;
  for (const [k, v] of Object.entries(m)) if (k.startsWith('accessesByMemory.')) accesses += v;
  const weightAcc = r.tensors.filter((t) => t.part !== 'kv' && t.part !== 'state' && t.part !== 'activation').reduce((a, t) => a + t.accesses, 0);
  console.log(
    `${cfg.name}${reuse ? ' (layer reuse)' : ''}: wall ${wall.toFixed(2)} s, cpu ${cpuS.toFixed(2)} s, ` +
    `${(accesses / 1e6).toFixed(2)}M accesses (${(weightAcc / 1e6).toFixed(2)}M weight), ${(accesses / wall / 1e6).toFixed(2)}M accesses/s wall, ` +
    `${(accesses / cpuS / 1e6).toFixed(2)}M/s cpu; latency ${(m.latencyPerTokenPs! / 1e9).toFixed(4)} ms, energy ${(m.energyPerTokenPj! / 1e9).toFixed(3)} mJ; ${m.engineEvents} engine events (${(m.engineEvents! / accesses).toFixed(2)} per access)`,
  );
}
