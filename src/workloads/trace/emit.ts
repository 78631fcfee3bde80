/**
 * Trace generator core: turns per-layer op plans plus the quantized inventory into a lazy stream of
 * TraceRecords (prologue, blocks, epilogue; each group closed by a layerEnd). The inventory is
 * consumed lazily in checkpoint order and each layer's tensors are released after its layerEnd,
 * so at most about one layer of tensor descriptors (and no records) is held at a time.
 */
import type { ModelShape } from '../model-shape.js';
import type { MetadataMode, QuantizedTensor } from '../quant/accounting.js';
import { linear, norm, type OpPlan, type PhaseCtx } from './ops.js';
import { llamaPlan, phiPlan } from './plan-transformer.js';
import { hymbaPlan, mambaPlan } from './plan-ssm.js';
import type { TraceRecord } from './types.js';

/** Mutable counters a caller may pass to observe laziness (tests, benchmarks). */
export interface TraceProbe {
  /** QuantizedTensors pulled from the inventory so far. */
  pulled: number;
  /** Largest number of QuantizedTensors held at once. */
  maxHeld: number;
}

/** Options common to decode and prefill traces. */
export interface TraceOptions {
  /** Sequences processed together. Default 1. */
  readonly batch?: number;
  /** 'honest' emits metadata parts as weight reads; 'paper' omits them. Default 'honest'. */
  readonly metadata?: MetadataMode;
  /** Bytes per activation / KV / recurrent-state element. Default 2 (BF16/FP16). */
  readonly actBytes?: number;
  readonly kvBytes?: number;
  readonly stateBytes?: number;
  readonly probe?: TraceProbe;
}

class Cursor {
  private readonly it: Iterator<QuantizedTensor>;
  private readonly held = new Map<string, QuantizedTensor>();
  constructor(q: Iterable<QuantizedTensor>, private readonly probe?: TraceProbe) {
    this.it = q[Symbol.iterator]();
  }
  get(id: string): QuantizedTensor {
    let t = this.held.get(id);
    while (!t) {
      const n = this.it.next();
      if (n.done) throw new Error(`trace: tensor '${id}' is not in the quantized inventory (was it built for another model?)`);
      this.held.set(n.value.tensor.id, n.value);
      if (this.probe) {
        this.probe.pulled++;
        this.probe.maxHeld = Math.max(this.probe.maxHeld, this.held.size);
      }
      t = this.held.get(id);
    }
    return t;
  }
  release(layer: number): void {
    for (const [k, v] of this.held) if (v.tensor.layer === layer) this.held.delete(k);
  }
}

function computeDtype(q: QuantizedTensor | undefined): { dtype: 'fp16' | 'int8' | 'int4'; weightBits?: number } {
  if (!q) return { dtype: 'fp16' };
  let best = q.parts[0]!;
  for (const p of q.parts) if (p.part !== 'meta' && p.count > best.count) best = p;
  const bits = best.bits;
  return { dtype: bits <= 4 ? 'int4' : bits <= 8 ? 'int8' : 'fp16', weightBits: bits };
}

function* emitOp(op: OpPlan, layer: number, cur: Cursor, mode: MetadataMode, embId: string): Generator<TraceRecord> {
  let bytes = 0;
  let first: QuantizedTensor | undefined;
  for (const id of op.weights) {
    const q = cur.get(id);
    first ??= q;
    const role = op.name === 'lm_head' && id === embId ? 'lm_head' : q.tensor.role;
    for (const p of q.parts) {
      if (p.part === 'meta' && mode === 'paper') continue;
      bytes += p.bytes;
      yield p.of ? { kind: 'weightRead', layer, tensor: id, role, part: p.part, bytes: p.bytes, metaOf: p.of } : { kind: 'weightRead', layer, tensor: id, role, part: p.part, bytes: p.bytes };
    }
  }
  if (op.gather) {
    const q = cur.get(op.gather.tensor);
    first ??= q;
    const total = q.tensor.shape[0] ?? 1;
    for (const p of q.parts) {
      if (p.part === 'meta' && mode === 'paper') continue;
      const b = Math.ceil((p.bytes * Math.min(op.gather.rows, total)) / total);
      bytes += b;
      yield p.of
        ? { kind: 'weightRead', layer, tensor: q.tensor.id, role: q.tensor.role, part: p.part, bytes: b, metaOf: p.of, access: 'gather' }
        : { kind: 'weightRead', layer, tensor: q.tensor.id, role: q.tensor.role, part: p.part, bytes: b, access: 'gather' };
    }
  }
  for (const m of op.moves) {
    if (m.kind === 'kvRead' || m.kind === 'stateRead') {
      bytes += m.bytes;
      yield m.positions === undefined ? { kind: m.kind, layer, tensor: m.tensor, role: m.role, bytes: m.bytes } : { kind: m.kind, layer, tensor: m.tensor, role: m.role, bytes: m.bytes, positions: m.positions };
    }
  }
  const act = `act.${layer}.${op.name}`;
  if (op.actIn > 0) yield { kind: 'actRead', layer, tensor: act, role: 'activation', bytes: op.actIn };
  bytes += op.actIn + op.actOut;
  for (const m of op.moves) if (m.kind === 'kvWrite' || m.kind === 'stateWrite') bytes += m.bytes;
  const dt = op.op === 'gemv' || op.op === 'gemm' ? computeDtype(first) : { dtype: 'fp16' as const };
  const rec: TraceRecord = { kind: 'compute', layer, op: op.op, flops: op.flops, bytes, dtype: dt.dtype, name: op.name, role: op.role };
  yield first ? { ...rec, tensor: first.tensor.id, ...(dt.weightBits !== undefined ? { weightBits: dt.weightBits } : {}) } : rec;
  for (const m of op.moves) {
    if (m.kind === 'kvWrite' || m.kind === 'stateWrite') {
      yield m.positions === undefined ? { kind: m.kind, layer, tensor: m.tensor, role: m.role, bytes: m.bytes } : { kind: m.kind, layer, tensor: m.tensor, role: m.role, bytes: m.bytes, positions: m.positions };
    }
  }
  if (op.actOut > 0) yield { kind: 'actWrite', layer, tensor: act, role: 'activation', bytes: op.actOut };
}

/** Ops of block `l` for the shape's family. */
export function layerPlan(s: ModelShape, l: number, c: PhaseCtx): OpPlan[] {
  switch (s.family) {
    case 'llama': return llamaPlan(s, l, c);
    case 'phi': return phiPlan(s, l, c);
    case 'mamba': return mambaPlan(s, l, c);
    case 'hymba': return hymbaPlan(s, l, c);
  }
}

/**
 * The record stream of one step. `userTokens` = tokens per sequence looked up in the embedding
 * (decode 1, prefill S); `logitRows` = rows the lm_head is applied to.
 */
export function* traceRecords(s: ModelShape, qinv: Iterable<QuantizedTensor>, c: PhaseCtx, userTokens: number, logitRows: number,
  o: TraceOptions): Generator<TraceRecord> {
  const cur = new Cursor(qinv, o.probe);
  const mode = o.metadata ?? 'honest';
  const h = s.hiddenSize;
  const embId = s.family === 'mamba' ? 'backbone.embeddings.weight' : 'model.embed_tokens.weight';
  const B = c.batch;
  const pro: OpPlan[] = [{
    name: 'embedding', op: 'embedding', role: 'embedding', weights: [], gather: { tensor: embId, rows: B * userTokens },
    flops: 0, actIn: 0, actOut: B * userTokens * h * c.actBytes, moves: [],
  }];
  if (c.phase === 'prefill' && s.metaTokens > 0) {
    pro.push({ name: 'meta_tokens', op: 'embedding', role: 'meta_tokens', weights: ['model.memory_tokens'], flops: 0, actIn: 0, actOut: B * s.metaTokens * h * c.actBytes, moves: [] });
  }
  for (const op of pro) yield* emitOp(op, -1, cur, mode, embId);
  yield { kind: 'layerEnd', layer: -1 };
  for (let l = 0; l < s.numLayers; l++) {
    for (const op of layerPlan(s, l, c)) yield* emitOp(op, l, cur, mode, embId);
    yield { kind: 'layerEnd', layer: l };
    cur.release(l);
  }
  const fin = s.family === 'mamba' ? 'backbone.norm_f' : s.family === 'llama' ? 'model.norm' : 'model.final_layernorm';
  const lc: PhaseCtx = { ...c, batch: 1, tokens: logitRows };
  const finW = s.norm.kind === 'layernorm' ? [`${fin}.weight`, `${fin}.bias`] : [`${fin}.weight`];
  const head = s.tieWordEmbeddings ? embId : 'lm_head.weight';
  const headBias = !s.tieWordEmbeddings && s.lmHeadBias ? 'lm_head.bias' : undefined;
  yield* emitOp(norm(lc, s, 'final_norm', finW, h), -1, cur, mode, embId);
  yield* emitOp(linear(lc, 'lm_head', 'lm_head', head, s.vocabSize, h, headBias), -1, cur, mode, embId);
  yield { kind: 'layerEnd', layer: -1 };
}
