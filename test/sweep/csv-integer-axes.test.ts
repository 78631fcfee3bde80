// Regression: points.csv wrote every numeric axis as DOUBLE, so integer axis values came out as
// '32.0'. Axes whose every value is an integer (a list of integers, an `integer: true` range, a
// stepped range with an integer grid) are now integer columns ('32'); fractional axes stay as they were.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir, writeToySweep } from './helpers.js';

async function csvOf(body: string): Promise<string> {
  const dir = tempDir();
  const file = writeToySweep(dir, body);
  const io = { stdout: () => {}, stderr: () => {} };
  expect(await main(['sweep', file, '--workers', '0', '--out', join(dir, 'out'), '--no-progress'], io)).toBe(0);
  return readFileSync(join(dir, 'out', 'points.csv'), 'utf8');
}

/** Column `name` of a CSV without quoted commas. */
function column(csv: string, name: string): string[] {
  const [head, ...rows] = csv.trim().split('\n');
  const i = head!.split(',').indexOf(name);
  expect(i, name).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r.split(',')[i]!);
}

describe('points.csv axis columns', () => {
  it('integer axes print as integers, fractional ones as before; two runs give identical bytes', async () => {
    const body = [
      'axes:',
      '  - reram.arrays: [32, 128]',
      '  - mram.channels: { from: 2, to: 8, steps: 2 }',
      '  - work.chunkBytes: { from: 1000, to: 4000, steps: 2, integer: true }',
      '  - quantizer.rho: [0.25, 0.5]',
      '  - mram.pjPerBit: { from: 1, to: 2, steps: 3 }',
      '',
    ].join('\n');
    const csv = await csvOf(body);
    expect(column(csv, 'reram.arrays')).toHaveLength(48);
    expect(new Set(column(csv, 'reram.arrays'))).toEqual(new Set(['32', '128']));
    expect(new Set(column(csv, 'mram.channels'))).toEqual(new Set(['2', '8']));
    expect(new Set(column(csv, 'work.chunkBytes'))).toEqual(new Set(['1000', '4000']));
    expect(new Set(column(csv, 'quantizer.rho'))).toEqual(new Set(['0.25', '0.5']));
    // A fractional grid (1, 1.5, 2) stays a float column, as before.
    expect(new Set(column(csv, 'mram.pjPerBit'))).toEqual(new Set(['1.0', '1.5', '2.0']));
    expect(await csvOf(body)).toBe(csv);
  }, 120_000);
});
