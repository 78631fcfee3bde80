// Cross-field checks of a model shape (family blocks, GQA head counts, layer indices): located at
// the key, and the same for `qmcsim validate` as for loading the model in a run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModelFile } from '../../src/workloads/catalog.js';
import { runCli } from '../cli/cli-helpers.js';
import { tinyModelYaml } from '../cli/fixtures.js';

const base = tinyModelYaml({ hiddenSize: 256, numLayers: 4, vocabSize: 1000, numHeads: 4, numKvHeads: 2, intermediateSize: 512 });

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-model-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(text: string): string {
  const f = join(dir, 'm.yaml');
  writeFileSync(f, text);
  return f;
}

const cases: [string, string, RegExp][] = [
  ['a global layer past numLayers', base.replace('headDim: 64 }', 'headDim: 64, slidingWindow: 64, globalLayers: [0, 9] }'),
    /:11:\d+: attention\.globalLayers\[1\]: expected a layer index < numLayers \(4\), found 9$/],
  ['a KV-reuse layer past numLayers', base.replace('headDim: 64 }', 'headDim: 64, kvReuseGroups: [[0, 7]] }'),
    /: attention\.kvReuseGroups\[0\]\[1\]: expected a layer index < numLayers \(4\), found 7$/],
  ['a layer in two KV-reuse groups', base.replace('headDim: 64 }', 'headDim: 64, kvReuseGroups: [[0, 1], [2, 1]] }'),
    /: attention\.kvReuseGroups\[1\]\[1\]: expected a layer in one KV-reuse group only, once, found layer 1 again/],
  ['KV heads that do not divide the query heads', base.replace('numKvHeads: 2', 'numKvHeads: 3'),
    /:11:\d+: attention\.numKvHeads: expected a divisor of numHeads \(4\).*found 3$/],
  ['a llama without mlp', base.replace(/^mlp:.*\n/m, ''), /: mlp: expected an mlp: block \(family llama needs one\)/],
  ['a hymba without mamba', base.replace('family: llama', 'family: hymba'), /: mamba: expected a mamba: block \(family hymba needs one\)/],
  ['a mamba with attention (ignored)', `${base.replace('family: llama', 'family: mamba')}mamba: { dState: 16, dConv: 4, expand: 2, dtRank: 16, convBias: true, projBias: false }\n`,
    /:11:\d+: attention: expected no attention: block \(family mamba has none; it would be ignored\), found a map/],
];

describe('model shape cross-field checks', () => {
  for (const [what, text, re] of cases) {
    it(`${what}: validate refuses it at the key (exit 2), as loading does`, async () => {
      const f = file(text);
      const r = await runCli('validate', f);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').filter(Boolean).some((l) => l.startsWith(`${f}:`) && re.test(l))).toBe(true);
      expect(() => loadModelFile(f)).toThrow(re.source.endsWith('$') ? new RegExp(re.source.slice(0, -1)) : re);
    });
  }

  it('a consistent model is still valid', async () => {
    const r = await runCli('validate', file(base));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid model configuration/);
  });
});
