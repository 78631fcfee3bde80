// An index JSON that parses but is not an object with a weight_map object (null, a list, a number,
// weight_map given as a list) is bad input: one line naming the index, exit 2, not a TypeError
// (exit 3) or a list index taken for a tensor name.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refusal } from './cli-refusal.js';
import { Checkpoint } from '../../src/workloads/weights/safetensors.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-ckpt-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('checkpoint index JSON shape', () => {
  const cases: [string, string, RegExp][] = [
    ['null', 'null', /expected a JSON object with a 'weight_map'.*found null/],
    ['list', '[1, 2]', /expected a JSON object with a 'weight_map'.*found \[1,2\]/],
    ['number', '42', /expected a JSON object with a 'weight_map'.*found 42/],
    ['no-map', '{"metadata": {}}', /expected 'weight_map' to be an object.*found no weight_map/],
    ['map-list', '{"weight_map": ["a.safetensors"]}', /expected 'weight_map' to be an object.*found \["a\.safetensors"\]/],
    ['map-null', '{"weight_map": null}', /expected 'weight_map' to be an object.*found null/],
  ];
  for (const [name, text, msg] of cases) {
    it(`refuses an index that is ${name} with one line, exit 2`, () => {
      const folder = join(dir, name);
      mkdirSync(folder);
      const idx = join(folder, 'model.safetensors.index.json');
      writeFileSync(idx, text);
      for (const path of [idx, folder]) {
        const r = refusal(() => Checkpoint.open(path).names());
        expect(r.code).toBe(2);
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(idx);
        expect(r.stderr).toMatch(msg);
      }
    });
  }
});
