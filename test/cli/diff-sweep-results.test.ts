// `qmcsim diff` on sweep results: two `sweep --out` folders (points.csv), two `sweep --json` outputs,
// points matched by axis values (not ids), bookkeeping left out; one-line errors for mixed kinds,
// an --ignore path that matches nothing, a duplicate JSON key, a points.csv without its axes.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

const FIXTURES = resolve(import.meta.dirname, '..', 'sweep', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'qmcsim-diff-sweep-'));

interface DiffJson { same: boolean; points?: { matched: number; onlyA: number; onlyB: number }; changes: { path: string; kind: string; a?: unknown; b?: unknown }[] }

/** A toy sweep (4 points) over rho × cell mode; `pjPerBit` is the ReRAM read energy of its base config. */
function sweepFile(name: string, rhos: string, pjPerBit: string): string {
  const base = join(dir, `${name}-base.yaml`);
  writeFileSync(base, readFileSync(join(FIXTURES, 'toy-base.yaml'), 'utf8').replace('pjPerBit: 0.5', `pjPerBit: ${pjPerBit}`));
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `kind: sweep\nname: toy\nbase: ${base}\nevaluator: ${join(FIXTURES, 'toy-evaluator.ts')}\nseed: 7\naxes:\n  - quantizer.rho: ${rhos}\n  - reram.cellMode: [mlc2, mlc3]\nmetrics: [latencyPerTokenPs, energyPerTokenPj, memoryAreaMm2]\n`);
  return file;
}

async function sweep(file: string, out: string, ...more: string[]): Promise<string> {
  const r = await runCli('sweep', file, '--workers', '0', '--out', join(dir, out), '--json', '--no-progress', ...more);
  expect(r.code, r.stderr).toBe(0);
  const json = join(dir, `${out}${more.length > 0 ? '-again' : ''}.json`);
  writeFileSync(json, r.stdout);
  return json;
}

let a = '', a2 = '', aResumed = '', b = '';
beforeAll(async () => {
  const fa = sweepFile('a', '[0.1, 0.3]', '0.5');
  a = await sweep(fa, 'a');
  a2 = await sweep(fa, 'a2'); // the same sweep: other paths
  aResumed = await sweep(fa, 'a', '--resume'); // ran 0, reused 4
  b = await sweep(sweepFile('b', '[0.1, 0.5]', '0.6'), 'b'); // dearer ReRAM reads; rho 0.3 → 0.5
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qmcsim diff on sweeps', () => {
  it('two --out folders: matched by axis values, every metric compared, points on one side named by their axes', async () => {
    const r = await runCli('diff', join(dir, 'a'), join(dir, 'b'), '--json');
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(r.stdout) as DiffJson;
    expect(j.points).toEqual({ matched: 2, onlyA: 2, onlyB: 2 });
    const ids = (f: string): string[] => (JSON.parse(readFileSync(f, 'utf8')) as { points: { id: string }[] }).points.map((p) => p.id).sort();
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]); // no point id in common
    const byPath = new Map(j.changes.map((c) => [c.path, c]));
    const e = byPath.get('points[quantizer.rho=0.1, reram.cellMode=mlc2].metrics.energyPerTokenPj');
    expect(e?.kind).toBe('changed');
    expect(e!.b as number).toBeGreaterThan(e!.a as number);
    expect(byPath.get('points[quantizer.rho=0.3, reram.cellMode=mlc3]')?.kind).toBe('only-a');
    expect(byPath.get('points[quantizer.rho=0.5, reram.cellMode=mlc2]')?.kind).toBe('only-b');
    // area does not depend on the read energy
    expect([...byPath.keys()].filter((p) => p.endsWith('memoryAreaMm2'))).toEqual([]);
    const text = await runCli('diff', join(dir, 'a'), join(dir, 'b', 'points.csv'));
    expect(text.stdout).toMatch(/^A: .*points\.csv\nB: .*points\.csv\nsweep points matched by axis values: 2; only in A: 2; only in B: 2\n\d+ differences among \d+ values compared/);
  });

  it('two --json outputs: paths, ran / reused counts and ids are not differences', async () => {
    for (const other of [a2, aResumed, join(dir, 'a2')]) {
      const r = await runCli('diff', a, other);
      expect(r.code, `${other}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^sweep points matched by axis values: 4; only in A: 0; only in B: 0\nno differences: \d+ values compared \(rel 0, abs 0\)\n$/);
    }
    const r = await runCli('diff', a, b, '--json');
    expect(r.code).toBe(1);
    const paths = (JSON.parse(r.stdout) as DiffJson).changes.map((c) => c.path);
    expect(paths.filter((p) => /^(db|csv|parquet|report|ran|reused|drawn|stored|lost)$|\.id$|\.index$/.test(p))).toEqual([]);
    expect(paths).toContain('points[quantizer.rho=0.1, reram.cellMode=mlc3].metrics.energyPerTokenPj');
    // the tolerance applies per metric; ignoring the moved metrics leaves the points on one side
    const loose = await runCli('diff', a, b, '--json', '--ignore', 'metrics.energyPerTokenPj', '--ignore', 'metrics.latencyPerTokenPs');
    expect((JSON.parse(loose.stdout) as DiffJson).changes.map((c) => c.kind).sort()).toEqual(['only-a', 'only-a', 'only-b', 'only-b']);
  });

  it('refuses mixed kinds, an --ignore path matching nothing, a duplicate key, a points.csv without its axes: one line, exit 2', async () => {
    const run = join(dir, 'run.json');
    writeFileSync(run, JSON.stringify({ name: 'qmc', metrics: { latencyPerTokenPs: 1 }, energy: { totalPj: 2 } }));
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ tensors: [1], placement: 'x' }));
    const dup = join(dir, 'dup.json');
    writeFileSync(dup, '{\n  "name": "qmc",\n  "metrics": {},\n  "name": "other"\n}\n');
    mkdirSync(join(dir, 'bare'));
    copyFileSync(join(dir, 'a', 'points.csv'), join(dir, 'bare', 'points.csv'));
    const cases: [string[], RegExp][] = [
      [[run, a], /^diff: .*a\.json is a sweep result and .*run\.json is not: expected two results of one kind/],
      [[run, other], /^diff: .*run\.json and .*other\.json have no value in common: expected two results of one kind/],
      [[run, run, '--ignore', 'nosuchpath'], /^diff: --ignore nosuchpath: expected a value path of A or B, found it matches nothing\n$/],
      [[a, b, '--ignore', 'metrics.nosuch'], /^diff: --ignore metrics\.nosuch: expected a value path of A or B, found it matches nothing/],
      [[dup, run], /^diff: .*dup\.json:4:3: key 'name': expected once per object, found it twice/],
      [[join(dir, 'bare'), a], /^diff: .*bare\/points\.csv: cannot tell its axis columns from its metric columns/],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli('diff', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('reads the axes from the database when no report.html is beside points.csv', async () => {
    mkdirSync(join(dir, 'noreport'));
    for (const f of ['points.csv', 'results.duckdb']) copyFileSync(join(dir, 'a', f), join(dir, 'noreport', f));
    const r = await runCli('diff', join(dir, 'noreport'), a);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/matched by axis values: 4; only in A: 0; only in B: 0/);
  });

  it('reads points.csv as DuckDB writes it: quoted cells, empty metrics, quantity axes with their unit', async () => {
    const write = (name: string, latency: string): string => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'report.html'), '<figure id="plot-axis-link-latency"></figure><figure id="plot-axis-scheme"></figure>');
      writeFileSync(join(dir, name, 'points.csv'), [
        'id,point_index,status,violated,error,link.latency [ps],scheme,latencyPerTokenPs,energyPerTokenPj,estimated_params',
        `p1,0,ok,,,2000,"{""bits"":3,""name"":""a,b""}",${latency},5.0,""`,
        'p2,1,failed,,"evaluator threw: ""x"", then\nmore",10000,qmc,,,"tRCD (estimate); tRP"',
        '',
      ].join('\n'));
      return join(dir, name);
    };
    const x = write('csv-x', '1.5e7'), y = write('csv-y', '1.6e7');
    const r = await runCli('diff', x, y, '--json');
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(r.stdout) as DiffJson;
    expect(j.points).toEqual({ matched: 2, onlyA: 0, onlyB: 0 });
    expect(j.changes).toEqual([{ path: 'points[link.latency [ps]=2000, scheme={"bits":3,"name":"a,b"}].metrics.latencyPerTokenPs', kind: 'changed', a: 15000000, b: 16000000, relChange: 1 / 15 }]);
  });
});
