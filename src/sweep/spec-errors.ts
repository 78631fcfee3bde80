/**
 * Errors in a sweep file: each names file:line:col, the key path, what was expected and what was
 * found, and prints as one line (team rule 4). Thrown before any point runs.
 */
import { ConfigErrors, type ConfigProblem } from '../config/errors.js';
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SweepSpec } from './spec-types.js';

/** One problem in a sweep file (the shared ConfigProblem shape). */
export type SpecProblem = ConfigProblem;

/** Every problem found in a sweep file; a ConfigErrors, so the CLI prints one line each and exits 2. */
export class SweepSpecError extends ConfigErrors {
  /**
   * `partial`: when every problem is a syntax error in a constraint or derived metric, the sweep
   * without those expressions, so the later checks can still report the others' problems.
   */
  constructor(problems: readonly SpecProblem[], readonly partial?: SweepSpec) {
    // The same problem found at several points (e.g. a constraint on a missing key) is printed once.
    const seen = new Set<string>();
    super(problems.filter((p) => {
      const k = `${p.file}:${p.line}:${p.col}:${p.path}:${p.expected}:${p.found}`;
      return seen.has(k) ? false : (seen.add(k), true);
    }));
    this.name = 'SweepSpecError';
  }
}

/** Maps YAML key paths to source positions of one parsed document. */
export class SourceMap {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Position of the node at `path` (or of its key when `atKey`), falling back to the nearest parent. */
  locate(path: readonly (string | number)[], atKey = false): { line: number; col: number } {
    let node: unknown = this.doc.contents;
    let best: Node | null = isNode(node) ? node : null;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
        if (pair === undefined) break;
        const last = i === path.length - 1;
        if (last && atKey && isNode(pair.key)) { best = pair.key; break; }
        node = pair.value;
        if (isNode(node)) best = node;
        else if (isNode(pair.key)) best = pair.key;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        if (isNode(node)) best = node;
        else break;
      } else break;
    }
    const offset = best?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, col: pos.col };
  }

  /** A problem located at `path`. */
  problem(path: readonly (string | number)[], expected: string, found: string, atKey = false): SpecProblem {
    const { line, col } = this.locate(path, atKey);
    // "…; did you mean 'x'?" inside `expected` moves to the problem's hint (printed last).
    const m = /^(.*?)(?:;\s*|\s+\()?(did you mean '[^']*'\?)\)?(.*)$/.exec(expected);
    if (m !== null) {
      return { file: this.file, line, col, path: formatPath(path), expected: `${m[1]}${m[3]}`, found, hint: m[2]! };
    }
    return { file: this.file, line, col, path: formatPath(path), expected, found };
  }
}

function isNode(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && 'range' in v;
}

/** `axes[2].zip.soc.arrays` style rendering of a key path. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/** Renders a found value for an error message: numbers bare, strings quoted, collections named. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  return 'a map';
}

/** Closest candidate by edit distance (≤ 1/3 of the length), for did-you-mean hints. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
