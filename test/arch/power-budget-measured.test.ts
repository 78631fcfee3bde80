// QMC Eq. 4 (weightReadPowerW) takes each weight memory's measured dynamic energy per bit, not only
// its table's `readBits` entry: with the LPDDR5 IDD table (ACT, RD and I/O priced apart) the power at
// peak bandwidth was 7× below the run's own average power. And a memory that delivered no weight
// this token (ReRAM at ρ = 1) is no weight stream: it was counted because the placement listed it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { runConfig } from '../../src/arch/run.js';

const RUNS = join(import.meta.dirname, '../../configs/runs');
const metrics = (file: string, set: string[]): Readonly<Record<string, number>> =>
  runConfig(loadRunConfig(join(RUNS, file), ['model=smollm2-135m', 'workload.contextLength=128', ...set]), { seed: 1, layerReuse: true }).metrics;

describe('Eq. 4 weight-read power', () => {
  it('is at least the average dynamic device power of the run (peak bandwidth ≥ achieved), with a per-command LPDDR5 table', () => {
    const m = metrics('fp16-hymba.yaml', ['soc.memories[0].device.preset=orin-lpddr5-6400']);
    const dynamicW = (m.energyDevicePj! - m.energyBackgroundPj!) / m.latencyPerTokenPs!; // pJ/ps = W
    expect(dynamicW).toBeGreaterThan(1);
    expect(m.weightReadPowerW!).toBeGreaterThanOrEqual(dynamicW);
  }, 120_000);
  it('leaves out a memory that delivered no weight bytes', () => {
    const a = metrics('qmc-hymba.yaml', ['quant.rho=1']);
    const b = metrics('qmc-hymba.yaml', ['quant.rho=1', 'soc.memories[reram].device.readEnergy=100 pJ/bit']);
    expect(a['bytesByMemory.reram'] ?? 0).toBe(0);
    expect(b.weightReadPowerW).toBe(a.weightReadPowerW);
  }, 120_000);
});
