import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listModels, loadModel } from '../../src/workloads/catalog.js';
import { inventory, inventoryIter } from '../../src/workloads/inventory.js';
import { quantConfig } from '../../src/workloads/quant/config.js';
import { quantizeInventory, quantizeInventoryIter, totalBytes } from '../../src/workloads/quant/accounting.js';
import { decodeTrace } from '../../src/workloads/trace/decode.js';
import { prefillTrace } from '../../src/workloads/trace/prefill.js';
import type { TraceProbe } from '../../src/workloads/trace/emit.js';
import { readTraceFile, writeTraceFile } from '../../src/workloads/trace/file.js';
import { layerGroups, layerSignature } from '../../src/workloads/trace/signature.js';
import type { TraceRecord } from '../../src/workloads/trace/types.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const QMC = quantConfig({ scheme: 'qmc' });

describe('decode trace weight traffic', () => {
  for (const name of listModels()) {
    it(`${name}: every stored tensor is streamed exactly once per step (meta tokens and untied embedding excepted)`, () => {
      const s = loadModel(name);
      const q = quantizeInventory(inventory(s), QMC);
      const per = new Map<string, number>();
      let gathered = 0;
      for (const r of decodeTrace(s, q, { contextLength: 16 })) {
        if (r.kind !== 'weightRead') continue;
        if (r.access === 'gather') { gathered += r.bytes; continue; }
        per.set(r.tensor, (per.get(r.tensor) ?? 0) + r.bytes);
      }
      const notStreamed = new Set(['model.memory_tokens', ...(s.tieWordEmbeddings ? [] : ['model.embed_tokens.weight'])]);
      for (const t of q) {
        if (notStreamed.has(t.tensor.id)) expect(per.has(t.tensor.id)).toBe(false);
        else expect(per.get(t.tensor.id)).toBe(t.honestBytes);
      }
      expect(per.size).toBe(q.filter((t) => !notStreamed.has(t.tensor.id)).length);
      expect(gathered).toBeGreaterThan(0);
    });
  }
});

describe('Hymba-1.5B decode at L = 1024', () => {
  const s = loadModel('Hymba-1.5B');
  it('streams lazily: records appear after one layer of the inventory, and at most ~one layer is held', () => {
    const probe: TraceProbe = { pulled: 0, maxHeld: 0 };
    const perLayer = Math.max(...[...Array(32).keys()].map((l) => inventory(s).filter((t) => t.layer === l).length));
    const it = decodeTrace(s, quantizeInventoryIter(inventoryIter(s), QMC), { contextLength: 1024, probe });
    const first = it.next();
    expect(first.done).toBe(false);
    expect(probe.pulled).toBe(1); // only the embedding so far
    let seenLayer0End = false;
    let n = 1;
    for (const r of it) {
      n++;
      if (r.kind === 'layerEnd' && r.layer === 0 && !seenLayer0End) {
        seenLayer0End = true;
        expect(probe.pulled).toBeLessThanOrEqual(2 + perLayer); // embedding, meta tokens, layer 0
      }
    }
    expect(seenLayer0End).toBe(true);
    expect(probe.pulled).toBe(inventory(s).length);
    expect(probe.maxHeld).toBeLessThanOrEqual(2 + perLayer + 1);
    expect(n).toBeGreaterThan(1000);
  });

  it('weight bytes per token equal the quantized inventory total (honest and paper), meta tokens aside', () => {
    const q = quantizeInventory(inventory(s), QMC);
    const meta = q.find((t) => t.tensor.id === 'model.memory_tokens')!;
    for (const mode of ['honest', 'paper'] as const) {
      let w = 0;
      for (const r of decodeTrace(s, q, { contextLength: 1024, metadata: mode })) if (r.kind === 'weightRead' && r.access !== 'gather') w += r.bytes;
      expect(w).toBe(totalBytes(q, mode) - (mode === 'paper' ? meta.paperBytes : meta.honestBytes));
    }
  });

  it('KV traffic follows windows, meta tokens and cross-layer sharing (models.md §2.4)', () => {
    const q = quantizeInventory(inventory(s), QMC);
    const recs = [...decodeTrace(s, q, { contextLength: 1024 })];
    type Move = { bytes: number; positions?: number; tensor: string };
    const kv = (kind: string, layer: number) => recs.filter((r) => r.kind === kind && r.layer === layer) as Move[];
    // Per producing layer and token: K 640 B + V 1,280 B = 1,920 B written.
    expect(kv('kvWrite', 0).reduce((a, r) => a + r.bytes, 0)).toBe(1920);
    expect(kv('kvWrite', 2)).toHaveLength(0); // consumer
    const totalWrite = recs.filter((r) => r.kind === 'kvWrite').reduce((a, r) => a + (r as { bytes: number }).bytes, 0);
    expect(totalWrite).toBe(32_640); // 17 producing layers
    // Global layer 0: 128 meta + 1024 context positions; SWA layer 1: window 1024 incl. self + 128 meta.
    expect(kv('kvRead', 0).map((r) => r.positions)).toEqual([1152, 1152]);
    expect(kv('kvRead', 0).reduce((a, r) => a + r.bytes, 0)).toBe(1152 * 1920);
    expect(kv('kvRead', 1).map((r) => r.positions)).toEqual([1151, 1151]);
    expect(kv('kvRead', 18).map((r) => r.tensor)).toEqual(['model.layers.16.k_cache', 'model.layers.16.v_cache']);
    const state = recs.filter((r) => r.kind === 'stateRead').reduce((a, r) => a + (r as { bytes: number }).bytes, 0);
    expect(state / 2).toBe(2_048_000); // 32 × 3200 × (16 + 4) elements (models.md §2.4)
  });

  it('has three distinct layer signatures: global producers, SWA producers, consumers', () => {
    const q = quantizeInventory(inventory(s), QMC);
    const sig = new Map<number, string>();
    for (const g of layerGroups(decodeTrace(s, q, { contextLength: 1024 }))) {
      const last = g[g.length - 1]!;
      if (last.kind === 'layerEnd' && last.layer >= 0) sig.set(last.layer, layerSignature(g));
    }
    expect(new Set(sig.values()).size).toBe(3);
    expect(sig.get(0)).toBe(sig.get(31));
    expect(sig.get(1)).toBe(sig.get(29));
    expect(sig.get(2)).toBe(sig.get(30));
    expect(sig.get(0)).not.toBe(sig.get(1));
  });
});

describe('other models', () => {
  it('Llama-3.2-1B: KV write 2,048 B per layer and token, reads L positions, one layer signature', () => {
    const s = loadModel('Llama-3.2-1B');
    const q = quantizeInventory(inventory(s), quantConfig({ scheme: 'fp16' }));
    const recs = [...decodeTrace(s, q, { contextLength: 500 })];
    const w0 = recs.filter((r) => r.kind === 'kvWrite' && r.layer === 0).reduce((a, r) => a + (r as { bytes: number }).bytes, 0);
    expect(w0).toBe(2048);
    expect(recs.filter((r) => r.kind === 'kvRead' && r.layer === 3).map((r) => (r as { positions?: number }).positions)).toEqual([500, 500]);
    const sigs = [...layerGroups(recs)].filter((g) => g[g.length - 1]!.layer >= 0).map(layerSignature);
    expect(new Set(sigs).size).toBe(1);
    // B = 1 decode: GEMV FLOPs = 2 × (linear weights + tied lm_head).
    const gemv = recs.filter((r) => r.kind === 'compute' && r.op === 'gemv').reduce((a, r) => a + (r as { flops: number }).flops, 0);
    const lin = inventory(s).filter((t) => t.kind === 'linear' || t.kind === 'embedding').reduce((a, t) => a + t.numel, 0);
    expect(gemv).toBe(2 * lin);
  });
  it('Mamba-130m: recurrent state read and written per step equals models.md §7 (737,280 elements)', () => {
    const s = loadModel('Mamba-130m');
    const recs = [...decodeTrace(s, quantizeInventory(inventory(s), QMC), { contextLength: 10_000, batch: 2 })];
    const sum = (k: string) => recs.filter((r) => r.kind === k).reduce((a, r) => a + (r as { bytes: number }).bytes, 0);
    expect(sum('stateRead')).toBe(2 * 737_280 * 2);
    expect(sum('stateWrite')).toBe(2 * 737_280 * 2);
    expect(sum('kvRead')).toBe(0);
  });
  it('prefill: GEMM FLOPs are 2·B·S per linear weight in the blocks; KV written for every position', () => {
    const s = loadModel('SmolLM2-135M');
    const q = quantizeInventory(inventory(s), quantConfig({ scheme: 'rtn' }));
    const recs = [...prefillTrace(s, q, { promptLength: 64, batch: 2 })];
    const gemm = recs.filter((r) => r.kind === 'compute' && r.op === 'gemm' && r.layer >= 0).reduce((a, r) => a + (r as { flops: number }).flops, 0);
    const lin = inventory(s).filter((t) => t.kind === 'linear' && t.layer >= 0).reduce((a, t) => a + t.numel, 0);
    expect(gemm).toBe(2 * 2 * 64 * lin);
    expect(recs.filter((r) => r.kind === 'kvWrite').reduce((a, r) => a + (r as { bytes: number }).bytes, 0)).toBe(2 * 64 * 768 * 30);
    const head = recs.find((r) => r.kind === 'compute' && r.name === 'lm_head') as { flops: number };
    expect(head.flops).toBe(2 * 2 * 49152 * 576); // last position of each sequence
  });
  it('Hymba prefill reads the meta-token tensor and processes S + 128 positions', () => {
    const s = loadModel('Hymba-1.5B');
    const recs = [...prefillTrace(s, quantizeInventory(inventory(s), QMC), { promptLength: 100 })];
    expect(recs.some((r) => r.kind === 'weightRead' && r.tensor === 'model.memory_tokens')).toBe(true);
    expect(recs.filter((r) => r.kind === 'kvWrite' && r.layer === 0).map((r) => (r as { positions?: number }).positions)).toEqual([228, 228]);
  });
  it('rejects bad options and foreign inventories', () => {
    const s = loadModel('SmolLM2-135M');
    expect(() => decodeTrace(s, [], { contextLength: -1 })).toThrow(/contextLength must be a non-negative integer/);
    const other = quantizeInventory(inventory(loadModel('Mamba-130m')), QMC);
    expect(() => [...decodeTrace(s, other, { contextLength: 1 })]).toThrow(/tensor 'model.embed_tokens.weight' is not in the quantized inventory/);
  });
});

describe('trace files', () => {
  it('round-trip: write, read back, identical records', () => {
    const s = loadModel('SmolLM2-135M');
    const q = quantizeInventory(inventory(s), QMC);
    const f = join(dir, 'decode.jsonl');
    const n = writeTraceFile(f, { model: s.name, quantizer: 'qmc', phase: 'decode', batch: 1, contextLength: 128, metadata: 'honest' }, decodeTrace(s, q, { contextLength: 128 }));
    const { header, records } = readTraceFile(f);
    expect(header).toMatchObject({ format: 'qmcsim-trace', version: 1, model: 'SmolLM2-135M', phase: 'decode', contextLength: 128 });
    const back = [...records];
    expect(back).toHaveLength(n);
    expect(back).toEqual([...decodeTrace(s, q, { contextLength: 128 })]);
  });
  it('names file and line for a bad record', () => {
    const f = join(dir, 'bad.jsonl');
    writeFileSync(f, '{"format":"qmcsim-trace","version":1,"model":"m","quantizer":"q","phase":"decode","batch":1,"metadata":"honest"}\n{"kind":"layerEnd","layer":0}\n{"kind":"weightRead","layer":0,"tensor":"t","role":"mlp_up","bytes":-4,"part":"dense"}\n');
    expect(() => [...readTraceFile(f).records]).toThrow(/bad\.jsonl:3: 'bytes' must be a non-negative number, found -4/);
    writeFileSync(f, '{"format":"other"}\n');
    expect(() => readTraceFile(f)).toThrow(/bad\.jsonl:1: format is "other"/);
  });
});
