/**
 * mlc.stepRates end to end on a reduced study (fixtures/noise-steps-small.yaml, no level-spread
 * sweep): QMC's (p₋, p₊) step rates as the level-step model in 3-bit and 2-bit cells give rows with
 * the spread rows' metrics (replay bit errors and BER, accesses, SQNR, codes and weights changed),
 * per-level lists apply to the cell mode with that many levels, noiseless rates give zero errors, and
 * the CLI's tables, CSV, JSON, report and exports carry them byte-identically from run to run.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noiseStudy, type NoisePoint, type NoiseStudyResult } from '../../src/study/noise-study.js';
import { noisePointName } from '../../src/study/noise-estimates.js';
import { noiseChecks, noiseHtml, noiseTables } from '../../src/study/noise-tables.js';
import { main } from '../../src/cli/main.js';

const FILE = join(import.meta.dirname, 'fixtures/noise-steps-small.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'qmcsim-noise-steps-'));
let r: NoiseStudyResult;

beforeAll(async () => {
  r = await noiseStudy({ file: FILE });
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const step = (bits: number, index: number): NoisePoint => {
  const p = r.points.find((q) => q.sweep === 'mlc-steps' && q.cellBits === bits && q.steps?.index === index);
  if (!p) throw new Error(`no step point ${bits}-bit stepRates[${index}]`);
  return p;
};

describe('noise study, mlc.stepRates', () => {
  it('sweeps every entry per cell mode; a per-level list of 8 only in 3-bit cells', () => {
    expect(r.points.map(noisePointName)).toEqual(['mlc-3bit-steps0', 'mlc-3bit-steps1', 'mlc-3bit-steps2', 'mlc-2bit-steps0', 'mlc-2bit-steps1', 'mram-wer0']);
    expect(step(3, 2).steps?.pDown).toEqual([0, 2.4e-4, 2.8e-3, 2.5e-3, 2.9e-3, 3.1e-4, 6.3e-3, 2.3e-4]);
    expect(step(3, 1).steps).toEqual({ index: 1, pDown: 1e-3, pUp: 2e-3 });
    // x: mean over levels of p₋ + p₊ as applied (no move off the lowest or the top level)
    expect(step(3, 1).x).toBeCloseTo((7 * 1e-3 + 7 * 2e-3) / 8, 15);
    expect(step(2, 1).x).toBeCloseTo((3 * 1e-3 + 3 * 2e-3) / 4, 15);
  });

  it('the replay reads through the step model: BER = cell error rate / bits per cell (one bit per step, Gray), sampled ≈ expected', () => {
    for (const [bits, i] of [[3, 1], [3, 2], [2, 1]] as const) {
      const p = step(bits, i);
      expect(p.replay.memory).toBe('reram');
      expect(p.replay.bitsRead).toBeGreaterThan(0);
      expect(p.replay.expectedBer / (p.x / bits)).toBeCloseTo(1, 3);
      const sd = Math.sqrt(p.replay.expectedBitErrors);
      expect(Math.abs(p.replay.bitErrors - p.replay.expectedBitErrors), `${bits}-bit [${i}]`).toBeLessThan(6 * sd);
      expect(p.replay.accessesWithErrors).toBeGreaterThan(0);
      expect(p.replay.accessesWithErrors).toBeLessThanOrEqual(p.replay.accesses);
    }
    // the same rate per cell spreads over fewer bits in 2-bit cells: a higher per-bit rate
    expect(step(2, 1).replay.ber).toBeGreaterThan(step(3, 1).replay.ber);
  });

  it('noisy rates change stored codes and weights; the noiseless entry changes nothing', () => {
    for (const [bits, i] of [[3, 1], [3, 2], [2, 1]] as const) {
      const p = step(bits, i);
      expect(p.changedCodes).toBeGreaterThan(0);
      expect(p.changedWeights).toBeGreaterThan(0);
      expect(p.noisySqnrDb).toBeLessThan(p.cleanSqnrDb);
      expect(p.tensors).toHaveLength(2);
    }
    for (const bits of [3, 2]) {
      const p = step(bits, 0);
      expect(p.x).toBe(0);
      expect([p.replay.bitErrors, p.replay.expectedBitErrors, p.changedCodes, p.changedWeights]).toEqual([0, 0, 0, 0]);
      expect(p.noisySqnrDb).toBe(p.cleanSqnrDb);
    }
  });

  it('tables: a step-rate table with the spread table\'s metric columns; no empty spread table', () => {
    const ts = noiseTables(r);
    expect(ts.map((t) => t.id)).toEqual(['noise-mlc-steps', 'noise-mram', 'noise-tensors']);
    const t = ts[0]!;
    expect(t.columns.map((c) => c.header)).toEqual(['cells', 'entry', 'p₋', 'p₊', 'cell error rate (mean p₋+p₊)', 'bits read (replay)', 'bit errors',
      'BER sampled', 'BER expected', 'accesses with errors', 'accesses', 'SQNR clean', 'SQNR noisy', 'codes read wrong', 'weights changed']);
    expect(t.rows).toHaveLength(5);
    expect(t.rows[1]).toMatchObject({ cells: '3-bit MLC', entry: 'stepRates[1]', pDown: '0.001', pUp: '0.002', errors: step(3, 1).replay.bitErrors, changed: step(3, 1).changedWeights });
    expect(t.rows[2]).toMatchObject({ pDown: '[0, 0.00024, 0.0028, 0.0025, 0.0029, 0.00031, 0.0063, 0.00023]' });
    expect(ts[2]!.rows.map((x) => x.point)).toContain('2-bit MLC, stepRates[1] p₋ 0.001, p₊ 0.002');
  });

  it('checks: zero noise per cell mode; the 3-bit vs 2-bit spread comparisons do not apply to step rates', () => {
    const cs = noiseChecks(r);
    expect(cs.map((c) => c.id)).toEqual(['zero-noise-mlc-steps-3bit', 'zero-noise-mlc-steps-2bit', 'zero-noise-mram-1bit']);
    expect(cs.every((c) => c.pass === true)).toBe(true);
  });

  it('design values and estimates name the step rates; the unused level-set presets are not listed', async () => {
    const names = r.designValues.map((d) => d.name);
    expect(names).toContain('mlc.stepRates');
    expect(names.filter((n) => n.startsWith('mlc.presets') || n === 'mlc.levelSpreadScale')).toEqual([]);
    expect(r.designValues.find((d) => d.name === 'mlc.stepRates')?.value).toContain('[1] p₋ 0.001, p₊ 0.002');
    const coding = r.estimates.find((e) => e.param === 'mlc.levelCoding');
    expect(coding?.points).toEqual(['mlc-3bit-steps1', 'mlc-3bit-steps2', 'mlc-2bit-steps1']);
    const html = await noiseHtml(r);
    expect(html).toContain('Bit-error rate vs QMC step rates');
    expect(html).not.toContain('Bit-error rate vs level spread');
  });

  it('CLI: same seed, byte-identical --out and stdout; --export writes one file per step point; --json carries the rates', async () => {
    const run = async (n: number): Promise<string> => {
      let out = '';
      const code = await main(['study', 'noise', FILE, '--no-progress', '--out', join(tmp, `out${n}`)], { stdout: (t) => { out += t; }, stderr: () => {} });
      expect(code).toBe(0);
      return out;
    };
    const a = await run(1);
    const b = await run(2);
    expect(b).toBe(a);
    const files = readdirSync(join(tmp, 'out1')).sort();
    expect(files).toEqual(['noise-mlc-steps.csv', 'noise-mram.csv', 'noise-tensors.csv', 'report.html', 'result.json']);
    for (const f of files) expect(readFileSync(join(tmp, 'out2', f), 'utf8'), f).toBe(readFileSync(join(tmp, 'out1', f), 'utf8'));
    expect(readFileSync(join(tmp, 'out1', 'noise-mlc-steps.csv'), 'utf8').split('\n')[0]).toMatch(/^cells,entry,p₋,p₊,cell error rate/);
    let json = '';
    expect(await main(['study', 'noise', FILE, '--no-progress', '--json', '--export', join(tmp, 'export')], { stdout: (t) => { json += t; }, stderr: () => {} })).toBe(0);
    for (const n of ['mlc-3bit-steps0', 'mlc-3bit-steps2', 'mlc-2bit-steps1']) expect(existsSync(join(tmp, 'export', `${n}.safetensors`)), n).toBe(true);
    expect(existsSync(join(tmp, 'export', 'mlc-2bit-steps2.safetensors'))).toBe(false);
    const pts = (JSON.parse(json) as { points: NoisePoint[] }).points;
    expect(pts.filter((p) => p.sweep === 'mlc-steps').map((p) => p.steps?.index)).toEqual([0, 1, 2, 0, 1]);
    expect(pts.find((p) => p.sweep === 'mram')).not.toHaveProperty('steps');
  }, 240_000);
});
