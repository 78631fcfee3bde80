/**
 * YAML + zod loading for workload configs (model shapes, quantizer configs). Files go through
 * src/config's loader (extends:, --set overrides, ConfigErrors at file:line:col); inline YAML text
 * is parsed here with the same one-line error style. Errors are UserErrors (CLI exit 2, no stack).
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../config/errors.js';
import { loadConfigFile } from '../config/load.js';

/** One problem in a workload config file. */
export interface WorkloadConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly message: string;
}

/** Bad workload input; `.message` has one line per problem, no stack needed. */
export class WorkloadConfigError extends UserError {
  constructor(readonly problems: readonly WorkloadConfigProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.path || '(root)'}: ${p.message}`).join('\n'));
    this.name = 'WorkloadConfigError';
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Parse YAML `text` (from `file`) and validate with `schema`; throws WorkloadConfigError. */
export function parseYamlWith<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new WorkloadConfigError(doc.errors.map((e) => {
      const p = lc.linePos(e.pos[0]);
      return { file, line: p.line, col: p.col, path: '', message: `YAML syntax: ${e.message.split('\n')[0] ?? ''}` };
    }));
  }
  const value: unknown = doc.toJS();
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((iss) => {
    const path = iss.path.map(String);
    let node: unknown = doc.getIn(iss.path as (string | number)[], true);
    for (let k = path.length; !isNode(node) && k > 0; k--) node = doc.getIn(iss.path.slice(0, k - 1) as (string | number)[], true);
    const off = isNode(node) && node.range ? node.range[0] : 0;
    const pos = lc.linePos(off);
    let found: unknown = value;
    for (const k of iss.path) found = found && typeof found === 'object' ? (found as Record<string | number, unknown>)[k as string] : undefined;
    let msg = iss.message;
    if (iss.code === 'unrecognized_keys') msg = `unknown key(s) ${iss.keys.join(', ')}`;
    return { file, line: pos.line, col: pos.col, path: path.join('.'), message: `${msg}; found ${describe(found)}` };
  });
  throw new WorkloadConfigError(problems);
}

/** Read and validate a YAML file (extends: and `--set path=value` overrides supported). Throws ConfigErrors. */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S, overrides: readonly string[] = []): z.output<S> {
  return loadConfigFile(file, schema, { overrides });
}

/** Levenshtein distance (small strings only: names, keys). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** Closest candidate to `name` (case-insensitive), or undefined when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const n = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = cl.includes(n) || n.includes(cl) ? 1 : editDistance(n, cl);
    if (d < bestD) { bestD = d; best = c; }
  }
  return bestD <= Math.max(3, Math.floor(n.length / 2)) ? best : undefined;
}
