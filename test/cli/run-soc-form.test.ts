// Regression: a run's soc: is a kind: soc file path or an inline SoC map. A missing soc: or one of
// another type (soc: 3) said "soc: expected a string", as if a path were the only form; the union's
// problem now names both forms (and a generic union of types, 'a string or a number').
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfigFile } from '../../src/config/load.js';
import { strictObject } from '../../src/config/schema.js';
import { configErrorsOf, tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

const run = readFileSync('configs/runs/qmc-hymba.yaml', 'utf8');
const socLine = 'soc: ../soc/orin-agx-qmc.yaml\n';

describe('soc: of the wrong type or missing names both forms', () => {
  it('soc: 3', async () => {
    expect(run).toContain(socLine);
    const f = t.write('three.yaml', run.replace(socLine, 'soc: 3\n'));
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/three\.yaml:\d+:6: soc: expected a kind: soc file \(path relative to the file that sets soc:\) or an inline SoC map, found 3\n$/);
  });

  it('no soc:', async () => {
    const f = t.write('none.yaml', run.replace(socLine, ''));
    const r = await runCli('run', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none\.yaml:\d+:1: soc: expected a kind: soc file .* or an inline SoC map, found nothing \(the key is missing\)\n$/);
  });

  it('soc: naming a run file is reported at the soc: key, naming the file and its kind', async () => {
    const runFile = `${process.cwd()}/configs/runs/fp16-hymba.yaml`;
    const f = t.write('socrun.yaml', run.replace(socLine, `soc: ${runFile}\n`));
    const r = await runCli('run', f);
    expect(r.code).toBe(2);
    const line = run.split('\n').findIndex((l) => l.startsWith('soc:')) + 1;
    expect(r.stderr).toBe(`${f}:${line}:6: soc: expected a kind: soc file (e.g. configs/soc/orin-agx-qmc.yaml) or an inline SoC, found '${runFile}', whose kind is 'run' at ${runFile}:2:7\n`);
  });

  it('a union of plain types lists each type', () => {
    const f = t.write('u.yaml', 'v: true\n');
    const e = configErrorsOf(() => loadConfigFile(f, strictObject({ v: z.union([z.string(), z.number()]) })));
    expect(e.message).toMatch(/u\.yaml:1:4: v: expected a string or a number, found true$/);
  });
});
