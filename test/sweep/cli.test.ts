/** `qmcsim sweep --json` end to end in-process: stored points, CSV, Parquet and the HTML report. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES, tempDir, writeToySweep } from './helpers.js';

describe('qmcsim sweep (toy evaluator, in-process)', () => {
  it('prints JSON, writes CSV/Parquet/HTML, and --resume reuses every point', async () => {
    const dir = tempDir();
    const outText: string[] = [];
    const io = { stdout: (t: string) => outText.push(t), stderr: () => {} };
    const args = ['sweep', join(FIXTURES, 'toy-sweep.yaml'), '--workers', '0', '--out', dir, '--json', '--no-progress'];
    expect(await main(args, io)).toBe(0);
    const first = JSON.parse(outText.join('')) as { stored: number; ran: number; points: { id: string; pareto: boolean; status: string; metrics: Record<string, number> }[] };
    expect(first.stored).toBe(12);
    expect(first.ran).toBe(12);
    expect(first.points.some((p) => p.pareto)).toBe(true);
    expect(Object.keys(first.points[0]!.metrics)).toEqual(['energyPerTokenPj', 'latencyPerTokenPs', 'memoryAreaMm2', 'memoryReadPowerW']);
    expect(readFileSync(join(dir, 'points.csv'), 'utf8').split('\n')[0]).toContain('quantizer.rho,reram.cellMode,reram.arrays,mram.channels');
    expect(existsSync(join(dir, 'points.parquet'))).toBe(true);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Pareto front');
    for (const k of ['quantizer.rho', 'reram.cellMode', 'reram.arrays', 'mram.channels']) expect(html).toContain(`metrics vs ${k}`); // a plot per axis

    outText.length = 0;
    expect(await main([...args, '--resume'], io)).toBe(0);
    const again = JSON.parse(outText.join('')) as { ran: number; reused: number; points: unknown[] };
    expect(again.ran).toBe(0);
    expect(again.reused).toBe(12);
    expect(again.points).toEqual(first.points);
  }, 120_000);

  it('the text summary counts failed points and shows the first error (they are not silently dropped)', async () => {
    const dir = tempDir();
    const file = writeToySweep(dir, 'set:\n  work.failWhenArraysAbove: 100\naxes:\n  - reram.arrays: [64, 128]\n');
    const outText: string[] = [];
    const io = { stdout: (t: string) => outText.push(t), stderr: () => {} };
    // a failed point makes the exit code 1 (experiments/sweeps/README.md), the others are reported
    expect(await main(['sweep', file, '--workers', '0', '--out', join(dir, 'out'), '--no-progress'], io)).toBe(1);
    const text = outText.join('');
    expect(text).toMatch(/^2 points stored in .* \(2 run now, 0 reused\); 0 more skipped by constraints$/m);
    expect(text).toMatch(/^1 failed, 0 infeasible \(not on the Pareto front\); point 1 \(reram\.arrays=128\): placement does not fit: 128 arrays$/m);
  }, 120_000);
});
