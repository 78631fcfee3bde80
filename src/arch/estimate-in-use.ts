/**
 * The value a run file's `estimates:` entry stands for in one run: read at the entry's `param` path
 * from the composed (unparsed) configuration with the run's overrides, compared with the same path
 * composed without them. An override that changes the value, or any key of the block the value
 * lies in (a derived figure such as '156 arrays (2 × 6 × 13)'), makes the file's text not the value in use.
 */
import { nvmAndSramPresets } from '../devices/presets/index.js';
import { parseAnyQuantity } from '../units/index.js';
import { isItemRef, itemIdOf, parsePathRefs } from '../config/paths.js';

/** Key of a loaded RunConfig under which its estimates' values in use travel (not serialised, not hashed). */
export const ESTIMATE_USES: unique symbol = Symbol('estimateUses');

/** What one `estimates:` entry's parameter holds in the run. */
export interface EstimateUse {
  /** The value(s) at the path in the run ('6'; '0.5 pJ/bit (mram), 0.09 pJ/bit (reram)'); undefined when the path does not resolve. */
  readonly inUse?: string;
  /** What the overrides changed at the path or in its block ('soc.memories[reram].device.arraysPerBank: 13 → 6'); empty: none. */
  readonly changes: readonly string[];
}

type Node = { readonly path: string; readonly value: unknown };

/** 'soc.memories[reram].device.arraysPerBank (note)' → path text without the trailing '(…)' label. */
export function estimatePath(param: string): string {
  return param.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

/**
 * The nodes at `path` in `tree`: `[*]` every list item, `[id]` the item with that id, `[3]` an index.
 * A key a device block's `preset:` supplies reads the preset's value (SRAM / NVM presets).
 */
function nodesAt(tree: unknown, path: string): Node[] | undefined {
  const segs = parsePathRefs(path);
  if (segs === undefined) return undefined;
  let nodes: Node[] = [{ path: '', value: tree }];
  for (const seg of segs) {
    nodes = nodes.flatMap((n): Node[] => {
      const v = n.value;
      if (v === null || typeof v !== 'object') return [];
      if (Array.isArray(v)) {
        const item = (x: unknown, i: number): Node => ({ path: `${n.path}[${itemIdOf(x) ?? i}]`, value: x });
        if (typeof seg === 'number') return seg < v.length ? [item(v[seg], seg)] : [];
        if (isItemRef(seg)) {
          if (seg.item === '*') return v.map(item);
          const i = v.findIndex((x) => itemIdOf(x) === seg.item);
          return i >= 0 ? [item(v[i], i)] : [];
        }
        return [];
      }
      if (typeof seg !== 'string') return [];
      const o = v as Record<string, unknown>;
      const p = n.path === '' ? seg : `${n.path}.${seg}`;
      const x = keyValue(o, seg);
      return x === undefined ? [] : [{ path: p, value: x }];
    });
  }
  return nodes.filter((n) => n.value !== undefined);
}

/** `o[key]`, or the value of its `preset:` (an SRAM / NVM device preset) when `o` does not write the key. */
function keyValue(o: Readonly<Record<string, unknown>>, key: string): unknown {
  if (Object.hasOwn(o, key)) return o[key];
  const preset = typeof o.preset === 'string' ? nvmAndSramPresets.find((x) => x.name === o.preset) : undefined;
  return (preset?.params as Record<string, { value?: unknown } | undefined> | undefined)?.[key]?.value;
}

/** A value as a report prints it: a map as '{ k: v, … }', a list as '[a, b]'. */
export function showValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(showValue).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${showValue(x)}`).join(', ')} }`;
  return String(v);
}

/** A number with a unit ('0.5 pJ/bit', '2 GiB') as its canonical number; undefined otherwise. */
function canonical(v: unknown): number | undefined {
  return typeof v === 'number' ? v : typeof v === 'string' ? parseAnyQuantity(v)?.value : undefined;
}

/** Equal values: the same tree, or the same quantity however written ('0.09 pJ/bit' = '0.09pJ/bit'). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  const x = canonical(a);
  const y = canonical(b);
  return x !== undefined && y !== undefined && (x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)));
}

/** Every key of a block (recursively) whose value differs between `before` and `after`, as 'path: before → after'. */
function blockChanges(path: string, before: unknown, after: unknown, out: string[]): void {
  if (same(before, after)) return;
  const isMap = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (isMap(before) && isMap(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) blockChanges(`${path}.${k}`, keyValue(before, k), keyValue(after, k), out);
    return;
  }
  out.push(`${path}: ${before === undefined ? '(not set)' : showValue(before)} → ${after === undefined ? '(not set)' : showValue(after)}`);
}

/** The distinct values of `nodes`, each with the list items that hold it when a `[*]` selected several. */
function showNodes(nodes: readonly Node[], many: boolean): string {
  const groups: { value: unknown; at: string[] }[] = [];
  for (const n of nodes) {
    const g = groups.find((x) => same(x.value, n.value));
    const item = /\[([^\]]+)\][^[]*$/.exec(n.path)?.[1] ?? n.path;
    if (g) g.at.push(item);
    else groups.push({ value: n.value, at: [item] });
  }
  if (!many || groups.length === 1) return groups.map((g) => showValue(g.value)).join(', ');
  return groups.map((g) => `${showValue(g.value)} (${g.at.join(', ')})`).join(', ');
}

/**
 * The value in use at `param` in `run` (the composed run tree with overrides, `soc` inline) and what
 * the overrides changed against `file` (the same composed without them): the value itself, or any
 * key of its block (the value's map when the path names a map, else the map holding it).
 */
export function estimateUse(param: string, run: unknown, file: unknown): EstimateUse {
  const path = estimatePath(param);
  const now = nodesAt(run, path);
  if (now === undefined || now.length === 0) return { changes: [] };
  const before = nodesAt(file, path) ?? [];
  const changes: string[] = [];
  for (const n of now) {
    const b = before.find((x) => x.path === n.path);
    const isBlock = n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value);
    if (isBlock) {
      blockChanges(n.path, b?.value, n.value, changes);
      continue;
    }
    if (b === undefined || !same(b.value, n.value)) changes.push(`${n.path}: ${b === undefined ? '(not set)' : showValue(b.value)} → ${showValue(n.value)}`);
    // the other keys of the block the value lies in
    const dot = n.path.lastIndexOf('.');
    if (dot < 0) continue;
    const parent = n.path.slice(0, dot);
    const key = n.path.slice(dot + 1);
    const pNow = nodesAt(run, parent)?.[0]?.value;
    const pBefore = nodesAt(file, parent)?.[0]?.value;
    const strip = (x: unknown): unknown => (x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== key)) : x);
    if (pNow !== undefined) blockChanges(parent, strip(pBefore), strip(pNow), changes);
  }
  return { inUse: showNodes(now, path.includes('[*]')), changes };
}

/** The text of an estimate's value in a report: the file's text, or the value in use when an override changed it. */
export function estimateValueText(e: { readonly value: string | number; readonly inUse?: string | undefined; readonly changes?: readonly string[] | undefined }): string {
  if (e.changes === undefined || e.changes.length === 0) return String(e.value);
  return `${e.inUse ?? '(not set)'} (overridden: ${e.changes.join('; ')}; the estimate was ${String(e.value)})`;
}
