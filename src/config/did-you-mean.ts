/**
 * "Did you mean …?" suggestions for misspelt keys, enum values and names: Damerau-free Levenshtein
 * distance over the allowed spellings, case-insensitive ties broken by list order.
 */

/** Edit distance (insert, delete, substitute; each costs 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/**
 * The closest candidate to `word`, or undefined if none is close enough: distance ≤ max(2, ⌊len/3⌋)
 * (≤ 1 for words of up to three letters; a swap of neighbouring letters counts 1) after lower-casing,
 * or a case-insensitive match.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const d = isAdjacentSwap(w, lc) ? 1 : levenshtein(w, lc);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  // a word of three letters or fewer may differ in one (two of three changed is another word: 'foo' is not 'soc')
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  // a shortened name ('timing.tRP' for timing.tRPpb) is meant more often than a neighbour one letter
  // away ('timing.tRC'): the shortest candidate it begins, within the same distance limit
  if (bestD > 0 && word.length >= 4) {
    let prefix: string | undefined;
    for (const c of candidates) {
      const lc = c.toLowerCase();
      if (lc.length > w.length && lc.startsWith(w) && lc.length - w.length <= limit && (prefix === undefined || c.length < prefix.length)) prefix = c;
    }
    if (prefix !== undefined) return prefix;
  }
  return bestD <= limit ? best : undefined;
}

/** True when b is a with two neighbouring letters swapped ('sco' / 'soc'): one typo, two edits. */
function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** " (did you mean 'x'?)" or "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggest(word, candidates);
  return s === undefined ? '' : `did you mean '${s}'?`;
}

/**
 * A key of `obj` that is not one of `wanted` but looks like a misspelling of one of them (tpye: for
 * type:, prseet: for preset:), with the key it was meant to be; undefined when there is none.
 */
export function misspeltKey(obj: object, wanted: readonly string[]): { key: string; meant: string } | undefined {
  for (const key of Object.keys(obj)) {
    if (wanted.includes(key)) continue;
    const meant = suggest(key, wanted);
    if (meant !== undefined) return { key, meant };
  }
  return undefined;
}

/**
 * `segs` with its first segment missing from `tree` replaced by the nearest key of its parent
 * ('soc.memories[1].device.channelz' → '… .channels'); undefined when every segment exists, the
 * parent is not a map, or no key is near.
 */
export function nearPath(tree: unknown, segs: readonly (string | number)[]): (string | number)[] | undefined {
  let node: unknown = tree;
  for (let i = 0; i < segs.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    const seg = segs[i]!;
    const next = (node as Record<string, unknown>)[String(seg)];
    if (next !== undefined) {
      node = next;
      continue;
    }
    const dym = typeof seg === 'string' ? suggest(seg, Object.keys(node)) : undefined;
    return dym === undefined ? undefined : [...segs.slice(0, i), dym, ...segs.slice(i + 1)];
  }
  return undefined;
}
