// Regression (review): an alias inside its own anchor (`x: &a [*a]`) made a cyclic tree; validate
// exited 3 with "Maximum call stack size exceeded" and the files after it in the batch were not
// checked. It is now a located error (exit 2) and the batch goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { runCli } from '../cli/cli-helpers.js';
import { parseYaml } from '../../src/config/yaml.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir('qmcsim-self-alias-'); });
afterAll(() => t.remove());

const found = 'expected an alias to a finished anchor (a value cannot contain itself), found *a inside its own anchor &a';

describe('an alias inside its own anchor', () => {
  it('validate: located error, exit 2, and the next file of the batch is still checked', async () => {
    const f = t.write('self.yaml', `kind: run\nextends: ${resolve('configs/runs/qmc-hymba.yaml')}\nx: &a [*a]\n`);
    const r = await runCli('validate', f, 'configs/soc/orin-agx-qmc.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${f}:3:8: x[0]: ${found}`);
    expect(r.stdout).toMatch(/configs\/soc\/orin-agx-qmc\.yaml: valid soc configuration/);
  });

  it.each([
    ['x: &a {y: *a}', '1:11: x.y'],
    ['x: &a {y: [1, {z: *a}]}', '1:19: x.y[1].z'],
    ['x: &a {b: 1, <<: *a}', '1:18: x'],
  ])('%s', (text, where) => {
    expect(configErrorsOf(() => parseYaml(`${text}\n`, 'f.yaml')).message).toBe(`f.yaml:${where}: ${found}`);
  });

  it('an alias after its anchor, even twice, is still fine', () => {
    expect(parseYaml('x: &a [1]\ny: [*a, *a]\n', 'f.yaml').data).toEqual({ x: [1], y: [[1], [1]] });
  });
});
