// A run file's `estimates:` entry carries fixed text ('156 arrays (2 channels × 6 banks × 13)'). When
// an override changes the value at its path, or any key of the block the value lies in, the run's
// text and JSON show the value in use and say the estimate was overridden; before, they printed the
// file's text as the value the results rest on. Unchanged runs print what they always printed.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { runEstimates } from '../../src/arch/report-parts.js';
import { runConfig } from '../../src/arch/run.js';
import { formatRunReport } from '../../src/cli/commands/run.js';
import { evaluator } from '../../src/sweep/run-config-evaluator.js';

const QMC = resolve(import.meta.dirname, '../../configs/runs/qmc-hymba.yaml');
const SMALL = ['model=smollm2-135m', 'workload.contextLength=16'];
const design = (lines: readonly string[]): string[] => {
  const i = lines.findIndex((l) => l.startsWith('estimated design values'));
  return lines.slice(i + 1, i + 6);
};

describe('run-file estimates show the value in use', () => {
  it('overridden values: the text and JSON show the value in use and the estimate it replaced', () => {
    const cfg = loadRunConfig(QMC, [...SMALL, 'soc.memories[reram].device.arraysPerBank=6', 'soc.memories[mram].link.energyPerBit=0.5 pJ/bit']);
    const report = runConfig(cfg, { seed: 1, layerReuse: true });
    const lines = design(formatRunReport(report));
    expect(lines[0]).toMatch(/^ {2}soc\.memories\[reram\]\.device\.arraysPerBank = 6 \(overridden: soc\.memories\[reram\]\.device\.arraysPerBank: 13 → 6; the estimate was 156 arrays \(2 channels × 6 banks × 13\): QMC's/);
    expect(lines[2]).toMatch(/^ {2}soc\.memories\[\*\]\.link\.energyPerBit \(E_net\) = 0\.5 pJ\/bit \(mram\), 0\.09 pJ\/bit \(reram\), 0 pJ\/bit \(lpddr5, sram\) \(overridden: soc\.memories\[mram\]\.link\.energyPerBit: 0\.09 pJ\/bit → 0\.5 pJ\/bit; the estimate was 0\.09 pJ\/bit/);
    // untouched entries print as before
    expect(lines[1]).toMatch(/^ {2}soc\.memories\[mram\]\.device\.channels = 6: the ρ sweep/);
    const json = JSON.parse(JSON.stringify(report)) as { estimates: { param: string; value: unknown; inUse?: string; overridden?: boolean; changes?: string[] }[] };
    expect(json.estimates[0]).toMatchObject({ param: 'soc.memories[reram].device.arraysPerBank', value: '156 arrays (2 channels × 6 banks × 13)', inUse: '6', overridden: true,
      changes: ['soc.memories[reram].device.arraysPerBank: 13 → 6'] });
    expect(json.estimates[1]).toMatchObject({ inUse: '6', overridden: false, changes: [] });
    expect(json.estimates[2]).toMatchObject({ overridden: true, changes: ['soc.memories[mram].link.energyPerBit: 0.09 pJ/bit → 0.5 pJ/bit'] });
  }, 60_000);

  it('no override of an estimate: the lines the shipped configuration always printed', () => {
    const report = runConfig(loadRunConfig(QMC, SMALL), { seed: 1, layerReuse: true });
    const lines = design(formatRunReport(report));
    expect(lines[0]).toBe("  soc.memories[reram].device.arraysPerBank = 156 arrays (2 channels × 6 banks × 13): QMC's 12.48× latency claim needs ReRAM bandwidth = 1.638 × the LPDDR5 bandwidth the FP16 replay achieves (185.3 GB/s) = 303.5 GB/s ≈ 157 arrays of 1.8 GiB/s; 156 = 2 × 6 × 13 is the nearest two-channel organisation (qmc-paper.md §4)");
    expect(lines[2]).toBe('  soc.memories[*].link.energyPerBit (E_net) = 0.09 pJ/bit: 16·3.5 / (2.1·(1.56 + E) + 1.5·(1 + E)) = 10.98 (QMC body) → E ≈ 0.09 pJ/bit');
    expect(report.estimates.slice(0, 5).every((e) => e.overridden === false)).toBe(true);
  }, 60_000);

  it('a change elsewhere in the block (banks per channel) makes the derived arrays figure not the file\'s', () => {
    const [arrays] = runEstimates(loadRunConfig(QMC, [...SMALL, 'soc.memories[1].device.banksPerChannel=3']), []);
    expect(arrays).toMatchObject({ inUse: '13', overridden: true, changes: ['soc.memories[reram].device.banksPerChannel: 6 → 3'] });
  });

  it('an override to the value already in use (however written) or to the preset\'s own value changes nothing', () => {
    const est = runEstimates(loadRunConfig(QMC, [...SMALL, 'soc.memories[reram].device.arraysPerBank=13', 'soc.memories[mram].link.energyPerBit=0.09pJ/bit', 'soc.memories[mram].device.channels=6']), []);
    expect(est.slice(0, 5).map((e) => e.overridden)).toEqual([false, false, false, false, false]);
    const two = runEstimates(loadRunConfig(QMC, [...SMALL, 'soc.memories[mram].device.channels=2']), []);
    expect(two[1]).toMatchObject({ inUse: '2', overridden: true, changes: ['soc.memories[mram].device.channels: 6 → 2'] });
  });

  it('a sweep point (config stored as JSON) whose axis changes the block leaves the estimate out of the sweep report', async () => {
    const point = JSON.parse(JSON.stringify(await evaluator.resolve(QMC, [['model', 'smollm2-135m'], ['soc.memories[1].device.banksPerChannel', 3]]))) as unknown;
    const base = await evaluator.resolve(QMC, []);
    const params = (base2?: unknown): string[] => (evaluator.estimates?.(point, base2) ?? []).map((e) => e.param);
    expect(params(base)).not.toContain('soc.memories[reram].device.arraysPerBank');
    expect(params(base)).toContain('soc.memories[mram].device.channels');
    expect(params(base).filter((p) => !params(undefined).includes(p))).toEqual([]);
  });
});
