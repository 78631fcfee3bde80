/**
 * Whether a run file's `estimates:` entry applies to one resolved sweep point. The entry names a
 * config path ('soc.memories[reram].device.arraysPerBank', 'soc.memories[*].link.energyPerBit
 * (E_net)'); a point whose SoC has no such value (another SoC file swapped in by an axis, no ReRAM
 * memory, no power budget) or holds a different value there does not rest on the estimate.
 */
import { parseAnyQuantity } from '../units/index.js';

type Step = { readonly key: string } | { readonly select: string };

/** 'a.b[x].c (note)' → steps a, b, [x], c; null when the path has another shape. */
function steps(param: string): Step[] | null {
  const path = param.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[[^\]]+\])*$/.test(path)) return null;
  const out: Step[] = [];
  for (const m of path.matchAll(/([A-Za-z_][\w-]*)|\[([^\]]+)\]/g)) out.push(m[1] !== undefined ? { key: m[1] } : { select: m[2]! });
  return out;
}

/**
 * The values at `path` in `config`; `[*]` selects every list item, `[id]` the item with that id, `[3]`
 * an index. `preset` counts the places where the path ran into a map that names a `preset:` without
 * the key (a device parameter the preset supplies: present, value unknown here).
 */
function valuesAt(config: unknown, path: readonly Step[]): { values: unknown[]; preset: number } {
  let nodes: unknown[] = [config];
  let preset = 0;
  for (const s of path) {
    nodes = nodes.flatMap((n): unknown[] => {
      if ('key' in s) {
        if (n === null || typeof n !== 'object' || Array.isArray(n)) return [];
        if (s.key in n) return [(n as Record<string, unknown>)[s.key]];
        if ('preset' in n) preset++;
        return [];
      }
      if (!Array.isArray(n)) return [];
      if (s.select === '*') return n;
      if (/^\d+$/.test(s.select)) return Number(s.select) < n.length ? [n[Number(s.select)]] : [];
      return n.filter((x) => x !== null && typeof x === 'object' && (x as { id?: unknown }).id === s.select);
    });
  }
  return { values: nodes.filter((v) => v !== undefined), preset };
}

/** The canonical number an estimate's value text starts with ('0.09 pJ/bit', '6.6 GT/s (…)', '6'); null when it has none or an unknown unit. */
function leadingValue(value: string): number | null {
  // the number and the word after it ('156 arrays (2 × 6 × 13)': 'arrays' is a description, not a unit)
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([^\s(]*)/.exec(value);
  return m === null ? null : parseAnyQuantity(`${m[1]} ${m[2] ?? ''}`)?.value ?? null;
}

const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/**
 * True unless `config` shows that the estimate does not apply: the path it names is absent (and no
 * device preset on the way could supply it), or every number there differs from the value the
 * estimate states. A path of another shape, or a
 * value that is not a number with a known unit, is kept (listed) rather than guessed away; so is a
 * name whose first key is not a key of the config.
 */
export function estimateApplies(param: string, value: string, config: unknown): boolean {
  const path = steps(param);
  if (path === null) return true;
  // Only a path into the config can be checked ('soc.…', 'quant.…'); a bare name ('E_net') is kept.
  const root = path[0];
  if (root === undefined || !('key' in root) || config === null || typeof config !== 'object' || !(root.key in config)) return true;
  const { values: found, preset } = valuesAt(config, path);
  if (preset > 0) return true; // set by a device preset: the memory has it, its value is the preset's
  if (found.length === 0) return false;
  const stated = leadingValue(value);
  const numbers = found.filter((v): v is number => typeof v === 'number');
  if (stated === null || numbers.length === 0) return true;
  return numbers.some((v) => close(v, stated));
}
