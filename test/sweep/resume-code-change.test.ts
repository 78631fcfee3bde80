// Regression: a sweep point's id hashed only package.json's version, so `--resume` after a change of
// the code (or of a custom evaluator module) reused results the old code had computed. Ids now hash
// a build fingerprint of src/ and package-lock.json, and a custom evaluator's module text; a resumed
// sweep says how many of its points were stored by another build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildId, codeFingerprint, TOOL_VERSION } from '../../src/sweep/version.js';
import { evaluatorIdentity } from '../../src/sweep/points.js';
import { ROOT, tempDir, TOY_BASE, TOY_EVALUATOR } from './helpers.js';

/** A package root with src/a.ts, src/sub/b.json, test/t.ts and a lock file. */
function fakeRoot(): string {
  const root = tempDir('qmcsim-fp-');
  mkdirSync(join(root, 'src', 'sub'), { recursive: true });
  mkdirSync(join(root, 'test'));
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\nexport const b = 2;\n');
  writeFileSync(join(root, 'src', 'sub', 'b.json'), '{"k": 1}\n');
  writeFileSync(join(root, 'test', 't.ts'), 'test\n');
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3}\n');
  return root;
}

describe('build fingerprint', () => {
  it('changes with any source file or the lock file, not with tests or line endings', () => {
    const root = fakeRoot();
    const fp = codeFingerprint(root);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(root, 'test', 't.ts'), 'another test\n');
    expect(codeFingerprint(root)).toBe(fp);
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\r\nexport const b = 2;\r\n');
    expect(codeFingerprint(root)).toBe(fp);
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\nexport const b = 3;\n');
    const edited = codeFingerprint(root);
    expect(edited).not.toBe(fp);
    writeFileSync(join(root, 'src', 'sub', 'b.json'), '{"k": 2}\n');
    const data = codeFingerprint(root);
    expect(data).not.toBe(edited);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3, "x": 1}\n');
    const lock = codeFingerprint(root);
    expect(lock).not.toBe(data);
    writeFileSync(join(root, 'src', 'sub', 'new.ts'), '\n');
    expect(codeFingerprint(root)).not.toBe(lock);
  });

  it("this checkout's build id is the version plus its fingerprint", () => {
    expect(buildId()).toBe(`${TOOL_VERSION}+${codeFingerprint(ROOT).slice(0, 12)}`);
  });

  it('point ids follow the build id', async () => {
    const { loadSweepSpec } = await import('../../src/sweep/spec.js');
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep\nname: t\nbase: ${TOY_BASE}\nevaluator: ${TOY_EVALUATOR}\naxes:\n  - quantizer.rho: [0.1, 0.3]\n`);
    const idsUnder = async (build: string): Promise<string[]> => {
      vi.resetModules();
      vi.doMock('../../src/sweep/version.js', () => ({ TOOL_VERSION, buildId: () => build, codeFingerprint }));
      try {
        const { expandSweep } = await import('../../src/sweep/points.js');
        return (await expandSweep(loadSweepSpec(file))).points.map((p) => p.id);
      } finally {
        vi.doUnmock('../../src/sweep/version.js');
        vi.resetModules();
      }
    };
    const a = await idsUnder('qmcsim@9.9.9+aaaaaaaaaaaa');
    expect(a).toHaveLength(2);
    expect(await idsUnder('qmcsim@9.9.9+aaaaaaaaaaaa')).toEqual(a);
    const b = await idsUnder('qmcsim@9.9.9+bbbbbbbbbbbb');
    for (let i = 0; i < a.length; i++) expect(b[i]).not.toBe(a[i]);
  }, 60_000);

  it("a custom evaluator's identity follows its module's text", () => {
    const dir = tempDir();
    const mod = join(dir, 'ev.ts');
    writeFileSync(mod, 'export const evaluator = 1;\n');
    const a = evaluatorIdentity(mod);
    expect(a.startsWith(`custom:${mod}#`)).toBe(true);
    writeFileSync(mod, 'export const evaluator = 2;\n');
    expect(evaluatorIdentity(mod)).not.toBe(a);
    expect(evaluatorIdentity('run-config')).toBe('run-config');
  });
});

/** Runs `qmcsim sweep FILE --resume` in-process; returns the JSON summary and what went to stderr. */
async function resume(file: string, out: string): Promise<{ ran: number; reused: number; stderr: string; ids: string[] }> {
  const { main } = await import('../../src/cli/main.js');
  let text = '', stderr = '';
  const code = await main(['sweep', file, '--workers', '0', '--out', out, '--json', '--no-progress', '--resume'], { stdout: (t) => { text += t; }, stderr: (t) => { stderr += t; } });
  expect(code, stderr).toBe(0);
  const s = JSON.parse(text) as { ran: number; reused: number; points: { id: string }[] };
  return { ran: s.ran, reused: s.reused, stderr, ids: s.points.map((p) => p.id) };
}

describe('sweep --resume after a code change', () => {
  it('re-runs points stored by another build and says so', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep\nname: t\nbase: ${TOY_BASE}\nevaluator: ${TOY_EVALUATOR}\naxes:\n  - quantizer.rho: [0.1, 0.3]\n`);
    const first = await resume(file, out);
    expect(first.ran).toBe(2);
    // Make the stored rows look computed by an older build: other ids, other tool_version.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const dbFile = join(out, 'results.duckdb');
    const inst = await DuckDBInstance.create(dbFile);
    const conn = await inst.connect();
    await conn.run(`UPDATE metric_values SET point_id = 'old' || point_id`);
    await conn.run(`UPDATE points SET id = 'old' || id, tool_version = 'qmcsim@0.0.1+0123456789ab'`);
    conn.closeSync();
    inst.closeSync();
    const again = await resume(file, out);
    expect(again.ran).toBe(2);
    expect(again.reused).toBe(0);
    expect(again.ids).toEqual(first.ids);
    expect(again.stderr).toMatch(/2 of the points to run are stored from build qmcsim@0\.0\.1\+0123456789ab, not this build qmcsim@[\w.-]+\+[0-9a-f]{12}: the code changed since/);
    const third = await resume(file, out);
    expect(third.ran).toBe(0);
    expect(third.reused).toBe(2);
    expect(third.stderr).not.toContain('stored from build');
  }, 120_000);

  it("re-runs every point after an edit of a custom evaluator module", async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const mod = join(dir, 'my-evaluator.ts');
    const text = `export { evaluator } from ${JSON.stringify(TOY_EVALUATOR)};\n`;
    writeFileSync(mod, text);
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep\nname: t\nbase: ${TOY_BASE}\nevaluator: ${mod}\naxes:\n  - quantizer.rho: [0.1, 0.3]\n`);
    expect((await resume(file, out)).ran).toBe(2);
    expect((await resume(file, out)).reused).toBe(2);
    writeFileSync(mod, `// edited\n${readFileSync(mod, 'utf8')}`);
    const edited = await resume(file, out);
    expect(edited.ran).toBe(2);
    expect(edited.reused).toBe(0);
  }, 120_000);
});
