// Regression: `study noise --weights` with a checkpoint holding a NaN/Inf weight crashed with
// "internal error: quantizeValues: non-finite weight" (exit 3), an I32 tensor or a weight_map entry
// that is not a string likewise failed late or with a TypeError, and each left an empty --out
// behind. Now every one is a single line naming the checkpoint and tensor, exit 2, no folders.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { encodeFloat, writeSafetensors } from '../../src/workloads/weights/safetensors-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-ckpt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'noise-small.yaml'), 'utf8')
  .replace(/\.\.\/\.\.\/\.\.\/experiments\/qmc\//g, join(import.meta.dirname, '..', '..', 'experiments', 'qmc') + '/')
  .replace('model: hymba-1.5b', 'model: smollm2-135m')
  .replace(/tensors: \[.*\]/, 'tensors: [model.layers.0.self_attn.k_proj.weight]');
const studyFile = join(dir, 'n.yaml');
writeFileSync(studyFile, fixture);
const K = 'model.layers.0.self_attn.k_proj.weight';

function checkpoint(name: string, dtype: 'F32' | 'I32', poison?: number): string {
  const f = join(dir, name);
  writeSafetensors(f, [{ name: K, dtype, shape: [192, 576] }], () => {
    const v = Float32Array.from({ length: 192 * 576 }, (_, i) => Math.sin(i) * 0.05);
    if (poison !== undefined) v[600] = poison;
    return dtype === 'F32' ? encodeFloat(v, 'F32') : new Uint8Array(v.length * 4);
  });
  return f;
}

async function run(weights: string): Promise<{ code: number; err: string; out: string }> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  let err = '';
  const code = await main(['study', 'noise', studyFile, '--weights', weights, '--out', out, '--no-progress'], { stdout: () => {}, stderr: (t) => { err += t; } });
  return { code, err, out };
}

describe('study noise --weights: bad tensors are bad input', () => {
  it.each([
    ['NaN', checkpoint('nan.safetensors', 'F32', NaN), /nan\.safetensors: tensor 'model\.layers\.0\.self_attn\.k_proj\.weight' has a non-finite weight \(NaN\) at row 1, column 24; expected finite weights/],
    ['Infinity', checkpoint('inf.safetensors', 'F32', Infinity), /inf\.safetensors: tensor '.*k_proj\.weight' has a non-finite weight \(Infinity\) at row 1, column 24/],
    ['I32', checkpoint('i32.safetensors', 'I32'), /i32\.safetensors: tensor '.*k_proj\.weight' has dtype I32; expected weights in F32, F16 or BF16/],
  ])('%s: one line, exit 2, no --out left behind', async (_, f, msg) => {
    const r = await run(f);
    expect(r.err).toMatch(msg);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
    expect(existsSync(r.out)).toBe(false);
  });

  it('an index whose weight_map value is not a file name, a malformed GGUF file, non-string metadata', async () => {
    const idx = join(dir, 'model.safetensors.index.json');
    writeFileSync(idx, JSON.stringify({ weight_map: { [K]: 5 } }));
    const gguf = join(dir, 'm.gguf');
    writeFileSync(gguf, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(60)]));
    const meta = join(dir, 'meta.safetensors');
    const good = readFileSync(checkpoint('good.safetensors', 'F32'));
    const hl = Number(good.readBigUInt64LE(0));
    const h = good.subarray(8, 8 + hl).toString().replace('{', '{"__metadata__":5,');
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(h.length));
    writeFileSync(meta, Buffer.concat([len, Buffer.from(h), good.subarray(8 + hl)]));
    for (const [f, msg] of [
      [idx, /index\.json:1:\d+: malformed index: weight_map\['.*k_proj\.weight'\] must be a shard file name, found 5/],
      // a .gguf goes to the GGUF reader (test/workloads/gguf-weights-*.test.ts), which refuses a bad header
      [gguf, /m\.gguf: not a readable GGUF header \(.*unsupported version "0"\)\n$/],
      [meta, /meta\.safetensors: malformed: __metadata__ must map strings to strings, found 5/],
    ] as const) {
      const r = await run(f);
      expect(r.err).toMatch(msg);
      expect(r.code).toBe(2);
      expect(existsSync(r.out)).toBe(false);
    }
  });
});
