// `qmcsim study noise` says which results rest on estimates (project rule 2): its text output listed
// none, its report.html's "Design values used" table was empty and its estimates list had one generic
// entry. Now the text, --json, result.json and report.html name the estimated parameters (study
// values, level-set presets, MRAM write-error rates, the replayed devices' preset estimates) and the
// design-values table holds the study's values with units.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { noiseStudySchema } from '../../src/study/noise-config.js';
import { noiseDesignValues } from '../../src/study/noise-estimates.js';
import { noiseStudyYaml } from './noise-study-yaml.js';

const QMC = resolve(import.meta.dirname, '../../experiments/qmc');
const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-est-'));
const STUDY = noiseStudyYaml();

interface Estimate { param: string; value: string; source: string; affects: string; points: string[] }
interface DV { name: string; value: string; derivation: string; estimate: boolean }
interface Out { designValues: DV[]; estimates: Estimate[]; estimated: { result: string; restsOn: string[] }[] }

let text = '';
let json: Out;
let file: Out;
let html = '';

beforeAll(async () => {
  const f = join(dir, 'study.yaml');
  writeFileSync(f, STUDY);
  const out = join(dir, 'out');
  expect(await main(['study', 'noise', f, '--out', out, '--no-progress'], { stdout: (s) => void (text += s), stderr: () => undefined })).toBe(0);
  let j = '';
  expect(await main(['study', 'noise', f, '--json', '--no-progress'], { stdout: (s) => void (j += s), stderr: () => undefined })).toBe(0);
  json = JSON.parse(j) as Out;
  file = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as Out;
  html = readFileSync(join(out, 'report.html'), 'utf8');
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PRESET_3 = `replay ${QMC}/qmc-3bit.yaml: soc.memories[reram].device.senseBase`;

describe('study noise lists the estimates its results rest on', () => {
  it('JSON: each estimated parameter with its value, source and the points resting on it', () => {
    const by = (p: string): Estimate => {
      const e = json.estimates.find((x) => x.param === p);
      if (e === undefined) throw new Error(`no estimate ${p} in ${json.estimates.map((x) => x.param).join(' | ')}`);
      return e;
    };
    expect(by('mram.writeErrorRate')).toMatchObject({ value: '0.001 per bit', affects: 'replay and weights', points: ['mram-wer0.001'] });
    expect(by('mlc.presets["3"]')).toMatchObject({ value: 'nvmexplorer-3bit', points: ['mlc-3bit-spread1'] });
    expect(by('mlc.presets["2"]').points).toEqual(['mlc-2bit-spread1']);
    expect(by('weights.distribution').points).toHaveLength(6); // every point's SQNR
    expect(by('quant.pMinus, quant.pPlus').source).toMatch(/Fig\. 2/);
    // The replayed devices' preset estimates, with the preset's value (unit included).
    expect(by(PRESET_3)).toMatchObject({ affects: 'replay', points: ['mlc-3bit-spread0', 'mlc-3bit-spread1'] });
    expect(by(PRESET_3).value).toMatch(/^[\d.]+ ns$/);
    expect(by(PRESET_3).source).toMatch(/^qmc-reram-3bit: /);
    expect(by(`replay ${QMC}/qmc-2bit.yaml: soc.memories[reram].device.arrayBandwidth`).points).toEqual(['mlc-2bit-spread0', 'mlc-2bit-spread1']);
    expect(by(`replay ${QMC}/qmc-3bit.yaml: soc.memories[mram].device.writeLatency`).points).toEqual(['mram-wer0', 'mram-wer0.001']);
    // The run file's own estimates: listed for the points whose replay used it.
    expect(by(`replay ${QMC}/qmc-3bit.yaml: soc.memories[1].link.transferRate`).value).toBe('6.6 GT/s (3.3 GHz DDR)');
    // Energy, power and density figures are used only after the run (pricing, area): they cannot
    // change bits read or errors, so they are not listed (E_net, leakage, per-bit / pulse energies).
    expect(json.estimates.map((e) => e.param).filter((p) => /energyPerBit|Energy$|leakagePower$|\.density$/.test(p))).toEqual([]);
    // Devices the study does not read through (LPDDR5, SRAM) are not listed.
    expect(json.estimates.some((e) => /memories\[(lpddr5|sram)\]/.test(e.param))).toBe(false);
    // Same seed and file → same lists (result.json from the other run).
    expect(file.estimates).toEqual(json.estimates);
    expect(file.designValues).toEqual(json.designValues);
    expect(file.estimated).toEqual(json.estimated);
  });

  it('design values carry units and the estimate flag', () => {
    const dv = (n: string): DV => json.designValues.find((d) => d.name === n)!;
    expect(dv('mram.writeErrorRate')).toMatchObject({ value: '0, 0.001 per bit', estimate: true });
    expect(dv('mlc.levelSpreadScale')).toMatchObject({ value: '0, 1 (× every level σ)', estimate: false });
    expect(dv('quant.rho')).toMatchObject({ estimate: false });
    expect(dv('quant.rho').derivation).toMatch(/qmc-paper\.md §2/);
    expect(dv('quant.outlierBits').value).toBe('5 bit');
    expect(dv('weights.maxRows').value).toBe('8 rows per tensor');
    expect(dv('mlc.presets["3"]')).toMatchObject({ estimate: true });
    expect(dv('mlc.presets["3"]').value).toContain('σ 0.00865, 0.01346');
  });

  it('text output names the estimated parameters and which results rest on them', () => {
    expect(text).toContain('estimated study design values (');
    expect(text).toMatch(/^ {2}mram\.writeErrorRate = 0, 0\.001 per bit: /m);
    expect(text).toMatch(/^ {2}mlc\.presets\["3"\] = nvmexplorer-3bit/m);
    expect(text).toMatch(/^ {2}quant\.pMinus, quant\.pPlus = 0\.00191, 0\.001916/m);
    expect(text).toMatch(/^ {2}replay bit-error statistics and weight SQNR of MRAM points at write-error rate 0\.001: mram\.writeErrorRate = 0\.001 per bit$/m);
    expect(text).toMatch(/^ {2}replay bit-error statistics \(bits read, accesses, BER\) of all 2 3-bit MLC points.*reram device qmc-reram-3bit \(replay .*qmc-3bit\.yaml\): .*senseBase/m);
    expect(text).toMatch(/mram device qmc-mram \(replay .*qmc-3bit\.yaml\): .*writeLatency/);
  });

  it('report.html: the design-values table is filled and the estimated list is specific', () => {
    const section = (id: string): string => {
      const m = new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(html);
      if (m === null) throw new Error(`no section ${id}`);
      return m[1]!;
    };
    const values = section('design-values');
    const rows = values.match(/<tr><td>/g) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(json.designValues.length);
    expect(values).toMatch(/<td>mram\.writeErrorRate <span class="est">\(estimate\)<\/span><\/td>\s*<td>0, 0\.001 per bit<\/td>/);
    expect(values).toMatch(/<td>quant\.rho<\/td>\s*<td>0\.3 \(fraction of weights kept as outliers\)<\/td>/);
    expect(values).toContain('soc.memories[reram].device.senseBase <span class="est">(estimate)</span>');
    const est = section('estimated');
    expect(est).toContain('mram.writeErrorRate = 0.001 per bit');
    expect(est).toContain('mlc.presets[&quot;3&quot;] = nvmexplorer-3bit');
    expect(est).toMatch(/reram device qmc-reram-2bit \(replay [^)]*qmc-2bit\.yaml\): arrayBandwidth/);
    expect(est).not.toContain('all bit-error rates');
  });
});

describe('noiseDesignValues', () => {
  const cfg = noiseStudySchema.parse({
    version: 1, seed: 1, model: 'm', weights: { tensors: ['t'] }, quant: { scheme: 'qmc' },
    mlc: { presets: { '2': 'nvmexplorer-2bit', '3': 'nvmexplorer-3bit' }, cellModes: [3], levelSpreadScale: [1] },
    mram: { writeErrorRate: [0] },
    replay: { runs: { '2': 'a.yaml', '3': 'b.yaml' }, mlcMemory: 'reram', mramMemory: 'mram' },
  });
  it('a checkpoint is not an estimate; an error-free MRAM (QMC) is not an estimate', () => {
    const dv = noiseDesignValues(cfg, '/ckpt/model.safetensors');
    expect(dv.find((d) => d.name === 'weights.source')).toMatchObject({ value: '/ckpt/model.safetensors', estimate: false });
    expect(dv.some((d) => d.name === 'weights.distribution')).toBe(false);
    expect(dv.find((d) => d.name === 'mram.writeErrorRate')).toMatchObject({ value: '0 per bit', estimate: false });
    expect(dv.some((d) => d.name === 'mlc.presets["2"]')).toBe(false); // 2-bit cells not swept
  });

  it('the synthetic-weights derivation describes the distribution chosen (a Gaussian is not heavy-tailed)', () => {
    const of = (distribution: string): string | undefined =>
      noiseDesignValues({ ...cfg, weights: { ...cfg.weights, distribution } } as typeof cfg, undefined).find((d) => d.name === 'weights.distribution')?.derivation;
    expect(of('student-t')).toContain('heavy tails as in trained SLMs');
    expect(of('gaussian')).toContain('light Gaussian tails');
    expect(of('gaussian')).not.toContain('heavy tails as in trained SLMs');
    expect(of('laplace')).not.toContain('heavy tails as in trained SLMs');
  });
});
