// Run-file estimates and fitted design values in the studies: a replay whose overrides (noise study
// `replay.set`, reproduce `set:`) change an estimated value or its block shows the value in use and
// says the estimate was overridden; reproduce's fitted-values note names a fitted value that differs
// from the value it was fitted at (the shipped study's). Before, all printed the files' fixed text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noiseStudy } from '../../src/study/noise-study.js';
import { reproduce } from '../../src/study/reproduce.js';
import { prepareReproduction } from '../../src/study/reproduce-prepare.js';
import { fittedClaimsNote } from '../../src/study/reproduce-tables.js';
import { resultJson, reproduceHtml } from '../../src/study/outputs.js';
import { runEstimates } from '../../src/arch/report-parts.js';
import { noiseStudyYaml } from './noise-study-yaml.js';

const QMC = resolve(import.meta.dirname, '../../experiments/qmc');
const dir = mkdtempSync(join(tmpdir(), 'qmcsim-est-in-use-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the shipped study whose ReRAM has 3 banks per channel (run files by absolute path). */
function studyWithThreeBanks(): string {
  const text = readFileSync(join(QMC, 'study.yaml'), 'utf8');
  const out = text.replace('soc.memories[1].device.banksPerChannel=6', 'soc.memories[1].device.banksPerChannel=3')
    .replace(/file: ([a-z0-9-]+\.yaml)/g, `file: ${QMC}/$1`).replace(/^expected: expected\.yaml/m, `expected: ${QMC}/expected.yaml`);
  expect(out).toContain('banksPerChannel=3');
  const file = join(dir, 'study3.yaml');
  writeFileSync(file, out);
  return file;
}

describe('noise study: the replays\' estimates', () => {
  it('replay.set that changes the ReRAM arrays and MRAM channels shows the values in use', async () => {
    const file = join(dir, 'noise.yaml');
    writeFileSync(file, noiseStudyYaml({ cellModes: '[3]', spreads: '[0]', writeErrorRates: '[0]', set: ['model=smollm2-135m', 'soc.memories[reram].device.arraysPerBank=6', 'soc.memories[mram].device.channels=2'] }));
    const r = await noiseStudy({ file });
    const at = (p: string): string | undefined => r.estimates.find((e) => e.param === `replay ${QMC}/qmc-3bit.yaml: ${p}` || e.param.endsWith(`qmc-3bit.yaml: ${p}`))?.value;
    expect(at('soc.memories[1].device (ReRAM arrays)')).toBe('{ preset: qmc-reram-3bit, channels: 2, banksPerChannel: 6, arraysPerBank: 6 } (overridden: soc.memories[reram].device.arraysPerBank: 13 → 6; the estimate was 156 arrays (2 channels x 6 banks x 13))');
    expect(at('soc.memories[0].device.channels (MRAM)')).toBe('2 (overridden: soc.memories[mram].device.channels: 6 → 2; the estimate was 6)');
    expect(at('soc.memories[1].link.transferRate')).toBe('6.6 GT/s (3.3 GHz DDR)');
  }, 120_000);
});

describe('reproduce: estimates and fitted values against the shipped study', () => {
  it('the shipped study: no estimate is overridden (its set: is what the estimates describe)', () => {
    const p = prepareReproduction({ studyFile: join(QMC, 'study.yaml'), model: 'smollm2-135m', rhoSweep: false });
    const est = p.tasks.flatMap((t) => (t.config ? runEstimates(t.config, []) : []));
    expect(est.length).toBeGreaterThan(0);
    expect(est.filter((e) => e.overridden === true)).toEqual([]);
    expect(est.filter((e) => e.value !== 'preset').every((e) => e.overridden === false)).toBe(true);
  });

  it('a study whose set: gives ReRAM 3 banks per channel: html, JSON and the fitted note say so', async () => {
    const r = await reproduce({ studyFile: studyWithThreeBanks(), model: 'smollm2-135m', rhoSweep: false });
    const arrays = r.runEstimates.find((e) => e.config === 'qmc-3bit' && e.param === 'soc.memories[1].device (ReRAM arrays)');
    expect(arrays).toMatchObject({ overridden: true, changes: ['soc.memories[reram].device.banksPerChannel: 6 → 3'] });
    expect(JSON.stringify(resultJson(r))).toContain('"overridden":true');
    const html = await reproduceHtml(r);
    expect(html).toContain('banksPerChannel: 3, arraysPerBank: 13, capacity: 2 GiB } (overridden: soc.memories[reram].device.banksPerChannel: 6 → 3; the estimate was 156 arrays (2 channels x 6 banks x 13))');
    expect(html).not.toMatch(/<td>156 arrays \(2 channels x 6 banks x 13\)<\/td>/);
    const note = fittedClaimsNote(r) ?? '';
    expect(note).toContain('changed here: ReRAM banks per channel 3 (fitted at 6)');
    expect(note).not.toContain('agree with the paper by construction');
    expect(note).not.toContain('used unchanged here');
  }, 180_000);
});

describe('fittedClaimsNote', () => {
  const dv = (name: string, value: string, fittedValue: string) => ({ name, value, fittedValue, derivation: '', estimate: true, affects: [], fittedTo: ['latency-vs-fp16'] });
  it('every fitted value at its fitted value: the by-construction wording (paper model) or "used unchanged"', () => {
    expect(fittedClaimsNote({ paperModel: true, designValues: [dv('A', '6', '6')] })).toContain('agree with the paper by construction');
    expect(fittedClaimsNote({ paperModel: false, designValues: [dv('A', '6', '6')] })).toContain('used unchanged here');
  });
  it('a fitted value that differs is named with the value it was fitted at, with or without --set', () => {
    for (const paperModel of [true, false]) {
      const note = fittedClaimsNote({ paperModel, designValues: [dv('A', '3', '6'), dv('B', '13', '13')] }) ?? '';
      expect(note).toContain('changed here: A 3 (fitted at 6), so latency-vs-fp16 is not fitted by construction but a prediction of the changed design; the other fitted values are used as fitted');
      expect(note).not.toContain('used unchanged here');
    }
  });
});
