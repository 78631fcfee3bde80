// Regression: configs/devices/qmc-table1.yaml (generated from the presets) explained the ReRAM
// organisation only as 2 × 5 × 17 = 170 arrays, while the QMC study SoCs use 2 × 6 × 13 = 156. The
// generated comment now states both products, and both must equal the values actually set.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { qmcReramMode } from '../../../src/devices/presets/reram.js';
import { renderDeviceConfigs } from '../../../src/devices/presets/yaml.js';

const root = resolve(import.meta.dirname, '..', '..', '..');
const product = (c: number, b: number, a: number): string => `${c} × ${b} × ${a} = ${c * b * a}`;

describe('qmc-table1.yaml ReRAM array count comment', () => {
  it('names the preset organisation and the study SoC organisation, with their products', () => {
    const p = qmcReramMode(3).params;
    const preset = product(p.channels.value as number, p.banksPerChannel.value as number, p.arraysPerBank.value as number);
    const soc = parse(readFileSync(join(root, 'configs', 'soc', 'orin-agx-qmc.yaml'), 'utf8')) as
      { memories: { id: string; device: { preset: string; channels: number; banksPerChannel: number; arraysPerBank: number } }[] };
    const reram = soc.memories.find((m) => m.id === 'reram')!.device;
    expect(reram.preset).toBe('qmc-reram-3bit');
    const study = product(reram.channels, reram.banksPerChannel, reram.arraysPerBank);
    const text = renderDeviceConfigs()['qmc-table1.yaml']!;
    const line = text.split('\n').find((l) => /^ {4}channels: /.test(l) && l.includes('arrays'))!;
    expect(line).toContain(`this preset: ${preset}`);
    expect(line).toContain(`set ${study}`);
    // The committed file is the rendering (presets.test.ts checks every file byte for byte).
    expect(readFileSync(join(root, 'configs', 'devices', 'qmc-table1.yaml'), 'utf8')).toBe(text);
  });
});
