/**
 * mlc.stepRates in a noise study file: accepted shapes (one value for every level, a per-level list,
 * alone or beside levelSpreadScale) and every refusal as one located line, exit 2 (file:line:col,
 * key, expected, found; did-you-mean for a misspelt key), before any sweep point is computed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { noiseStudySchema } from '../../src/study/noise-config.js';
import { expandSteps, meanStepRate, stepEntriesFor, stepModel } from '../../src/study/noise-steps.js';

const qmc = join(import.meta.dirname, '..', '..', 'experiments', 'qmc');
const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'noise-steps-small.yaml'), 'utf8')
  .replace(/\.\.\/\.\.\/\.\.\/experiments\/qmc\//g, `${qmc}/`);
const STEPS = fixture.slice(fixture.indexOf('  stepRates:'), fixture.indexOf('mram:'));
const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-steps-cfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The study with the fixture's stepRates block replaced by `block`: exit code and stderr. */
async function study(block: string): Promise<{ code: number; err: string; line: (key: string) => number }> {
  const text = fixture.replace(STEPS, `${block}\n`);
  const file = join(dir, 'n.yaml');
  writeFileSync(file, text);
  let err = '';
  const code = await main(['study', 'noise', file, '--no-progress'], { stdout: () => {}, stderr: (t) => { err += t; } });
  return { code, err, line: (key) => text.split('\n').findIndex((l) => l.includes(key)) + 1 };
}

describe('mlc.stepRates: refused with a located line', () => {
  it.each([
    ['a misspelt stepRates key (did-you-mean, not also "neither")', '  stepRate:\n    - { pDown: 1.0e-3, pUp: 1.0e-3 }', 'stepRate:',
      /mlc\.stepRate: expected a key allowed at 'mlc' \(.*'stepRates'.*\), found unknown key 'stepRate'; did you mean 'stepRates'\?$/],
    ['a misspelt entry key', '  stepRates:\n    - { pDwon: 1.0e-3, pUp: 1.0e-3 }', 'pDwon',
      /mlc\.stepRates\[0\]\.pDwon: expected a key allowed at 'mlc\.stepRates\[0\]' \('pDown', 'pUp'\), found unknown key 'pDwon'; did you mean 'pDown'\?$/],
    ['a rate above 1', '  stepRates:\n    - { pDown: 2, pUp: 1.0e-3 }', 'pDown: 2',
      /mlc\.stepRates\[0\]\.pDown: expected a probability in \[0, 1\] \(1\.0e-3 or '0\.1 %'\) for every level, or a list of one per level, found 2$/],
    ['a non-number in a per-level list', '  stepRates:\n    - { pDown: [0, 1.0e-3, x, 0], pUp: 0 }', 'x, 0',
      /mlc\.stepRates\[0\]\.pDown\[2\]: expected a probability in \[0, 1\] \(1\.0e-3 or '0\.1 %'\), found 'x'$/],
    ['a percentage above 100 %', "  stepRates:\n    - { pDown: '150 %', pUp: 0 }", "pDown: '150",
      /mlc\.stepRates\[0\]\.pDown: expected a probability in \[0, 1\] .*found '150 %'$/],
    ['a list fitting no cell mode', '  stepRates:\n    - { pDown: [0, 1.0e-3, 0, 0, 0], pUp: 0 }', 'pDown: [0',
      /mlc\.stepRates\[0\]\.pDown: expected one value for every level, or 8 \(3-bit cells\) or 4 \(2-bit cells\) per-level values \(mlc\.cellModes\), found 5 values$/],
    ['pDown and pUp lists of different lengths', '  stepRates:\n    - { pDown: [0, 0, 0, 0], pUp: [0, 0, 0, 0, 0, 0, 0, 0] }', '- { pDown',
      /mlc\.stepRates\[0\]: expected pDown and pUp lists of the same length \(one value per level\), found 4 and 8 values$/],
    ['a move below the lowest level', '  stepRates:\n    - { pDown: [1.0e-3, 0, 0, 0], pUp: 0 }', 'pDown: [1.0e-3',
      /mlc\.stepRates\[0\]\.pDown\[0\]: expected 0 at level 0 \(the lowest level cannot be read one level lower\), found 0\.001$/],
    ['a move above the top level', '  stepRates:\n    - { pDown: 0, pUp: [0, 0, 0, 1.0e-3] }', 'pUp: [0',
      /mlc\.stepRates\[0\]\.pUp\[3\]: expected 0 at level 3 \(the top level cannot be read one level higher\), found 0\.001$/],
    ['p₋ + p₊ above 1', '  stepRates:\n    - { pDown: 0.6, pUp: 0.6 }', '- { pDown',
      /mlc\.stepRates\[0\]: expected p₋ \+ p₊ ≤ 1 at every level, found 1\.2 at level 1 of 3-bit cells$/],
    ['the same rates twice (one as a list)', '  stepRates:\n    - { pDown: 1.0e-3, pUp: 0 }\n    - { pDown: [0, 1.0e-3, 1.0e-3, 1.0e-3], pUp: [0, 0, 0, 0] }', '- { pDown: [0',
      /mlc\.stepRates\[1\]: expected each \(p₋, p₊\) listed once, found the same per-level rates in 2-bit cells as stepRates\[0\]$/],
    // located at the mlc block (its first line), as every block-level problem is
    ['neither levelSpreadScale nor stepRates', '  levelCoding: gray', 'cellModes: [3, 2]',
      /mlc: expected 'levelSpreadScale:' \(level-spread sweep\) or 'stepRates:' \(\(p₋, p₊\) sweep\), or both, found neither$/],
    ['levelSpreadScale without presets', `  levelSpreadScale: [0, 1]\n${STEPS}`, 'cellModes: [3, 2]',
      /mlc: expected 'presets:' naming the level sets whose σ levelSpreadScale scales \(.*\), found no presets$/],
  ])('%s', async (_what, block, key, msg) => {
    const r = await study(block);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines, r.err).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`n\\.yaml:${r.line(key)}:\\d+: `));
    expect(lines[0]).toMatch(msg);
  });
});

describe('mlc.stepRates: accepted shapes', () => {
  const base = { version: 1, seed: 1, model: 'smollm2-135m', weights: { tensors: ['t'] }, quant: { scheme: 'qmc' }, mram: { writeErrorRate: [0] },
    replay: { runs: { '2': 'a.yaml', '3': 'b.yaml' }, mlcMemory: 'reram', mramMemory: 'mram' } };
  const mlc = (extra: object) => noiseStudySchema.parse({ ...base, mlc: { cellModes: [3, 2], ...extra } }).mlc;

  it('stepRates alone (no spread sweep), beside levelSpreadScale, or absent (the default study)', () => {
    expect(mlc({ stepRates: [{ pDown: 1e-3, pUp: [2e-3] }] })).toMatchObject({ levelSpreadScale: [], stepRates: [{ pDown: 1e-3, pUp: 2e-3 }] });
    expect(mlc({ stepRates: [{ pDown: 0, pUp: 0 }] })).not.toHaveProperty('presets');
    const presets = { '2': 'p2', '3': 'p3' };
    expect(mlc({ presets, levelSpreadScale: [1], stepRates: [{ pDown: 0, pUp: 0 }] })).toMatchObject({ levelSpreadScale: [1], stepRates: [{ pDown: 0, pUp: 0 }] });
    expect(mlc({ presets, levelSpreadScale: [0, 1] })).not.toHaveProperty('stepRates');
    // a rate may be written as a ratio, as other ratio keys are ('85 %')
    expect(mlc({ stepRates: [{ pDown: '0.1 %', pUp: ['1 %', '0.5 %', 0.002, 0] }] }).stepRates).toEqual([{ pDown: 0.001, pUp: [0.01, 0.005, 0.002, 0] }]);
  });

  it('one value applies to every level of each mode, a list to the mode with that many levels; no move off the boundary levels', () => {
    const entries = [{ pDown: 1e-3, pUp: 2e-3 }, { pDown: [0, 1e-3, 2e-3, 3e-3], pUp: 4e-3 }];
    expect(stepEntriesFor(entries, 3).map((e) => e.index)).toEqual([0]);
    expect(stepEntriesFor(entries, 2).map((e) => e.index)).toEqual([0, 1]);
    expect(expandSteps(entries[1]!, 2)).toEqual({ pDown: [0, 1e-3, 2e-3, 3e-3], pUp: [4e-3, 4e-3, 4e-3, 0] });
    expect(expandSteps(entries[0]!, 3)).toEqual({ pDown: [0, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3], pUp: [2e-3, 2e-3, 2e-3, 2e-3, 2e-3, 2e-3, 2e-3, 0] });
    const m = stepModel(2, entries[1]!, 'gray');
    expect(m).toMatchObject({ kind: 'level-step', levels: 4, levelCoding: 'gray' });
    expect(meanStepRate(m)).toBeCloseTo((6e-3 + 12e-3) / 4, 15);
    expect(() => stepModel(3, entries[1]!, 'gray')).toThrow(/4 per-level values does not fit 3-bit cells/);
  });
});
