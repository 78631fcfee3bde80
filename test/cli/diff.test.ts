// `qmcsim diff A B`: which values of two result bundles moved (the "results changed" check).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffResults } from '../../src/report/result-diff.js';
import { runCli } from './cli-helpers.js';

const tol = { rel: 0, abs: 0 };

describe('diffResults', () => {
  it('matches records of a list by their text fields, whatever their order', () => {
    const a = { byTag: [{ tensor: 'w1', memory: 'reram', bits: 10 }, { tensor: 'w2', memory: 'mram', bits: 20 }] };
    const b = { byTag: [{ tensor: 'w2', memory: 'mram', bits: 20 }, { tensor: 'w1', memory: 'reram', bits: 11 }] };
    const r = diffResults(a, b, tol);
    expect(r.compared).toBe(6);
    expect(r.changes).toEqual([{ path: 'byTag[memory=reram, tensor=w1].bits', kind: 'changed', a: 10, b: 11, relChange: 0.1 }]);
  });

  it('falls back to positions when text fields do not identify the records', () => {
    const r = diffResults({ l: [{ k: 'x', v: 1 }, { k: 'x', v: 2 }, 3] }, { l: [{ k: 'x', v: 1 }, { k: 'x', v: 5 }] }, tol);
    expect(r.changes.map((c) => [c.path, c.kind])).toEqual([['l[1].v', 'changed'], ['l[2]', 'only-a']]);
  });

  it('applies the relative and absolute tolerances', () => {
    expect(diffResults({ x: 1000 }, { x: 1000.5 }, { rel: 1e-3, abs: 0 }).changes).toHaveLength(0);
    expect(diffResults({ x: 1000 }, { x: 1002 }, { rel: 1e-3, abs: 0 }).changes).toHaveLength(1);
    expect(diffResults({ x: 0 }, { x: 1e-12 }, { rel: 1, abs: 1e-9 }).changes).toHaveLength(0);
    expect(diffResults({ x: 0 }, { x: 1e-12 }, tol).changes[0]!.relChange).toBe(Infinity);
  });

  it('reports keys on one side only, type changes, and changed text', () => {
    const r = diffResults({ a: 1, b: 'x', c: [1], d: true }, { b: 'y', c: { 0: 1 }, d: true, e: null }, tol);
    expect(r.changes.map((c) => [c.path, c.kind])).toEqual([['a', 'only-a'], ['b', 'changed'], ['c', 'type'], ['e', 'only-b']]);
  });

  it('ignores a path and its subtree, not a longer name that starts with it', () => {
    const a = { q: { x: 1, y: [1] }, qq: 1 }, b = { q: { x: 2, y: [2] }, qq: 2 };
    expect(diffResults(a, b, { ...tol, ignore: ['q'] }).changes.map((c) => c.path)).toEqual(['qq']);
    expect(diffResults(a, b, { ...tol, ignore: ['q.y'] }).changes.map((c) => c.path)).toEqual(['q.x', 'qq']);
  });
});

describe('qmcsim diff', () => {
  it('exit 0 for the same run twice; exit 1 naming the metrics a change moved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-diff-'));
    const run = async (out: string, ...set: string[]): Promise<void> => {
      const r = await runCli('run', 'configs/runs/qmc-hymba.yaml', '--set', 'model=smollm2-135m', ...set.flatMap((s) => ['--set', s]), '--layer-reuse', '--out', join(dir, out));
      expect(r.code, r.stderr).toBe(0);
    };
    await run('a');
    await run('b');
    await run('c', 'quant.rho=0.2');
    const same = await runCli('diff', join(dir, 'a'), join(dir, 'b', 'result.json'));
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^no differences: \d+ values compared \(rel 0, abs 0\)\n$/);
    const moved = await runCli('diff', join(dir, 'a'), join(dir, 'c'), '--json');
    expect(moved.code).toBe(1);
    const j = JSON.parse(moved.stdout) as { same: boolean; changes: { path: string; a: number; b: number }[] };
    expect(j.same).toBe(false);
    const paths = j.changes.map((c) => c.path);
    expect(j.changes.find((c) => c.path === 'quant')).toMatchObject({ a: 'qmc-rho0.3-3b5b', b: 'qmc-rho0.2-3b5b' });
    // fewer outliers: fewer bytes from MRAM
    const mram = j.changes.find((c) => c.path === 'metrics.bytesReadByMemory.mram');
    expect(mram!.b).toBeLessThan(mram!.a);
    const table = await runCli('diff', join(dir, 'a'), join(dir, 'c'), '--limit', '3');
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/differences among \d+ values compared/);
    expect(table.stdout).toMatch(/\.\.\. and \d+ more \(--limit N or --json lists them\)/);
  }, 120_000);

  it('refuses bad input with one line and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-diff-'));
    const good = join(dir, 'g.json');
    writeFileSync(good, '{"x": 1}');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"x": ');
    mkdirSync(join(dir, 'empty'));
    const cases: [string[], RegExp][] = [
      [[good, join(dir, 'nope.json')], /^diff: .*nope\.json: no such file or directory\n$/],
      [[good, bad], /^diff: .*bad\.json is not JSON \(.+\)\n$/],
      [[good, join(dir, 'empty')], /^diff: .*empty is a directory without result\.json/],
      [[good, good, '--rel', '-1'], /^diff: --rel: expected a number ≥ 0 such as 1e-9, found '-1'\n$/],
      [[good, good, '--limit', '0'], /^diff: --limit: expected a whole number ≥ 1, found '0'\n$/],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli('diff', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).toBe('');
    }
  });
});
