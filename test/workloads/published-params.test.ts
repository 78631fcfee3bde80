// A model's publishedParams is a positive parameter count (a whole number, or a number with a K/M/B/T
// suffix): '3.5 kg', -1, 0B, 1.5 or a list are refused at the key, in validate and in loading.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModelFile } from '../../src/workloads/catalog.js';
import { publishedCount } from '../../src/workloads/model-shape.js';
import { runCli } from '../cli/cli-helpers.js';
import { tinyModelYaml } from '../cli/fixtures.js';

const base = tinyModelYaml({ hiddenSize: 256, numLayers: 4, vocabSize: 1000, numHeads: 4, numKvHeads: 2, intermediateSize: 512 });

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-pp-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(value: string): string {
  const f = join(dir, 'm.yaml');
  writeFileSync(f, `${base}publishedParams: ${value}\n`);
  return f;
}

describe('publishedParams', () => {
  for (const [value, found] of [["'3.5 kg'", "'3.5 kg'"], ['-1', '-1'], ['[1, 2]', 'a list'], ['0B', "'0B'"], ['1.5', '1.5'], ['1e400', 'Infinity']] as const) {
    it(`${value} is refused at the key (exit 2)`, async () => {
      const f = file(value);
      const line = `${f}:13:18: publishedParams: expected a positive parameter count: a whole number (1520000000) or a number with a suffix K, M, B or T ('1.52B', '130M'), found ${found}`;
      const r = await runCli('validate', f);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(line);
      expect(() => loadModelFile(f)).toThrow(line);
    });
  }
  it('a count with a suffix or a whole number is accepted and kept as written', () => {
    expect(loadModelFile(file('1.52B')).publishedParams).toBe('1.52B');
    expect(loadModelFile(file('130000000')).publishedParams).toBe(130000000);
    expect([publishedCount('1.52B'), publishedCount('130M'), publishedCount('2K'), publishedCount(7)]).toEqual([1.52e9, 1.3e8, 2000, 7]);
  });
  it('every catalogue model states a valid count', async () => {
    for (const m of ['phi-2', 'hymba-1.5b', 'mamba-130m', 'qwen2.5-0.5b']) {
      const r = await runCli('validate', `configs/models/${m}.yaml`);
      expect(r.code).toBe(0);
    }
  });
});
