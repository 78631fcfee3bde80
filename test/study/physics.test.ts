/**
 * Issue 7 acceptance 2: changing a physical input moves the result the way physics says.
 * SmolLM2-135M with the built-in QMC hardware (ratios are model-size independent):
 * - halving the ReRAM arrays roughly halves latency-vs-fp16 while ReRAM-bound;
 * - at rho = 0.4 the MRAM stream is the bottleneck (at 0.3 it is ReRAM);
 * - the device-only energy ratio does not depend on bandwidth (arrays, LPDDR5 link rate).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/reproduce.js';
import { runOne } from '../../src/study/run-one.js';
import { summarize } from '../../src/study/from-run-report.js';
import { bottleneck, deviceReadEnergy, type RunSummary } from '../../src/study/run-summary.js';

const DIR = join(import.meta.dirname, '../../experiments/qmc');
const MODEL = 'model=smollm2-135m';
const { study } = loadStudy(join(DIR, 'study.yaml'));
const conf = (id: string) => study.configurations.find((c) => c.id === id)!;

function sim(id: string, extra: string[] = []): RunSummary {
  const c = conf(id);
  const r = runOne(join(DIR, c.file), [...c.set, MODEL, ...extra], { seed: 1, layerReuse: true, weightTrafficOnly: true });
  return summarize(id, c.label, r.config, r.report);
}

let fp16: RunSummary, qmc: RunSummary, qmcHalf: RunSummary;
beforeAll(() => {
  fp16 = sim('fp16');
  qmc = sim('qmc-3bit');
  // 2 channels × 3 banks × 13 arrays = 78 arrays: half of the study's 156.
  qmcHalf = sim('qmc-3bit', ['soc.memories[1].device.banksPerChannel=3']);
}, 240_000);

describe('physics of the reproduction', () => {
  it('halving the ReRAM arrays roughly halves latency-vs-fp16 while ReRAM-bound', () => {
    expect(bottleneck(qmc)).toBe('reram');
    expect(bottleneck(qmcHalf)).toBe('reram');
    const full = fp16.latencyPs / qmc.latencyPs;
    const half = fp16.latencyPs / qmcHalf.latencyPs;
    expect(half / full).toBeGreaterThan(0.45);
    expect(half / full).toBeLessThan(0.55);
  });

  it('device-only energy does not depend on bandwidth', () => {
    expect(Math.abs(deviceReadEnergy(qmcHalf) / deviceReadEnergy(qmc) - 1)).toBeLessThan(1e-9);
    const fp16Slow = sim('fp16', ['soc.memories[0].link.transferRate=3200 MT/s']);
    expect(fp16Slow.latencyPs).toBeGreaterThan(fp16.latencyPs * 1.2);
    expect(Math.abs(deviceReadEnergy(fp16Slow) / deviceReadEnergy(fp16) - 1)).toBeLessThan(1e-9);
  }, 120_000);

  it('at rho = 0.4 the MRAM stream is the bottleneck', () => {
    const q4 = sim('qmc-3bit', ['quant.rho=0.4']);
    expect(bottleneck(q4)).toBe('mram');
    expect(q4.latencyPs).toBeGreaterThan(qmc.latencyPs);
  }, 120_000);
});
