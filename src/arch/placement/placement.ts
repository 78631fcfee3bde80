/**
 * Placement: assigns every stored item of a run (weight tensor parts, KV cache, SSM state,
 * activations) an address range in a memory-map region. A policy is an ordered rule list
 * (first match wins); allocation is a bump pointer per region aligned to `align` bytes. Not
 * fitting is an expected outcome, returned as a value naming region, need and capacity.
 */
import type { MemoryMap } from '../memory-map.js';

/** What kind of data an item is (from the trace record kinds). */
export type ItemKind = 'weight' | 'kv' | 'state' | 'activation';

/** One thing to store. */
export interface PlacementItem {
  /** Unique key: tensor id + '#' + part. */
  readonly key: string;
  readonly tensor: string;
  readonly role: string;
  /** 'dense' | 'inlier' | 'outlier' | 'meta' for weights; 'kv' / 'state' / 'activation' otherwise. */
  readonly part: string;
  readonly kind: ItemKind;
  readonly layer: number;
  readonly bytes: number;
}

export interface PlacedItem extends PlacementItem {
  readonly region: string;
  readonly memory: string;
  /** Device-local base address. */
  readonly base: number;
}

/** A rule: every given field must match (tensor is a RegExp source). */
export interface PlacementRule {
  readonly kind?: ItemKind;
  readonly part?: string;
  readonly role?: string;
  readonly tensor?: string;
  readonly region: string;
}

export type PlacementError =
  | { readonly kind: 'capacity'; readonly region: string; readonly memory: string; readonly needBytes: number; readonly capacityBytes: number }
  | { readonly kind: 'rule'; readonly item: string; readonly message: string };

export type PlacementResult =
  | { readonly ok: true; readonly value: Placement; readonly error?: never }
  | { readonly ok: false; readonly error: PlacementError; readonly value?: never };

export interface Placement {
  readonly policy: string;
  readonly items: readonly PlacedItem[];
  readonly byKey: ReadonlyMap<string, PlacedItem>;
  /** Bytes allocated per region (aligned). */
  readonly usedByRegion: ReadonlyMap<string, number>;
}

/** One-line description of a placement failure. */
export function formatPlacementError(e: PlacementError): string {
  if (e.kind === 'capacity') {
    // what to change: the memory's device capacity (or the region's size), the model or the placement
    return `placement does not fit: region '${e.region}' (memory '${e.memory}') needs ${e.needBytes} B but has ${e.capacityBytes} B; ` +
      `raise the device capacity of memory '${e.memory}' (or the region's size), or use a smaller model or another placement policy`;
  }
  return `placement: ${e.item}: ${e.message}`;
}

function matches(r: PlacementRule, it: PlacementItem, re: RegExp | undefined): boolean {
  return (r.kind === undefined || r.kind === it.kind) && (r.part === undefined || r.part === it.part)
    && (r.role === undefined || r.role === it.role) && (re === undefined || re.test(it.tensor));
}

/** Places `items` by `rules` into `map`'s regions; allocation aligned to `align(memory)` bytes. */
export function place(policy: string, items: readonly PlacementItem[], rules: readonly PlacementRule[], map: MemoryMap, align: (memory: string) => number): PlacementResult {
  const compiled = rules.map((r) => ({ r, re: r.tensor === undefined ? undefined : new RegExp(r.tensor) }));
  for (const { r } of compiled) {
    if (!map.region(r.region)) return { ok: false, error: { kind: 'rule', item: `rule → ${r.region}`, message: `names unknown region '${r.region}' (regions: ${map.list().map((x) => x.id).join(', ')})` } };
  }
  const cursor = new Map<string, number>();
  const need = new Map<string, number>();
  const placed: PlacedItem[] = [];
  const byKey = new Map<string, PlacedItem>();
  for (const it of items) {
    const hit = compiled.find(({ r, re }) => matches(r, it, re));
    if (!hit) return { ok: false, error: { kind: 'rule', item: it.key, message: `no placement rule matches (kind ${it.kind}, part ${it.part}, role ${it.role})` } };
    const region = map.region(hit.r.region);
    if (!region) throw new Error('unreachable: region checked above');
    const a = Math.max(1, align(region.memory));
    const off = cursor.get(region.id) ?? 0;
    const size = Math.ceil(it.bytes / a) * a;
    cursor.set(region.id, off + size);
    need.set(region.id, off + size);
    const p: PlacedItem = { ...it, region: region.id, memory: region.memory, base: region.base + off };
    placed.push(p);
    if (byKey.has(it.key)) return { ok: false, error: { kind: 'rule', item: it.key, message: 'item listed twice' } };
    byKey.set(it.key, p);
  }
  for (const region of map.list()) {
    const n = need.get(region.id) ?? 0;
    if (n > region.size) return { ok: false, error: { kind: 'capacity', region: region.id, memory: region.memory, needBytes: n, capacityBytes: region.size } };
  }
  return { ok: true, value: { policy, items: placed, byKey, usedByRegion: need } };
}
