/**
 * Key paths into configuration trees: ['soc', 'memory', 1, 'device'] ↔ 'soc.memory[1].device'.
 * The same spelling is used in error messages, the source map and `--set` overrides; `--set` and
 * the path readers also take a list item by its id ('soc.memories[reram].device'), as reports print it.
 */

import { didYouMean } from './did-you-mean.js';

export type PathSegment = string | number;
export type KeyPath = readonly PathSegment[];

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** 'soc.memory[1].device' (keys that are not identifiers are written ["like this"]). */
export function formatPath(path: KeyPath): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) s += s === '' ? seg : `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/**
 * A list item named by its `id:` (or `name:`) instead of its index: the `reram` of
 * 'soc.memories[reram].device', the spelling reports and run files print. `text` is what stood
 * between the brackets ('-1' and '1.5' too: resolveItem says what a list accepts).
 */
export interface ItemRef {
  readonly item: string;
}
export const isItemRef = (seg: unknown): seg is ItemRef => typeof seg === 'object' && seg !== null && 'item' in seg;

/**
 * Parses 'a.b[0].c', 'a["x y"].c' or 'soc.memories[reram].device' into segments, a bracketed
 * name that is not an index nor quoted as an ItemRef; undefined if malformed.
 */
export function parsePathRefs(text: string): (PathSegment | ItemRef)[] | undefined {
  const out: (PathSegment | ItemRef)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return undefined;
      const inner = text.slice(i + 1, close);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) out.push(JSON.parse(inner) as string);
      else if (inner.trim() !== '' && !/["[]/.test(inner)) out.push({ item: inner.trim() });
      else return undefined;
      i = close + 1;
    } else {
      if (ch === '.') {
        if (out.length === 0) return undefined;
        i++;
      }
      const m = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i));
      if (m === null) return undefined;
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out.length > 0 ? out : undefined;
}

/**
 * Parses a key path as parsePathRefs does; a list item named by id comes back as its id string,
 * which getAt resolves in a list (so 'soc.memories[reram].device' reads the memory with id reram).
 */
export function parsePath(text: string): PathSegment[] | undefined {
  return parsePathRefs(text)?.map((s) => (isItemRef(s) ? s.item : s));
}

/** The id of a list item: its `id:`, else its `name:` (undefined when it has neither as a string). */
export function itemIdOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const o = item as Record<string, unknown>;
  const v = Object.hasOwn(o, 'id') ? o.id : Object.hasOwn(o, 'name') ? o.name : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** A bracketed name that reads as a (negative or fractional) index, not an id: '-1', '1.5'. */
export const indexLike = (ref: ItemRef): boolean => /^[+-]?(\d|\.\d)/.test(ref.item);

/**
 * The index of the item `ref` names in `list`, or why there is none: an id no item has (with the
 * ids there are), or a negative or fractional index.
 */
export function resolveItem(list: readonly unknown[], ref: ItemRef): { index: number } | { expected: string; found: string } {
  const ids = list.map(itemIdOf).filter((x): x is string => x !== undefined);
  const range = list.length === 0 ? 'an item of a list (this one is empty)' : `a list index 0..${list.length - 1}`;
  const expected = ids.length > 0 ? `${range} or an item id (${ids.join(', ')})` : `${range} (its items have no id)`;
  if (indexLike(ref)) return { expected, found: `[${ref.item}]` };
  const index = list.findIndex((x) => itemIdOf(x) === ref.item);
  if (index >= 0) return { index };
  const hint = didYouMean(ref.item, ids);
  return { expected, found: `[${ref.item}]${hint === '' ? '' : `; ${hint}`}` };
}

/** Value at `path` in a plain tree, or undefined. A string segment in a list selects the item with that id. */
export function getAt(root: unknown, path: KeyPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur) && typeof seg === 'string' && !Object.hasOwn(cur, seg)) {
      cur = cur.find((x) => itemIdOf(x) === seg);
      continue;
    }
    // own keys only: 'constructor' or '__proto__' in a path names data, never Object.prototype's members
    cur = Object.hasOwn(cur, seg) ? (cur as Record<string | number, unknown>)[seg] : undefined;
  }
  return cur;
}
