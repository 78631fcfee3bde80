import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Checkpoint, SafetensorsFile } from '../../src/workloads/weights/safetensors.js';
import { encodeFloat, writeSafetensors, writeShardedSafetensors, type TensorToWrite } from '../../src/workloads/weights/safetensors-writer.js';
import { readGgufHeader } from '../../src/workloads/weights/gguf.js';
import { syntheticRows, syntheticTensor, syntheticWeights } from '../../src/workloads/weights/synthetic.js';
import { loadModel } from '../../src/workloads/catalog.js';
import { inventory } from '../../src/workloads/inventory.js';
import type { TensorSpec } from '../../src/workloads/tensor.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-weights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (id: string, shape: number[], kind: TensorSpec['kind'] = 'linear'): TensorSpec =>
  ({ id, layer: 0, role: 'mlp_up', kind, shape, numel: shape.reduce((a, b) => a * b, 1), dtype: 'bf16' });

const TENSORS: Array<TensorToWrite & { spec: TensorSpec }> = [
  { name: 'a.weight', dtype: 'F32', shape: [4, 7], spec: spec('a.weight', [4, 7]) },
  { name: 'b.weight', dtype: 'F16', shape: [3, 33], spec: spec('b.weight', [3, 33]) },
  { name: 'c.weight', dtype: 'BF16', shape: [16, 8], spec: spec('c.weight', [16, 8]) },
  { name: 'n.weight', dtype: 'BF16', shape: [8], spec: spec('n.weight', [8], 'norm') },
];
const produce = (t: TensorToWrite) => {
  const s = TENSORS.find((x) => x.name === t.name)!;
  return encodeFloat(syntheticTensor(s.spec, { seed: 7, distribution: 'student-t' }), t.dtype as 'F32');
};

describe('safetensors', () => {
  it('round-trips F32/F16/BF16 byte-identically (write, read, write again)', () => {
    const f1 = join(dir, 'one.safetensors');
    writeSafetensors(f1, TENSORS, produce, { format: 'pt' });
    const r = SafetensorsFile.open(f1);
    expect(r.entries.map((e) => e.name)).toEqual(TENSORS.map((t) => t.name));
    expect(r.metadata).toEqual({ format: 'pt' });
    for (const t of TENSORS) expect(r.readBytes(t.name)).toEqual(produce(t));
    const f2 = join(dir, 'two.safetensors');
    writeSafetensors(f2, r.entries.map((e) => ({ name: e.name, dtype: e.dtype, shape: e.shape })), (t) => r.readBytes(t.name), r.metadata);
    r.close();
    expect(readFileSync(f2).equals(readFileSync(f1))).toBe(true);
  });

  it('decodes floats: bf16 values equal the bf16-rounded source', () => {
    const f = join(dir, 'one.safetensors');
    const r = SafetensorsFile.open(f);
    const src = syntheticTensor(TENSORS[2]!.spec, { seed: 7, distribution: 'student-t' });
    const got = r.readFloat32('c.weight');
    for (let i = 0; i < src.length; i++) expect(Math.abs(got[i]! - src[i]!)).toBeLessThanOrEqual(Math.abs(src[i]!) * 2 ** -8);
    expect(r.readFloat32('a.weight')).toEqual(syntheticTensor(TENSORS[0]!.spec, { seed: 7, distribution: 'student-t' }));
    r.close();
  });

  it('writes and reads a sharded checkpoint with an index file', () => {
    const d = join(dir, 'sharded');
    const shards = writeShardedSafetensors(d, TENSORS, produce, { maxShardBytes: 200 });
    expect(shards.length).toBeGreaterThan(1);
    expect(readdirSync(d)).toContain('model.safetensors.index.json');
    const cp = Checkpoint.open(d);
    expect(cp.names().sort()).toEqual(TENSORS.map((t) => t.name).sort());
    for (const t of TENSORS) expect(cp.readBytes(t.name)).toEqual(produce(t));
    let n = 0;
    for (const { entry, data } of cp.tensors()) { n++; expect(data.length).toBe(entry.shape.reduce((a, b) => a * b, 1)); }
    expect(n).toBe(TENSORS.length);
    cp.close();
    const again = join(dir, 'sharded2');
    writeShardedSafetensors(again, TENSORS, produce, { maxShardBytes: 200 });
    for (const s of [...shards, 'model.safetensors.index.json']) expect(readFileSync(join(again, s)).equals(readFileSync(join(d, s)))).toBe(true);
  });

  it('gives clear errors for malformed and truncated files', () => {
    const good = readFileSync(join(dir, 'one.safetensors'));
    const cases: Array<[string, Buffer, RegExp]> = [
      ['short.safetensors', good.subarray(0, 5), /short\.safetensors: truncated: 5 bytes/],
      ['cut.safetensors', good.subarray(0, good.length - 10), /cut\.safetensors: truncated: tensor 'n\.weight' ends at data byte/],
      ['hdr.safetensors', good.subarray(0, 40), /hdr\.safetensors: truncated: header needs/],
      ['junk.safetensors', Buffer.from('not a safetensors file at all, sorry'), /junk\.safetensors: malformed: header length/],
    ];
    const badJson = Buffer.alloc(8 + 4); badJson.writeBigUInt64LE(4n, 0); badJson.write('{x:1', 8);
    cases.push(['json.safetensors', badJson, /json\.safetensors: malformed JSON header/]);
    const h = JSON.stringify({ t: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 12] } });
    const badSpan = Buffer.alloc(8 + h.length + 16); badSpan.writeBigUInt64LE(BigInt(h.length), 0); badSpan.write(h, 8);
    cases.push(['span.safetensors', badSpan, /span\.safetensors: malformed entry 't': data_offsets span 12 bytes but F32\[2,2\] needs 16/]);
    for (const [name, buf, re] of cases) {
      const f = join(dir, name);
      writeFileSync(f, buf);
      expect(() => Checkpoint.open(f).readBytes('n.weight')).toThrow(re);
    }
    expect(() => Checkpoint.open(join(dir, 'missing.safetensors'))).toThrow(/missing\.safetensors: cannot open \(no such file\)/);
    const cp = Checkpoint.open(join(dir, 'one.safetensors'));
    expect(() => cp.readFloat32('zzz')).toThrow(/no tensor 'zzz'/);
    cp.close();
  });
});

function ggufFile(): Buffer {
  const parts: Buffer[] = [];
  const u32 = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); parts.push(b); };
  const u64 = (v: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); parts.push(b); };
  const str = (s: string) => { u64(Buffer.byteLength(s)); parts.push(Buffer.from(s)); };
  parts.push(Buffer.from('GGUF')); u32(3); u64(2); u64(1);
  str('general.architecture'); u32(8); str('llama');
  str('token_embd.weight'); u32(2); u64(64); u64(10); u32(1); u64(0);
  str('blk.0.ffn_up.weight'); u32(2); u64(64); u64(32); u32(1); u64(1280);
  let b = Buffer.concat(parts);
  b = Buffer.concat([b, Buffer.alloc((32 - (b.length % 32)) % 32), Buffer.alloc(1280 + 4096)]);
  return b;
}

describe('GGUF header', () => {
  it('reads tensor shapes from a local file in PyTorch order', async () => {
    const f = join(dir, 'tiny.gguf');
    writeFileSync(f, ggufFile());
    const h = await readGgufHeader(f);
    expect(h.architecture).toBe('llama');
    expect(h.tensors.map((t) => [t.name, t.shape, t.type])).toEqual([['token_embd.weight', [10, 64], 'F16'], ['blk.0.ffn_up.weight', [32, 64], 'F16']]);
  });
  it('refuses URLs and reports missing or non-GGUF files', async () => {
    await expect(readGgufHeader('https://example.org/x.gguf')).rejects.toThrow(/only local GGUF files/);
    await expect(readGgufHeader(join(dir, 'nope.gguf'))).rejects.toThrow(/nope\.gguf: cannot open \(no such file\)/);
    writeFileSync(join(dir, 'bad.gguf'), Buffer.from('definitely not gguf'));
    await expect(readGgufHeader(join(dir, 'bad.gguf'))).rejects.toThrow(/bad\.gguf: not a GGUF file/);
  });
});

describe('synthetic weights', () => {
  const t = spec('layers.0.mlp.up_proj.weight', [64, 256]);
  it('is deterministic per seed and row ranges agree with the whole tensor', () => {
    const a = syntheticTensor(t, { seed: 1, distribution: 'laplace' });
    expect(syntheticTensor(t, { seed: 1, distribution: 'laplace' })).toEqual(a);
    expect(syntheticTensor(t, { seed: 2, distribution: 'laplace' })).not.toEqual(a);
    expect(syntheticRows(t, { seed: 1, distribution: 'laplace' }, 10, 20)).toEqual(a.subarray(10 * 256, 20 * 256));
  });
  it('has the role standard deviation and heavier tails for Laplace and Student-t', () => {
    const kurt = (d: 'gaussian' | 'laplace' | 'student-t') => {
      const w = syntheticTensor(spec('x', [256, 256]), { seed: 3, distribution: d });
      let m2 = 0; let m4 = 0;
      for (const v of w) { m2 += v * v; m4 += v ** 4; }
      m2 /= w.length; m4 /= w.length;
      return { std: Math.sqrt(m2), k: m4 / (m2 * m2) };
    };
    const g = kurt('gaussian'); const l = kurt('laplace'); const s = kurt('student-t');
    for (const x of [g, l, s]) expect(x.std).toBeCloseTo(1 / 16, 2);
    expect(g.k).toBeCloseTo(3, 0);
    expect(l.k).toBeGreaterThan(5);
    expect(s.k).toBeGreaterThan(l.k);
  });
  it('streams a model inventory one tensor at a time', () => {
    const it = syntheticWeights(inventory(loadModel('SmolLM2-135M')).slice(1, 4), { seed: 0, distribution: 'gaussian' });
    const first = it.next();
    expect(first.done).toBe(false);
    if (!first.done) expect(first.value.data.length).toBe(576);
    const second = it.next();
    if (!second.done) expect(second.value.data.length).toBe(576 * 576);
  });
});
