// Regression: a device constraint between two keys (ReRAM iterationsMax ≥ iterationsMin, LPDDR5
// 0 ≤ writeLowWatermark < writeHighWatermark ≤ 1) was located only when the file set the one key
// the device named; setting just the other key (writeHighWatermark: 150 %, or iterationsMin above
// the preset's iterationsMax) put the line at the device entry ('4:5: devices[0]: …'). It is now at
// the key the file sets.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

const head = (type: string, preset: string): string => `kind: devices\ndevices:\n  - type: ${type}\n    id: d\n    preset: ${preset}\n`;

describe('a two-key device constraint is located at the key the file sets', () => {
  it.each([
    ['hi.yaml', `${head('lpddr5', 'LPDDR5_6400')}    writeHighWatermark: 150 %\n`, /hi\.yaml:6:25: devices\[0\]\.writeHighWatermark: expected parameters the device can be built with, found lpddr5 'd': lpddr5 write watermarks: expected 0 <= low < high <= 1, found low 0\.5, high 1\.5$/],
    ['hi-low.yaml', `${head('lpddr5', 'LPDDR5_6400')}    writeHighWatermark: 30 %\n`, /hi-low\.yaml:6:25: devices\[0\]\.writeHighWatermark: .*found low 0\.5, high 0\.3$/],
    ['lo.yaml', `${head('lpddr5', 'LPDDR5_6400')}    writeLowWatermark: 90 %\n`, /lo\.yaml:6:24: devices\[0\]\.writeLowWatermark: .*found low 0\.9, high 0\.85$/],
    ['both.yaml', `${head('lpddr5', 'LPDDR5_6400')}    writeLowWatermark: 90 %\n    writeHighWatermark: 50 %\n`, /both\.yaml:6:24: devices\[0\]\.writeLowWatermark: /],
    ['itmin.yaml', `${head('reram', 'qmc-reram-3bit')}    iterationsMin: 25\n`, /itmin\.yaml:6:20: devices\[0\]\.iterationsMin: expected parameters the device can be built with, found reram 'd': iterationsMax must be ≥ iterationsMin \(25\), got 20$/],
  ])('%s', async (name, text, re) => {
    const r = await runCli('validate', t.write(name, text));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(re);
  });

  it('an SoC memory device block points at the key it sets too', async () => {
    const text = readFileSync('configs/soc/orin-agx-qmc.yaml', 'utf8');
    const from = 'device: { preset: qmc-reram-3bit, channels: 2, banksPerChannel: 6, arraysPerBank: 13 }';
    expect(text).toContain(from);
    const soc = t.write('soc.yaml', text.replace(from, 'device: { preset: qmc-reram-3bit, iterationsMin: 25 }'));
    const r = await runCli('validate', soc);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/soc\.yaml:\d+:\d+: memories\[\d\]\.device\.iterationsMin: .*iterationsMax must be ≥ iterationsMin \(25\), got 20$/m);
  });
});
