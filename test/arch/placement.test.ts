/**
 * Placement policies: all-lpddr5, qmc, emems and YAML rules map each item to the right region with
 * aligned, non-overlapping ranges; not fitting is a value naming region, need and capacity.
 */
import { describe, expect, it } from 'vitest';
import { MemoryMap } from '../../src/arch/memory-map.js';
import { place, type PlacementItem } from '../../src/arch/placement/placement.js';
import { placementSchema, rulesFor } from '../../src/arch/placement/policies.js';

const map = new MemoryMap([
  { id: 'mram-weights', memory: 'mram', base: 0, size: 1 << 20 },
  { id: 'reram-weights', memory: 'reram', base: 0, size: 1 << 20 },
  { id: 'dram-kv', memory: 'lpddr5', base: 0, size: 1 << 20 },
  { id: 'dram-weights', memory: 'lpddr5', base: 1 << 20, size: 4 << 20 },
  { id: 'sram-act', memory: 'sram', base: 0, size: 4096 },
], () => 1 << 30);

const item = (tensor: string, part: string, kind: PlacementItem['kind'], bytes: number): PlacementItem =>
  ({ key: `${tensor}#${part}`, tensor, role: kind === 'weight' ? 'mlp_up' : kind === 'kv' ? 'kv_cache' : 'activation', part, kind, layer: 0, bytes });
const items = [
  item('w0', 'outlier', 'weight', 100), item('w0', 'inlier', 'weight', 300), item('norm', 'dense', 'weight', 10),
  item('w1', 'outlier', 'weight', 70), item('kv0', 'kv', 'kv', 1000), item('act', 'activation', 'activation', 200),
];
const policy = (input: unknown) => placementSchema.parse(input);
const regionOf = (p: ReturnType<typeof place>, key: string): string | undefined => (p.ok ? p.value.byKey.get(key)?.region : undefined);

describe('placement policies', () => {
  it('qmc: outliers → MRAM, inliers → ReRAM, dense → MRAM, KV → LPDDR5, activations → SRAM', () => {
    const p = place('qmc', items, rulesFor(policy({ policy: 'qmc' })), map, () => 64);
    expect(p.ok).toBe(true);
    expect(regionOf(p, 'w0#outlier')).toBe('mram-weights');
    expect(regionOf(p, 'w0#inlier')).toBe('reram-weights');
    expect(regionOf(p, 'norm#dense')).toBe('mram-weights');
    expect(regionOf(p, 'kv0#kv')).toBe('dram-kv');
    expect(regionOf(p, 'act#activation')).toBe('sram-act');
    if (!p.ok) return;
    // Aligned, non-overlapping ranges within each region.
    const mram = p.value.items.filter((i) => i.region === 'mram-weights').sort((a, b) => a.base - b.base);
    for (let k = 0; k < mram.length; k++) {
      expect(mram[k]!.base % 64).toBe(0);
      if (k > 0) expect(mram[k]!.base).toBeGreaterThanOrEqual(mram[k - 1]!.base + mram[k - 1]!.bytes);
    }
    expect(p.value.usedByRegion.get('mram-weights')).toBe(128 + 64 + 128);
  });
  it('all-lpddr5 and emems put every weight part in one region', () => {
    const a = place('all-lpddr5', items, rulesFor(policy({ policy: 'all-lpddr5' })), map, () => 64);
    expect(new Set(a.ok ? a.value.items.filter((i) => i.kind === 'weight').map((i) => i.region) : [])).toEqual(new Set(['dram-weights']));
    expect(a.ok ? a.value.byKey.get('w0#inlier')?.base : -1).toBeGreaterThanOrEqual(1 << 20);
    const e = place('emems', items, rulesFor(policy({ policy: 'emems', regions: { nvm: 'mram-weights' } })), map, () => 64);
    expect(new Set(e.ok ? e.value.items.filter((i) => i.kind === 'weight').map((i) => i.region) : [])).toEqual(new Set(['mram-weights']));
  });
  it('YAML rules: first match wins, tensor regex', () => {
    const rules = rulesFor(policy({ policy: 'rules', rules: [
      { kind: 'weight', tensor: '^w1$', region: 'sram-act' }, { kind: 'weight', region: 'dram-weights' },
      { kind: 'kv', region: 'dram-kv' }, { kind: 'activation', region: 'sram-act' },
    ] }));
    const p = place('rules', items, rules, map, () => 64);
    expect(regionOf(p, 'w1#outlier')).toBe('sram-act');
    expect(regionOf(p, 'w0#outlier')).toBe('dram-weights');
  });
  it('no matching rule or an unknown region is a reasoned error value', () => {
    const p = place('rules', items, [{ kind: 'weight', region: 'dram-weights' }], map, () => 64);
    expect(p.ok).toBe(false);
    expect(p.error).toMatchObject({ kind: 'rule', item: 'kv0#kv' });
    const q = place('rules', items, [{ region: 'nowhere' }], map, () => 64);
    expect(q.error?.kind).toBe('rule');
  });
  it('overflow names region, need and capacity', () => {
    const big = [...items, item('huge', 'inlier', 'weight', 2 << 20)];
    const p = place('qmc', big, rulesFor(policy({ policy: 'qmc' })), map, () => 64);
    expect(p.ok).toBe(false);
    expect(p.error).toEqual({ kind: 'capacity', region: 'reram-weights', memory: 'reram', needBytes: 320 + (2 << 20), capacityBytes: 1 << 20 });
  });
  it('the memory map rejects overlapping regions and regions beyond the device', () => {
    expect(() => new MemoryMap([{ id: 'a', memory: 'm', base: 0, size: 100 }, { id: 'b', memory: 'm', base: 50, size: 100 }], () => 1000)).toThrow(/overlap/);
    expect(() => new MemoryMap([{ id: 'a', memory: 'm', base: 900, size: 200 }], () => 1000)).toThrow(/exceeds/);
  });
});
