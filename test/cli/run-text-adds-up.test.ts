// `qmcsim run` text report reads true: with workload.batch > 1 the energy-per-token line said
// "energy per token X = device D + interconnect I" with D and I per decode step (X = (D + I) / batch);
// the power-budget line printed "weight reads 5.00 W < 5 W: ok" for 4.997 W. Now the batch divides
// visibly and both powers carry the digits that make the comparison true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinySramRun } from './fixtures.js';
import { runCli } from './cli-helpers.js';
import { comparablePowers } from '../../src/cli/commands/run.js';

let dir: string;
let run: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-run-text-'));
  run = writeTinySramRun(dir, { hiddenSize: 64, numLayers: 2, vocabSize: 100, numHeads: 1, numKvHeads: 1, intermediateSize: 128 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const factor: Record<string, number> = { fJ: 1e-3, pJ: 1, nJ: 1e3, uJ: 1e6, mJ: 1e9, J: 1e12, W: 1 };
const pj = (v: string, unit: string): number => Number(v) * (factor[unit] ?? NaN);
const energyLine = (stdout: string): string => stdout.split('\n').find((l) => l.startsWith('energy per token')) ?? '';
// a link energy so the tiny run's weight reads draw ≈ 4.997 W (0.512 W per pJ/bit at the SRAM's peak,
// plus 0.037 W for the SRAM's own read beats)
const LINK = 'soc.memories[0].link.energyPerBit=9.6875 pJ/bit';

describe('qmcsim run text report', () => {
  it('batch > 1: per-step device and interconnect energy divided by the batch add up to the energy per token', async () => {
    const r = await runCli('run', run, '--set', 'workload.batch=4', '--set', LINK);
    expect(r.code).toBe(0);
    const m = /^energy per token +([\d.e+-]+) (\w+) = \(device ([\d.e+-]+) (\w+) \+ interconnect ([\d.e+-]+) (\w+)\) per step \/ batch 4$/.exec(energyLine(r.stdout));
    expect(m, energyLine(r.stdout)).not.toBeNull();
    const [, t, tu, d, du, i, iu] = m as unknown as string[];
    const perToken = pj(t!, tu!);
    expect(perToken).toBeGreaterThan(0);
    expect((pj(d!, du!) + pj(i!, iu!)) / 4 / perToken).toBeCloseTo(1, 3);
  }, 60_000);

  it('batch 1 keeps the plain sum', async () => {
    const r = await runCli('run', run, '--set', LINK);
    expect(r.code).toBe(0);
    expect(energyLine(r.stdout)).toMatch(/^energy per token +[\d.]+ \w+ = device [\d.]+ \w+ \+ interconnect [\d.]+ \w+$/);
  }, 60_000);

  it('the power-budget comparison reads true (4.997 W < 5 W, not 5.00 W < 5 W)', async () => {
    const r = await runCli('run', run, '--set', LINK, '--set', 'soc.powerBudget.budget=5 W');
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('power budget')) ?? '';
    expect(line).toBe('power budget (QMC Eq. 4): weight reads 4.997 W < 5 W: ok');
  }, 60_000);

  it('comparablePowers adds digits until unequal powers print unequal', () => {
    expect(comparablePowers(4.997, 5)).toEqual(['4.997 W', '5 W']);
    expect(comparablePowers(4.99996, 5)).toEqual(['4.99996 W', '5 W']);
    expect(comparablePowers(5, 5)).toEqual(['5 W', '5 W']);
    expect(comparablePowers(0.0123456, 0.5)).toEqual(['12.35 mW', '500 mW']);
  });
});
