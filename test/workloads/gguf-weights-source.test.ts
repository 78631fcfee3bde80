// GGUF checkpoints as a weight source: every tensor of the model (Hugging Face ids, [out, in]) is read
// from the llama.cpp-named GGUF tensor it was converted to, as llama.cpp's converter lays it out —
// llama q/k rows permuted within each head for RoPE (undone by the reader), qwen2 unpermuted, phi2's
// q/k/v fused in attn_qkv or separate — and the reader's refusals are one line naming file and tensor.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGgufHeader } from '../../src/workloads/weights/gguf.js';
import { modelShapeFromGguf } from '../../src/workloads/weights/gguf-shape.js';
import { ggufSource } from '../../src/workloads/weights/gguf-source.js';
import { modelShapeSchema } from '../../src/workloads/model-shape.js';
import { inventory } from '../../src/workloads/inventory.js';
import type { TensorSpec } from '../../src/workloads/tensor.js';
import { refusalAsync } from './cli-refusal.js';
import { writeTinyGguf, type TinyGguf } from './gguf-model-file.js';
import { GGML, quantize } from './gguf-quantize.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-gguf-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A distinct value for element i of the HF tensor with index k. */
const hfValue = (k: number, i: number): number => Math.fround(((k * 7919 + i * 31) % 10007) / 1000 - 5);

/** The HF tensors (and how) the converter builds GGUF tensor `name` from; written from llama.cpp's tensor-name table. */
function hfSources(name: string, arch: string): { ids: string[]; permute: boolean } {
  const phi = arch === 'phi2';
  const top: Record<string, string> = {
    'token_embd.weight': 'model.embed_tokens.weight', 'output_norm.weight': phi ? 'model.final_layernorm.weight' : 'model.norm.weight',
    'output_norm.bias': 'model.final_layernorm.bias', 'output.weight': 'lm_head.weight', 'output.bias': 'lm_head.bias',
  };
  if (top[name] !== undefined) return { ids: [top[name]], permute: false };
  const m = /^blk\.(\d+)\.(\w+)\.(weight|bias)$/.exec(name)!;
  const [, l, part, kind] = m as unknown as [string, string, string, string];
  const p = `model.layers.${l}`;
  const one: Record<string, string> = {
    attn_norm: 'input_layernorm', ffn_norm: 'post_attention_layernorm', attn_q: 'self_attn.q_proj', attn_k: 'self_attn.k_proj', attn_v: 'self_attn.v_proj',
    attn_output: phi ? 'self_attn.dense' : 'self_attn.o_proj', ffn_gate: 'mlp.gate_proj', ffn_up: phi ? 'mlp.fc1' : 'mlp.up_proj', ffn_down: phi ? 'mlp.fc2' : 'mlp.down_proj',
  };
  if (part === 'attn_qkv') return { ids: ['q', 'k', 'v'].map((x) => `${p}.self_attn.${x}_proj.${kind}`), permute: false };
  return { ids: [`${p}.${one[part]!}.${kind}`], permute: arch === 'llama' && (part === 'attn_q' || part === 'attn_k') };
}

/** Writes `m` with F32 data converted from HF tensors as llama.cpp does; returns the model's specs. */
async function convert(file: string, m: TinyGguf): Promise<TensorSpec[]> {
  writeTinyGguf(file, m); // zeros first, to derive the model shape and its inventory
  const shape = modelShapeSchema.parse(modelShapeFromGguf(await readGgufHeader(file)).shape);
  const specs = inventory({ ...shape, file });
  const index = new Map(specs.map((s, k) => [s.id, k]));
  const hd = m.hidden / m.heads;
  writeTinyGguf(file, { ...m, data: (name, dims) => {
    const { ids, permute } = hfSources(name, m.arch);
    const rows: number[][] = [];
    for (const id of ids) {
      const k = index.get(id)!;
      const s = specs[k]!;
      const n = s.shape[0]!; // a bias's elements are its rows (the converter permutes q/k biases too)
      for (let r = 0; r < n; r++) rows.push(Array.from({ length: s.numel / n }, (_, c) => hfValue(k, r * (s.numel / n) + c)));
    }
    // the converter's permute: per head, view the rows as (2, d/2) and swap to (d/2, 2): GGUF row 2i + j ← HF row j·d/2 + i
    const out = permute ? rows.map((_, g) => rows[Math.floor(g / hd) * hd + (g % 2) * (hd / 2) + Math.floor((g % hd) / 2)]!) : rows;
    const flat = Float32Array.from(out.flat());
    expect(flat.length).toBe(dims.reduce((a, x) => a * x, 1));
    return { type: GGML.F32, bytes: new Uint8Array(flat.buffer) };
  } });
  return specs;
}

describe('GGUF weight source: HF names and row order', () => {
  const base = { hidden: 64, layers: 2, heads: 4, kvHeads: 2, ff: 96, vocab: 40 };
  it.each<[string, TinyGguf]>([
    ['llama (q/k rows RoPE-permuted, untied head)', { arch: 'llama', ...base }],
    ['llama-bias (llama with q/k/v biases: q/k biases permuted like their rows)', { arch: 'llama', ...base,
      extra: [0, 1].flatMap((l) => [[`blk.${l}.attn_q.bias`, [64]], [`blk.${l}.attn_k.bias`, [32]], [`blk.${l}.attn_v.bias`, [32]]] as const) }],
    ['qwen2 (q/k/v biases, tied embeddings)', { arch: 'qwen2', ...base, tied: true }],
    ['phi2 with fused attn_qkv', { arch: 'phi2', ...base }],
    ['phi2 with separate attn_q/k/v', { arch: 'phi2', ...base, splitQkv: true }],
  ])('%s: every tensor equals the HF tensor it was converted from', async (label, m) => {
    const file = join(dir, `${label.split(' ')[0]}-${m.splitQkv ? 'split' : 'fused'}.gguf`);
    const specs = await convert(file, m);
    const src = await ggufSource(file, specs);
    try {
      specs.forEach((s, k) => {
        const want = Array.from({ length: s.numel }, (_, i) => hfValue(k, i));
        expect(Array.from(src.read(s)), s.id).toEqual(want);
      });
    } finally {
      src.close?.();
    }
  });

  it('maxRows reads the first HF rows of a permuted q_proj, from a quantized (Q8_0) tensor', async () => {
    const m: TinyGguf = { arch: 'llama', ...base };
    const file = join(dir, 'llama-q8.gguf');
    const specs = await convert(file, m);
    const f32 = readFileSync(file);
    const q = specs.find((s) => s.id === 'model.layers.1.self_attn.q_proj.weight')!;
    const full = (await ggufSource(file, [q])).read(q);
    // the same file with every 2-D tensor as Q8_0 (values from the F32 file's GGUF tensors)
    const h = await readGgufHeader(file);
    const byName = new Map(h.tensors.map((t) => [t.name, new Float32Array(f32.buffer.slice(f32.byteOffset + t.offset, f32.byteOffset + t.offset + 4 * t.numel))]));
    const qfile = join(dir, 'llama-q8-quant.gguf');
    const quant = new Map<string, Float32Array>();
    writeTinyGguf(qfile, { ...m, data: (name, dims) => {
      const x = byName.get(name)!;
      if (dims.length < 2) return { type: GGML.F32, bytes: new Uint8Array(Float32Array.from(x).buffer) };
      const r = quantize('Q8_0', x);
      quant.set(name, r.expected);
      return { type: GGML.Q8_0, bytes: r.bytes };
    } });
    const src = await ggufSource(qfile, [q], 5);
    expect(src.specs[0]!.shape).toEqual([5, 64]);
    const got = src.read(src.specs[0]!);
    const want = quant.get('blk.1.attn_q.weight')!;
    // HF row r of head 0 (d = 16) is GGUF row 2·(r mod 8) + ⌊r/8⌋: rows 0..4 → 0, 2, 4, 6, 8
    for (const [r, g] of [[0, 0], [1, 2], [2, 4], [3, 6], [4, 8]] as const) {
      expect(Array.from(got.subarray(r * 64, (r + 1) * 64))).toEqual(Array.from(want.subarray(g * 64, (g + 1) * 64)));
      for (let c = 0; c < 64; c++) expect(Math.abs(got[r * 64 + c]! - full[r * 64 + c]!)).toBeLessThanOrEqual(5 / 127);
    }
  });
});

describe('GGUF weight source refusals: one line naming the file and tensor, exit 2', () => {
  const base: TinyGguf = { arch: 'llama', hidden: 64, layers: 1, heads: 4, kvHeads: 2, ff: 96, vocab: 40 };
  const specsOf = async (file: string): Promise<TensorSpec[]> => {
    const shape = modelShapeSchema.parse(modelShapeFromGguf(await readGgufHeader(file)).shape);
    return inventory({ ...shape, file });
  };

  it('a tensor stored in a type the reader does not dequantize (IQ2_XXS)', async () => {
    const file = join(dir, 'iq2.gguf');
    writeTinyGguf(file, { ...base, data: (name, dims) => (name === 'blk.0.ffn_up.weight'
      ? { type: GGML.IQ2_XXS, bytes: new Uint8Array((dims[0]! * dims[1]! / 256) * 66) } // 66 bytes per 256 (block_iq2_xxs)
      : { type: GGML.F16, bytes: new Uint8Array(2 * dims.reduce((a, x) => a * x, 1)) }) });
    const specs = await specsOf(file);
    const r = await refusalAsync(() => ggufSource(file, specs));
    expect(r.stderr).toMatch(/iq2\.gguf: tensor 'blk\.0\.ffn_up\.weight' is stored as IQ2_XXS, which this reader cannot dequantize \(it reads F32, F16, Q4_0, .*Q6_K, Q8_K, BF16\)\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.code).toBe(2);
  });

  it('an architecture whose tensor names the reader does not map', async () => {
    const file = join(dir, 'gemma.gguf');
    writeTinyGguf(file, { ...base, arch: 'gemma' });
    const r = await refusalAsync(() => ggufSource(file, []));
    expect(r.stderr).toMatch(/gemma\.gguf: general\.architecture 'gemma'; expected one of llama, qwen2, phi2 .*\n$/);
    expect(r.code).toBe(2);
  });

  it('a truncated file: tensor data past the end', async () => {
    const file = join(dir, 'cut.gguf');
    writeTinyGguf(file, base);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 100));
    const r = await refusalAsync(() => ggufSource(file, []));
    expect(r.stderr).toMatch(/cut\.gguf: truncated: tensor 'blk\.0\.ffn_down\.weight' ends at data byte \d+ but the file has only \d+ data bytes\n$/);
    expect(r.code).toBe(2);
  });

  it('a missing tensor names the GGUF and the HF name; a shape mismatch names both shapes', async () => {
    const file = join(dir, 'full.gguf');
    writeTinyGguf(file, base);
    const specs = await specsOf(file);
    const noGate = join(dir, 'no-gate.gguf');
    writeTinyGguf(noGate, { ...base, layers: 2 });
    const two = await specsOf(noGate);
    const r1 = await refusalAsync(() => ggufSource(file, two));
    expect(r1.stderr).toMatch(/full\.gguf: no tensor 'blk\.1\.attn_norm\.weight' \(the GGUF name of 'model\.layers\.1\.input_layernorm\.weight'\) \(did you mean 'blk\.0\.attn_norm\.weight'\? the file has \d+ tensors: .*\)\n$/);
    expect(r1.code).toBe(2);
    const up = specs.find((s) => s.id === 'model.layers.0.mlp.up_proj.weight')!;
    const r2 = await refusalAsync(() => ggufSource(file, [{ ...up, shape: [64, 96] }]));
    expect(r2.stderr).toMatch(/full\.gguf: tensor 'model\.layers\.0\.mlp\.up_proj\.weight' \(GGUF 'blk\.0\.ffn_up\.weight'\) has shape \[96, 64\], the model shape says \[64, 96\]\n$/);
    expect(r2.code).toBe(2);
  });

  it('a NaN weight is named with its row and column', async () => {
    const file = join(dir, 'nan.gguf');
    writeTinyGguf(file, { ...base, data: (name, dims) => {
      const x = new Float32Array(dims.reduce((a, v) => a * v, 1));
      if (name === 'blk.0.attn_v.weight') x[70] = NaN;
      return { type: GGML.F32, bytes: new Uint8Array(x.buffer) };
    } });
    const v = (await specsOf(file)).find((s) => s.id === 'model.layers.0.self_attn.v_proj.weight')!;
    const src = await ggufSource(file, [v]);
    const r = await refusalAsync(async () => src.read(v));
    src.close?.();
    expect(r.stderr).toMatch(/nan\.gguf: tensor 'model\.layers\.0\.self_attn\.v_proj\.weight' \(GGUF 'blk\.0\.attn_v\.weight'\) has a non-finite weight \(NaN\) at row 1, column 6; expected finite weights to quantize\n$/);
    expect(r.code).toBe(2);
  });
});
