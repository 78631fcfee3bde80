/**
 * `qmcsim validate` on a `kind: qmc-study` file runs every load-time check `reproduce` runs before
 * its first replay (study, expected values, each configuration's run file with its `set:`), so what
 * made reproduce exit 2 no longer validates. A missing run file is located in the study file, with a
 * did-you-mean, by both commands.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const QMC = join(import.meta.dirname, '../../experiments/qmc');
const tmp = mkdtempSync(join(tmpdir(), 'qmcsim-validate-study-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/**
 * A copy of the shipped study in a folder of its own: run files named by absolute path (so they
 * resolve as shipped) except those `files` writes next to it, and `edit` applied to its text.
 */
function study(name: string, edit: (s: string) => string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmp, `${name}-`));
  for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
  const src = readFileSync(join(QMC, 'study.yaml'), 'utf8')
    .replace(/file: ([a-z0-9-]+\.yaml)/g, (_m, f: string) => `file: ${f in files ? f : join(QMC, f)}`)
    .replace('expected: expected.yaml', `expected: ${'expected.yaml' in files ? 'expected.yaml' : join(QMC, 'expected.yaml')}`);
  const file = join(dir, 'study.yaml');
  writeFileSync(file, edit(src));
  return file;
}

describe('validate kind: qmc-study (reproduce load-time checks)', () => {
  /** A study whose configurations[1] names 'rtn-int44.yaml' next to an 'rtn-int4.yaml', and the line it expects. */
  const missing = (): { file: string; want: RegExp } => {
    const file = study('missing', (s) => s.replace('file: rtn-int4.yaml', 'file: rtn-int44.yaml'), { 'rtn-int4.yaml': `extends: ${join(QMC, 'rtn-int4.yaml')}\n` });
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('rtn-int44.yaml')) + 1;
    return { file, want: new RegExp(`study\\.yaml:${line}:\\d+: configurations\\[1\\]\\.file: expected an existing run file \\(relative to study\\.yaml\\), found 'rtn-int44\\.yaml'; did you mean 'rtn-int4\\.yaml'\\?`) };
  };

  it('a configuration naming a missing run file does not validate: located in the study, with a did-you-mean', async () => {
    const { file, want } = missing();
    const v = await cli(['validate', file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(want);
  }, 60_000);

  it('reproduce reports a missing run file the same way, one line, before any replay (exit 2)', async () => {
    const { file, want } = missing();
    const r = await cli(['reproduce', file, '--no-rho', '--no-progress', '--threads', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(want);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it("expected.yaml with 'tolerance: 3 ns' does not validate", async () => {
    const exp = readFileSync(join(QMC, 'expected.yaml'), 'utf8').replace('tolerance: 0.03', 'tolerance: 3 ns');
    const file = study('tolerance', (s) => s, { 'expected.yaml': exp });
    const v = await cli(['validate', file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/expected\.yaml:\d+:\d+: claims\[0\]\.tolerance: /);
  }, 60_000);

  it("a referenced run config with 'contextLength: abc' does not validate", async () => {
    const run = `extends: ${join(QMC, 'fp16.yaml')}\nworkload: { phase: decode, contextLength: abc, batch: 1, metadata: paper }\n`;
    const file = study('context', (s) => s, { 'fp16.yaml': run });
    const v = await cli(['validate', file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/configuration 'fp16' .*fp16\.yaml:2:\d+: workload\.contextLength: .*abc/);
  }, 60_000);

  it('the shipped study validates, counting its configurations and replays', async () => {
    const v = await cli(['validate', join(QMC, 'study.yaml')]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/valid qmc-study configuration \(\d+ files, hash [0-9a-f]+, 8 configurations, 12 replays\)/);
  }, 60_000);

  it('a missing expected file is located at the study\'s expected: key (or its --set), with a did-you-mean', async () => {
    const file = study('expected-missing', (t) => t.replace(/^expected: .*$/m, 'expected: expectd.yaml'), { 'expected.yaml': readFileSync(join(QMC, 'expected.yaml'), 'utf8') });
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('expected: ')) + 1;
    const r = await cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toBe(`${file}:${line}:11: expected: expected an existing expected-values file (relative to study.yaml), found 'expectd.yaml'; did you mean 'expected.yaml'?`);
    const s = await cli(['validate', join(QMC, 'study.yaml'), '--set', 'expected=expectd.yaml']);
    expect(s.code).toBe(2);
    expect(s.stderr.trimEnd()).toBe("--set expected=expectd.yaml: expected: expected an existing expected-values file (relative to study.yaml), found 'expectd.yaml'; did you mean 'expected.yaml'?");
  });
});
