/**
 * Turns a workload trace (per-layer records, no addresses) into replay steps: each step is one
 * layer's set of address-range streams (resolved through the placement), its compute work and
 * its merge cost, plus a signature so identical layers can be recognised for layer reuse.
 */
import type { TraceRecord } from '../workloads/trace/types.js';
import type { Placement, PlacementItem } from './placement/placement.js';
import type { ItemKind } from './placement/placement.js';

/** One stream to launch in a step. */
export interface StepStream {
  readonly memory: string;
  /** Initiator id issuing it. */
  readonly initiator: string;
  readonly base: number;
  readonly bytes: number;
  readonly isWrite: boolean;
  readonly itemKey: string;
  readonly tensor: string;
  readonly role: string;
  readonly part: string;
  readonly kind: ItemKind;
}

export interface Step {
  readonly layer: number;
  readonly streams: readonly StepStream[];
  /** FLOPs (or ops) per compute dtype. */
  readonly flops: Readonly<Record<'fp16' | 'int8' | 'int4', number>>;
  /** Identical for layers whose replay is identical up to addresses and names. */
  readonly signature: string;
}

/** Which initiator issues which traffic class. */
export interface TrafficMap {
  readonly weights: string;
  readonly kv: string;
  readonly activations: string;
  readonly compute: string;
}

/** Splits records into steps (a step ends at `layerEnd` or when the layer number changes). */
export function groupSteps(records: Iterable<TraceRecord>): TraceRecord[][] {
  const out: TraceRecord[][] = [];
  let cur: TraceRecord[] = [];
  let layer: number | undefined;
  for (const r of records) {
    if (cur.length > 0 && r.kind !== 'layerEnd' && layer !== undefined && r.layer !== layer) {
      out.push(cur);
      cur = [];
    }
    layer = r.layer;
    if (r.kind === 'layerEnd') {
      out.push(cur);
      cur = [];
      layer = undefined;
    } else cur.push(r);
  }
  if (cur.length > 0) out.push(cur);
  return out.filter((s) => s.length > 0);
}

const kvKinds = new Set(['kvRead', 'kvWrite']);
const stateKinds = new Set(['stateRead', 'stateWrite']);

/** Placement item key of a data record. */
export function itemKeyOf(r: TraceRecord): { key: string; kind: ItemKind; part: string } | undefined {
  switch (r.kind) {
    case 'weightRead': return { key: `${r.tensor}#${r.part}`, kind: 'weight', part: r.part };
    case 'kvRead': case 'kvWrite': return { key: `${r.tensor}#kv`, kind: 'kv', part: 'kv' };
    case 'stateRead': case 'stateWrite': return { key: `${r.tensor}#state`, kind: 'state', part: 'state' };
    // Activation buffers are reused by every layer: 'act.7.in_proj' and 'act.8.in_proj' share storage.
    case 'actRead': case 'actWrite': return { key: `${r.tensor.replace(/\.-?\d+\./, '.*.')}#activation`, kind: 'activation', part: 'activation' };
    default: return undefined;
  }
}

/**
 * Items to place for a trace. Weight storage sizes come from `weightBytes` (the quantized
 * inventory) when given, else from the largest read of the part; KV/state items hold their read
 * extent plus their write extent; activations their largest access.
 */
export function itemsOf(steps: readonly TraceRecord[][], weightBytes?: ReadonlyMap<string, number>): PlacementItem[] {
  const items = new Map<string, { it: PlacementItem; read: number; write: number }>();
  for (const step of steps) for (const r of step) {
    const k = itemKeyOf(r);
    if (!k || r.kind === 'compute' || r.kind === 'layerEnd') continue;
    const isWrite = r.kind.endsWith('Write');
    let e = items.get(k.key);
    if (!e) {
      e = { it: { key: k.key, tensor: r.tensor, role: r.role, part: k.part, kind: k.kind, layer: r.layer, bytes: 0 }, read: 0, write: 0 };
      items.set(k.key, e);
    }
    if (isWrite) e.write = Math.max(e.write, r.bytes);
    else e.read = Math.max(e.read, r.bytes);
  }
  const out: PlacementItem[] = [];
  for (const { it, read, write } of items.values()) {
    let bytes: number;
    if (it.kind === 'weight') bytes = Math.max(weightBytes?.get(it.key) ?? 0, read);
    else if (it.kind === 'activation') bytes = Math.max(read, write);
    else bytes = read + write;
    out.push({ ...it, bytes });
  }
  // Weights that are stored but never read this token (e.g. an untied embedding table).
  if (weightBytes) for (const [key, bytes] of weightBytes) {
    if (items.has(key)) continue;
    const hash = key.lastIndexOf('#');
    out.push({ key, tensor: key.slice(0, hash), role: 'other', part: key.slice(hash + 1), kind: 'weight', layer: -1, bytes });
  }
  return out;
}

/** Resolves each record group into a step with placed streams. */
export function buildSteps(groups: readonly TraceRecord[][], placement: Placement, traffic: TrafficMap): Step[] {
  return groups.map((g) => {
    const streams: StepStream[] = [];
    const flops = { fp16: 0, int8: 0, int4: 0 };
    const sig: string[] = [];
    for (const r of g) {
      if (r.kind === 'compute') {
        flops[r.dtype] += r.flops;
        sig.push(`c:${r.op}:${r.dtype}:${r.flops}`);
        continue;
      }
      if (r.kind === 'layerEnd') continue;
      const k = itemKeyOf(r);
      if (!k) continue;
      const p = placement.byKey.get(k.key);
      if (!p) throw new Error(`trace record for '${k.key}' has no placement`);
      const isWrite = r.kind.endsWith('Write');
      // KV/state writes go after the cached part; reads start at the item base.
      let base = p.base;
      if (isWrite && (kvKinds.has(r.kind) || stateKinds.has(r.kind))) base = p.base + p.bytes - r.bytes;
      const initiator = k.kind === 'weight' ? traffic.weights : k.kind === 'activation' ? traffic.activations : traffic.kv;
      if (r.bytes > 0) {
        streams.push({ memory: p.memory, initiator, base, bytes: r.bytes, isWrite, itemKey: k.key, tensor: r.tensor, role: r.role, part: k.part, kind: k.kind });
      }
      sig.push(`${r.kind}:${r.role}:${k.part}:${r.bytes}:${p.memory}`);
    }
    return { layer: g[0]?.layer ?? -1, streams, flops, signature: sig.join('|') };
  });
}
