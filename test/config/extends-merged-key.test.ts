// Regression (review): a child `quant: { scheme: rtn, bits: 4 }` over a base with a QMC quant map got
// the base's rho, inlierBits and outlierBits merged in, reported at the base's line only. The
// problem is now at the child's quant: key, names where the key came from, and says how to replace
// the map: '!replace', which the loader now supports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { runCli } from '../cli/cli-helpers.js';
import { composeFile } from '../../src/config/resolve.js';
import { parseYaml } from '../../src/config/yaml.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

const base = resolve('configs/runs/qmc-hymba.yaml');
let t: TempDir;
beforeAll(() => { t = tempDir('qmcsim-merged-'); });
afterAll(() => t.remove());

describe('a key a base file merged into a map the extending file wrote', () => {
  it('is reported at the child map, with where it came from and how to replace the map', async () => {
    const f = t.write('rtn.yaml', `kind: run\nextends: ${base}\nquant: { scheme: rtn, bits: 4 }\n`);
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`${f}:3:1: quant.rho: expected a key allowed at 'quant' for scheme rtn ('scheme', 'name', 'scope', 'keepBits', 'scaleBits', 'bits', 'granularity', 'groupSize', 'symmetric'), found 'rho'; rho does not apply to scheme rtn, it applies to qmc; quant.rho was merged in from configs/runs/qmc-hymba.yaml:10:23 (extends: deep-merges maps); to replace the base's map instead, write 'quant: !replace { … }'`);
    expect(lines[1]).toMatch(/^.*:3:1: quant\.inlierBits: .* merged in from configs\/runs\/qmc-hymba\.yaml:10:33 /);
    expect(lines[2]).toMatch(/^.*:3:1: quant\.outlierBits: .* merged in from configs\/runs\/qmc-hymba\.yaml:10:48 /);
  });

  it("'!replace' makes the child's map replace the base's", async () => {
    // (RTN has no outliers for the base's placement policy qmc: placed all in LPDDR5)
    const f = t.write('rtn-replace.yaml', `kind: run\nextends: ${base}\nquant: !replace { scheme: rtn, bits: 4 }\nplacement: { policy: all-lpddr5 }\n`);
    expect((await runCli('validate', f)).code).toBe(0);
    expect((composeFile(f).data as { quant: unknown }).quant).toEqual({ scheme: 'rtn', bits: 4 });
    // block style, and only the tagged map replaces: its siblings still merge
    const b = t.write('b.yaml', 'a: { x: 1, y: { p: 1, q: 2 } }\nz: 1\n');
    const c = t.write('c.yaml', `extends: ${b}\na:\n  y: !replace\n    p: 5\n`);
    expect(composeFile(c).data).toEqual({ a: { x: 1, y: { p: 5 } }, z: 1 });
  });

  it("'!replace' on a value that is not a map is refused", () => {
    expect(configErrorsOf(() => parseYaml('name: !replace x\n', 'f.yaml')).message).toBe(
      "f.yaml:1:7: name: expected '!replace' only on a map (a map written '!replace { … }' replaces the base's map of extends: instead of merging into it; lists and values replace anyway), found the tag '!replace' on 'x'");
  });

  it('a key the child itself wrote keeps its own position', async () => {
    const f = t.write('own.yaml', `kind: run\nextends: ${base}\nquant: { scheme: rtn, bits: 4, rho: 0.3 }\n`);
    const r = await runCli('validate', f);
    const rho = r.stderr.split('\n').find((l) => l.includes('quant.rho:')) ?? '';
    expect(rho.startsWith(`${f}:3:32: quant.rho: `)).toBe(true);
    expect(rho).not.toMatch(/merged in/);
  });
});
