// QMC Eq. 4 on an SoC whose memories share one bus: the weight streams cannot together exceed the
// bus bandwidth, so the peak weight-read power fills the bus with the most expensive streams first
// (here 100 GB/s at 2 pJ/bit + 50 GB/s at 1 pJ/bit = 2.0 W), not the per-stream sum a crossbar
// allows (2.4 W), which the report used for a bus too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { runConfig } from '../../src/arch/run.js';
import { readPowerW } from '../../src/arch/power-budget.js';
import { tinyModelYaml } from '../cli/fixtures.js';

const soc = (bus: boolean): string => `kind: soc
name: two-ideal
initiators: [{ id: gpu, type: gpu, window: 64 }]
interconnect: { type: ${bus ? 'bus' : 'crossbar'}, arbiter: round-robin${bus ? ', bus: { transferRate: 1 GT/s, width: 150 B, latency: 1 ns, energyPerBit: 0 pJ/bit }' : ''} }
memories:
  - id: a
    device: { type: ideal, capacity: 64 MiB, channels: 1, channelBandwidth: 100 GB/s, latency: 10 ns, readEnergy: 2 pJ/bit }
${bus ? '' : '    link: { transferRate: 1 GT/s, width: 1 KiB, latency: 1 ns, energyPerBit: 0 pJ/bit }\n'}  - id: b
    device: { type: ideal, capacity: 64 MiB, channels: 1, channelBandwidth: 100 GB/s, latency: 10 ns, readEnergy: 1 pJ/bit }
${bus ? '' : '    link: { transferRate: 1 GT/s, width: 1 KiB, latency: 1 ns, energyPerBit: 0 pJ/bit }\n'}regions:
  - { id: wa, memory: a }
  - { id: wb, memory: b, size: 32 MiB }
  - { id: rest, memory: b, base: 32 MiB }
`;
const RUN = `kind: run
name: two
soc: soc.yaml
model: tiny.yaml
quant: { scheme: fp16 }
placement:
  policy: rules
  rules:
    - { kind: weight, tensor: 'mlp', region: wa }
    - { kind: weight, region: wb }
    - { region: rest }
workload: { contextLength: 8 }
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-busbudget-'));
  writeFileSync(join(dir, 'tiny.yaml'), tinyModelYaml({ hiddenSize: 64, numLayers: 2, vocabSize: 100, numHeads: 1, numKvHeads: 1, intermediateSize: 128 }));
  writeFileSync(join(dir, 'run.yaml'), RUN);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const power = (bus: boolean): number => {
  writeFileSync(join(dir, 'soc.yaml'), soc(bus));
  return runConfig(loadRunConfig(join(dir, 'run.yaml')), { seed: 1 }).metrics.weightReadPowerW ?? NaN;
};

describe('Eq. 4 weight-read power under a shared bus', () => {
  it('readPowerW fills a shared bandwidth with the costliest streams first', () => {
    const s = [{ bandwidth: 100e9, deviceEnergyPerBit: 1, netEnergyPerBit: 0 }, { bandwidth: 100e9, deviceEnergyPerBit: 2, netEnergyPerBit: 0 }];
    expect(readPowerW(s)).toBeCloseTo(2.4, 9);
    expect(readPowerW(s, 150e9)).toBeCloseTo(2.0, 9);
    expect(readPowerW(s, 1e12)).toBeCloseTo(2.4, 9);
  });
  it('a crossbar sums the streams; a bus caps them at its bandwidth', () => {
    expect(power(false)).toBeCloseTo(2.4, 6);
    expect(power(true)).toBeCloseTo(2.0, 6);
  });
});
