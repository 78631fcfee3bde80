// End to end: `qmcsim model import tiny.gguf` then `qmcsim study noise STUDY --weights tiny.gguf` on
// a tiny llama checkpoint whose tensors are stored as Q4_K, Q6_K and Q8_0 prints the study's tables,
// and gives the same per-tensor results as the same study run on a safetensors checkpoint holding the
// values those quantized tensors encode (the test-side quantizer's, rows in Hugging Face order).
// A GGUF tensor in a type the reader cannot dequantize is refused in one line, exit 2, no --out left.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { encodeFloat, writeSafetensors } from '../../src/workloads/weights/safetensors-writer.js';
import { ggufRowOf } from '../../src/workloads/weights/gguf-names.js';
import { writeTinyGguf, type TinyGguf } from './gguf-model-file.js';
import { GGML, quantize, type GgmlName } from './gguf-quantize.js';
import { noiseStudyYaml } from '../study/noise-study-yaml.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-gguf-study-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const m: TinyGguf = { arch: 'llama', hidden: 256, layers: 1, heads: 4, kvHeads: 2, ff: 512, vocab: 64 };
const Q = 'model.layers.0.self_attn.q_proj.weight', DOWN = 'model.layers.0.mlp.down_proj.weight', UP = 'model.layers.0.mlp.up_proj.weight';
const TYPE: Record<string, GgmlName> = { 'blk.0.attn_q.weight': 'Q4_K', 'blk.0.ffn_down.weight': 'Q6_K', 'blk.0.ffn_up.weight': 'Q8_0' };
const values = new Map<string, Float32Array>();

function writeCheckpoint(file: string, unreadable = false): void {
  writeTinyGguf(file, { ...m, data: (name, dims) => {
    const n = dims.reduce((a, x) => a * x, 1);
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + name.length) * 0.04 * (i % 53 === 0 ? 8 : 1));
    if (unreadable && name === 'blk.0.ffn_up.weight') return { type: GGML.IQ2_XXS, bytes: new Uint8Array((n / 256) * 66) };
    const t = TYPE[name] ?? 'F16';
    const q = quantize(t, x);
    values.set(name, q.expected);
    return { type: GGML[t], bytes: q.bytes };
  } });
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}

describe('qmcsim study noise --weights FILE.gguf', () => {
  const gguf = join(dir, 'tiny.gguf');
  const model = join(dir, 'tiny.yaml');
  const study = join(dir, 'n.yaml');
  writeCheckpoint(gguf);
  writeFileSync(study, noiseStudyYaml({ model, tensor: `${Q}, ${DOWN}, ${UP}`, maxRows: 8, cellModes: '[3]', spreads: '[1.5]', writeErrorRates: '[1.0e-3]' }));

  it('runs on a tiny Q4_K/Q6_K/Q8_0 checkpoint and matches the same values read from safetensors', async () => {
    const imp = await cli(['model', 'import', gguf, '--out', model]);
    expect(imp.code, imp.err).toBe(0);
    const g = await cli(['study', 'noise', study, '--weights', gguf, '--no-progress']);
    expect(g.err).toBe('');
    expect(g.out).toMatch(/^noise study .*n\.yaml: weights of .*tiny\.yaml, .*tiny\.gguf; per-access bit errors from replays of smollm2-135m \(replay\.set\)/);
    expect(g.out).toMatch(/MLC ReRAM: cell mode x level spread/);
    expect(g.out).toMatch(/SQNR clean \[dB\]/);
    expect(g.out).toMatch(/^3-bit MLC, spread 1\.5\s+model\.layers\.0\.self_attn\.q_proj\.weight\s+2048\s+\d/m); // 8 rows x 256
    expect(g.out).toMatch(/^MRAM WER 0\.001\s+model\.layers\.0\.mlp\.down_proj\.weight\s+4096\s+\d/m);
    // the values the GGUF tensors encode, first 8 HF rows (q_proj: un-permuted from llama.cpp's RoPE order)
    const st = join(dir, 'same.safetensors');
    const rowsOf = (name: string, cols: number, permuted: boolean): Float32Array => {
      const v = values.get(name)!;
      const out = new Float32Array(8 * cols);
      for (let r = 0; r < 8; r++) { const g2 = permuted ? ggufRowOf(r, 64) : r; out.set(v.subarray(g2 * cols, (g2 + 1) * cols), r * cols); }
      return out;
    };
    const full = [[Q, 'blk.0.attn_q.weight', [256, 256], true], [DOWN, 'blk.0.ffn_down.weight', [256, 512], false], [UP, 'blk.0.ffn_up.weight', [512, 256], false]] as const;
    writeSafetensors(st, full.map(([id, , shape]) => ({ name: id, dtype: 'F32' as const, shape: [...shape] })), (e) => {
      const [, name, shape, permuted] = full.find(([id]) => id === e.name)!;
      const rows = rowsOf(name, shape[1], permuted);
      const all = new Float32Array(shape[0] * shape[1]);
      all.set(rows); // rows past maxRows are never read
      return encodeFloat(all, 'F32');
    });
    const a = await cli(['study', 'noise', study, '--weights', gguf, '--json', '--no-progress']);
    const b = await cli(['study', 'noise', study, '--weights', st, '--json', '--no-progress']);
    const pts = (o: string): unknown => (JSON.parse(o) as { points: { tensors: unknown }[] }).points.map((p) => p.tensors);
    expect(pts(a.out)).toEqual(pts(b.out));
    expect(JSON.stringify(pts(a.out))).toMatch(/q_proj.*down_proj.*up_proj/);
  }, 60_000);

  it('a tensor stored as IQ2_XXS: one line naming the file, tensor and type, exit 2, no --out folder', async () => {
    const bad = join(dir, 'iq2.gguf');
    writeCheckpoint(bad, true);
    const out = join(dir, 'out-bad');
    const r = await cli(['study', 'noise', study, '--weights', bad, '--out', out, '--no-progress']);
    expect(r.err).toMatch(/^\S*iq2\.gguf: tensor 'blk\.0\.ffn_up\.weight' is stored as IQ2_XXS, which this reader cannot dequantize \(it reads F32, F16, .*\)\n$/);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
