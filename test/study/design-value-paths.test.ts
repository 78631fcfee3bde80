/**
 * A design value whose `path` names no key of its configuration ('soc.memories[1].device.channelz')
 * passed validate and reproduce and printed '(absent)' in the design-values table. The load-time
 * checks now refuse it, located at designValues[i].path with a did-you-mean to the whole path; a key
 * the configuration's schema accepts but leaves to its preset's default stays allowed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { prepareReproduction } from '../../src/study/reproduce-prepare.js';

const QMC = join(import.meta.dirname, '../../experiments/qmc');
const tmp = mkdtempSync(join(tmpdir(), 'qmcsim-design-paths-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the shipped study (run files and expected values by absolute path) with `from` → `to`. */
function study(from: string, to: string): { file: string; line: number } {
  const src = readFileSync(join(QMC, 'study.yaml'), 'utf8')
    .replace(/file: ([a-z0-9-]+\.yaml)/g, (_m, f: string) => `file: ${join(QMC, f)}`)
    .replace('expected: expected.yaml', `expected: ${join(QMC, 'expected.yaml')}`);
  expect(src).toContain(from);
  const text = src.replace(from, to);
  const file = join(mkdtempSync(join(tmp, 's-')), 'study.yaml');
  writeFileSync(file, text);
  return { file, line: text.split('\n').findIndex((l) => l.includes(to)) + 1 };
}

const refusal = (file: string): string => {
  try {
    prepareReproduction({ studyFile: file, rhoSweep: false });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('design value paths', () => {
  it('a misspelt key of a configuration is refused at designValues[i].path with a did-you-mean (validate, exit 2)', async () => {
    const { file, line } = study("path: 'soc.memories[1].device.channels'", "path: 'soc.memories[1].device.channelz'");
    let stderr = '';
    const code = await main(['validate', file], { stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: designValues\\[0\\]\\.path: expected a key of configuration 'qmc-3bit' \\([^)]*\\), found 'soc\\.memories\\[1\\]\\.device\\.channelz' \\(no such key\\); did you mean 'soc\\.memories\\[1\\]\\.device\\.channels'\\?$`));
  }, 60_000);

  it('a list item past the end is refused', () => {
    const { file } = study("path: 'soc.memories[0].device.channels'", "path: 'soc.memories[7].device.channels'");
    expect(refusal(file)).toMatch(/designValues\[3\]\.path: expected a key of configuration 'qmc-3bit' .*, found 'soc\.memories\[7\]\.device\.channels' \(no such key\)$/);
  }, 60_000);

  it('a misspelt key of the study itself is refused with a did-you-mean', () => {
    const { file } = study("path: 'area.flash.density'", "path: 'area.flash.densty'");
    expect(refusal(file)).toMatch(/designValues\[10\]\.path: expected a key of the study file study\.yaml, found 'area\.flash\.densty' \(no such key\); did you mean 'area\.flash\.density'\?$/);
  }, 60_000);

  it('a key the schema accepts but the configuration leaves to its preset default is allowed', () => {
    // fp16's LPDDR5 device block names only its preset and refresh: pagePolicy is the preset's
    const { file } = study("path: 'soc.memories[0].device.refresh'", "path: 'soc.memories[0].device.pagePolicy'");
    const p = prepareReproduction({ studyFile: file, rhoSweep: false });
    expect(p.study.designValues.some((d) => d.path === 'soc.memories[0].device.pagePolicy')).toBe(true);
  }, 60_000);
});
