// `qmcsim model import FILE.gguf`: a model shape derived from a GGUF header (llama, qwen2, phi2 as
// llama.cpp writes them) loads as a model file and accounts for every tensor element of the file;
// an unsupported architecture, a missing metadata key or a tensor the shape does not describe is one line, exit 2.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../cli/cli-helpers.js';
import { loadModelFile } from '../../src/workloads/catalog.js';
import { paramCount } from '../../src/workloads/inventory.js';
import { writeTinyGguf, type TinyGguf } from './gguf-model-file.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-gguf-import-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const base = { hidden: 64, layers: 2, heads: 4, kvHeads: 2, ff: 128, vocab: 100 };
const gguf = (m: TinyGguf): { file: string; numel: number } => {
  const file = join(dir, `${m.arch}.gguf`);
  return { file, numel: writeTinyGguf(file, m) };
};

describe('qmcsim model import', () => {
  const cases: Array<[TinyGguf, Record<string, unknown>]> = [
    [{ arch: 'llama', ...base, tied: true }, { family: 'llama', tieWordEmbeddings: true, norm: { kind: 'rmsnorm', eps: 1e-5 }, attention: { numHeads: 4, numKvHeads: 2, headDim: 16, qkvBias: false }, mlp: { kind: 'swiglu', intermediateSize: 128 } }],
    [{ arch: 'qwen2', ...base }, { family: 'llama', tieWordEmbeddings: false, attention: { numHeads: 4, numKvHeads: 2, headDim: 16, qkvBias: true } }],
    [{ arch: 'phi2', ...base, kvHeads: 4, ff: 256 }, { family: 'phi', tieWordEmbeddings: false, lmHeadBias: true, norm: { kind: 'layernorm', eps: 1e-5 }, attention: { numHeads: 4, numKvHeads: 4, headDim: 16, qkvBias: true, oBias: true }, mlp: { kind: 'gelu', intermediateSize: 256, bias: true } }],
  ];
  for (const [m, expected] of cases) {
    it(`${m.arch}: prints a model file whose parameters are the file's tensor elements`, async () => {
      const { file, numel } = gguf(m);
      const r = await runCli('model', 'import', file);
      expect(r.code, r.stderr).toBe(0);
      const y = parse(r.stdout) as Record<string, unknown>;
      expect(y).toMatchObject({ kind: 'model', hiddenSize: 64, numLayers: 2, vocabSize: 100, publishedParams: numel, ...expected });
      const out = join(dir, `${m.arch}.yaml`);
      expect((await runCli('model', 'import', file, '--out', out)).code).toBe(0);
      expect(paramCount(loadModelFile(out))).toBe(numel);
      expect((await runCli('validate', out)).code).toBe(0);
    });
  }
  it('refuses an architecture it cannot derive, a missing key and an undescribed tensor, one line each', async () => {
    const mamba = gguf({ arch: 'mamba', ...base });
    let r = await runCli('model', 'import', mamba.file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${mamba.file}: general.architecture 'mamba'; expected one of llama, qwen2, phi2 (decoder architectures a model shape can be derived from)`);
    const noBlocks = gguf({ arch: 'llama', ...base, omit: ['block_count'] });
    r = await runCli('model', 'import', noBlocks.file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${noBlocks.file}: metadata llama.block_count: expected a positive number, found nothing (the key is missing)`);
    const extra = gguf({ arch: 'qwen2', ...base, extra: [['blk.0.attn_output.bias', [64]]] });
    r = await runCli('model', 'import', extra.file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`qmcsim model import: ${extra.file}: the derived shape has ${extra.numel - 64} parameters but the file's tensors hold ${extra.numel}; the architecture's layout differs from what the model format describes`);
  });
  it('keeps an existing --out unless --force, and leaves no temporary file', async () => {
    const { file } = gguf({ arch: 'llama', ...base });
    const out = join(dir, 'm.yaml');
    writeFileSync(out, 'mine\n');
    const r = await runCli('model', 'import', file, '--out', out);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect((await runCli('model', 'import', file, '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# tiny-llama: derived by `qmcsim model import`/);
    expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
