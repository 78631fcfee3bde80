/**
 * A small, safe expression language for sweep constraints (no eval): numbers, 'strings', true/false,
 * dotted names rooted at `metrics.` or `config.` (list items as `[1]` or `.1`), + - * /,
 * comparisons (quantity strings such as '5 ns' by value), && || !, min/max/abs, and sum('prefix')
 * over every metric whose name starts with the prefix. A metric compared with a quantity string is
 * compared in the unit its name ends in ('Ps': ps, 'Pj': pJ, 'Mm2': mm², 'W', 'Bytes').
 * Example: `metrics.memoryReadPowerW <= 15 && config.soc.reram.arrays >= 64`.
 */
import { suggest } from '../config/did-you-mean.js';
import { parseAnyQuantity, parseQuantity } from '../units/parse.js';
import type { Dimension } from '../units/quantity.js';

/** Value an expression computes: a number, a string or a boolean. */
export type ExprValue = number | string | boolean;

/** Where names are looked up when the expression is evaluated. */
export interface ExprScope {
  readonly config: unknown;
  readonly metrics?: Readonly<Record<string, number>> | undefined;
}

/** A parsed constraint expression. */
export interface CompiledExpr {
  readonly source: string;
  /** True when the expression reads any `metrics.` name (so it can only be checked after a run). */
  readonly usesMetrics: boolean;
  /** Every dotted name read, e.g. `config.soc.reram.arrays`. */
  readonly names: readonly string[];
  evaluate(scope: ExprScope): ExprValue;
}

/** A syntax or evaluation error; `at` is the 0-based character offset in the source. */
export class ExprError extends Error {
  /** `hint`: a did-you-mean ("did you mean 'sum'?"), printed after the located problem. */
  constructor(message: string, readonly at: number, readonly hint?: string) {
    super(message);
    this.name = 'ExprError';
  }
}

type Tok = { kind: 'num'; v: number; at: number } | { kind: 'str'; v: string; at: number }
  | { kind: 'name'; v: string; at: number } | { kind: 'op'; v: string; at: number };
type Node = (s: ExprScope) => ExprValue;

const OPS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '+', '-', '*', '/', '!', '(', ')', ','];
const FUNCS: Record<string, (args: number[]) => number> = {
  min: (a) => Math.min(...a), max: (a) => Math.max(...a), abs: (a) => Math.abs(a[0] ?? NaN),
};

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num !== null) { out.push({ kind: 'num', v: Number(num[0]), at: i }); i += num[0].length; continue; }
    const name = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+|\[\d+\])*/.exec(src.slice(i));
    if (name !== null) { out.push({ kind: 'name', v: name[0], at: i }); i += name[0].length; continue; }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExprError('unterminated string', i);
      out.push({ kind: 'str', v: src.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op === undefined) throw new ExprError(`unexpected character '${c}'`, i);
    out.push({ kind: 'op', v: op, at: i });
    i += op.length;
  }
  return out;
}

/** Parses `source`; throws ExprError on a syntax error or a name not rooted at metrics./config. */
export function compileExpr(source: string): CompiledExpr {
  const toks = tokenize(source);
  let p = 0;
  const names: string[] = [];
  const peek = (): Tok | undefined => toks[p];
  const isOp = (v: string): boolean => { const t = peek(); return t?.kind === 'op' && t.v === v; };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new ExprError(`expected '${v}'`, peek()?.at ?? source.length);
    p++;
  };
  const binary = (next: () => Node, ops: readonly string[], apply: (op: string, a: Node, b: Node) => Node) => (): Node => {
    let left = next();
    for (;;) {
      const t = peek();
      if (t?.kind !== 'op' || !ops.includes(t.v)) return left;
      p++;
      left = apply(t.v, left, next());
    }
  };
  const primary = (): Node => {
    const t = peek();
    if (t === undefined) throw new ExprError('unexpected end of expression', source.length);
    p++;
    if (t.kind === 'num') { const v = t.v; return numeric(() => v); }
    if (t.kind === 'str') { const v = t.v; const n: Node = () => v; literals.set(n, { text: v, at: t.at }); return n; }
    if (t.kind === 'op' && t.v === '(') { const e = orExpr(); expect(')'); return e; }
    if (t.kind === 'op' && t.v === '-') { const e = primary(); return numeric((s) => -num(e(s), t.at)); }
    if (t.kind === 'op' && t.v === '!') { const e = primary(); return (s) => !bool(e(s), t.at); }
    if (t.kind === 'name') {
      if (t.v === 'true' || t.v === 'false') { const v = t.v === 'true'; return () => v; }
      if (t.v === 'sum' && isOp('(')) {
        // sum('prefix.'): total of every metric whose name starts with the prefix (absent ones count 0).
        p++;
        const arg = peek();
        if (arg?.kind !== 'str') throw new ExprError("sum() takes a metric name prefix in quotes, e.g. sum('areaMm2ByMemory.')", arg?.at ?? source.length);
        p++;
        expect(')');
        const prefix = arg.v;
        names.push(`metrics.${prefix}*`);
        return numeric((s) => {
          let total = 0;
          for (const [k, v] of Object.entries(s.metrics ?? {})) if (k.startsWith(prefix)) total += v;
          return total;
        });
      }
      const fn = FUNCS[t.v];
      if (fn !== undefined && isOp('(')) {
        p++;
        const args: Node[] = [orExpr()];
        while (isOp(',')) { p++; args.push(orExpr()); }
        expect(')');
        return numeric((s) => fn(args.map((a) => num(a(s), t.at))));
      }
      if (isOp('(')) {
        // a call of no function of the language ('summ(…)'): say which exist, not that a name needs a root
        const fns = ['sum', ...Object.keys(FUNCS)];
        const dym = suggest(t.v, fns);
        throw new ExprError(`unknown function '${t.v}' (functions: ${fns.join(', ')})`, t.at, dym === undefined ? undefined : `did you mean '${dym}'?`);
      }
      return lookup(t.v, t.at, names);
    }
    throw new ExprError(`unexpected '${t.v}'`, t.at);
  };
  const mul = binary(primary, ['*', '/'], (op, a, b) => numeric(op === '*'
    ? (s) => num(a(s), 0) * num(b(s), 0) : (s) => num(a(s), 0) / num(b(s), 0)));
  const add = binary(mul, ['+', '-'], (op, a, b) => numeric(op === '+'
    ? (s) => num(a(s), 0) + num(b(s), 0) : (s) => num(a(s), 0) - num(b(s), 0)));
  const cmp = binary(add, ['<', '<=', '>', '>=', '==', '!='], (op, a, b) => withMetricUnit(op, a, b) ?? ((s) => compare(op, a(s), b(s))));
  const andExpr = binary(cmp, ['&&'], (_op, a, b) => (s) => bool(a(s), 0) && bool(b(s), 0));
  const orExpr = binary(andExpr, ['||'], (_op, a, b) => (s) => bool(a(s), 0) || bool(b(s), 0));
  const root = orExpr();
  const rest = peek();
  if (rest !== undefined) throw new ExprError(`unexpected '${String(rest.v)}'`, rest.at);
  return {
    source,
    usesMetrics: names.some((n) => n.startsWith('metrics.')),
    names,
    evaluate: root,
  };
}

function lookup(name: string, at: number, names: string[]): Node {
  const [root, ...rest] = name.split('.');
  if ((root !== 'metrics' && root !== 'config') || rest.length === 0) {
    const dym = rest.length === 0 ? undefined : suggest(root ?? '', ['metrics', 'config']);
    throw new ExprError(`name '${name}' must start with 'metrics.' or 'config.'`, at, dym === undefined ? undefined : `did you mean '${[dym, ...rest].join('.')}'?`);
  }
  names.push(name);
  if (root === 'metrics') {
    const key = rest.join('.');
    const node: Node = (s) => {
      const v = s.metrics?.[key];
      if (v === undefined) throw new ExprError(`no metric '${key}'`, at);
      return v;
    };
    metricReads.set(node, key);
    return node;
  }
  // 'soc.memories[1].device' (the axis-key form) reads as 'soc.memories.1.device'.
  const path = rest.join('.').replace(/\[(\d+)\]/g, '.$1').split('.');
  return (s) => {
    let v: unknown = s.config;
    for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    throw new ExprError(`config key '${rest.join('.')}' is ${v === undefined ? 'missing' : 'not a number, string or boolean'}`, at);
  };
}

/** The quoted strings and metric reads among the parsed nodes (for comparing a metric with a quantity). */
const literals = new WeakMap<Node, { text: string; at: number }>();
const metricReads = new WeakMap<Node, string>();
/** Nodes that always give a number (arithmetic, number literals, functions): no unit is known for them. */
const numbers = new WeakSet<Node>();
const numeric = (n: Node): Node => {
  numbers.add(n);
  return n;
};

/** Metric-name endings that carry the metric's unit (SweepEvaluator: 'unit in the key suffix'), each a canonical unit. */
const METRIC_UNITS: readonly (readonly [RegExp, Dimension, string])[] = [
  [/Ps$/, 'time', 'ps'], [/Pj$/, 'energy', 'pJ'], [/Mm2$/, 'area', 'mm²'], [/W$/, 'power', 'W'], [/Bytes$/, 'size', 'B'],
];

/**
 * The unit of a metric from its name: the ending of its first part before a 'By…' breakdown
 * ('latencyPerTokenPs' → ps, 'energyDevicePjByMemory.mram' → pJ); undefined for a plain count.
 */
export function metricUnit(name: string): { dim: Dimension; unit: string } | undefined {
  const base = (name.split('.')[0] ?? '').replace(/By[A-Z][A-Za-z0-9]*$/, '');
  const hit = METRIC_UNITS.find(([re]) => re.test(base));
  return hit === undefined ? undefined : { dim: hit[1], unit: hit[2] };
}

/**
 * A comparison of one metric with a quantity string compares in the metric's unit
 * (`metrics.latencyPerTokenPs < '300 us'` is `< 300000000`). A quoted bound is converted now, so a
 * bound of the wrong dimension, or a quantity compared with a metric whose name carries no unit, is
 * refused when the file is loaded (validate), not at the first point. Undefined: no metric involved.
 */
function withMetricUnit(op: string, a: Node, b: Node): Node | undefined {
  const ma = metricReads.get(a);
  const mb = metricReads.get(b);
  const lit = literals.get(a) ?? literals.get(b);
  if (lit !== undefined && (numbers.has(a) || numbers.has(b))) {
    throw new ExprError(`cannot compare a computed number with the string '${lit.text}' (a quantity string compares with one metric or config value, e.g. metrics.latencyPerTokenPs < '300 us')`, lit.at, 'write the bound as a number in the unit of the metrics');
  }
  if ((ma === undefined) === (mb === undefined)) return undefined;
  const metric = (ma ?? mb)!;
  const other = ma !== undefined ? b : a;
  const unit = metricUnit(metric);
  const literal = literals.get(other);
  const inUnit = (v: ExprValue, at: number): ExprValue => {
    if (typeof v !== 'string' || unit === undefined) return v;
    const q = parseQuantity(v, unit.dim);
    if (!q.ok) throw new ExprError(`metrics.${metric} is in ${unit.unit}: ${q.message}`, at);
    return q.value;
  };
  if (literal !== undefined) {
    if (unit === undefined) {
      throw new ExprError(`metrics.${metric} is a plain number (its name ends in no unit: Ps, Pj, Mm2, W, Bytes), found the string '${literal.text}'`, literal.at, 'write the bound as a number in the unit of the metric');
    }
    const v = inUnit(literal.text, literal.at);
    return ma !== undefined ? (s) => compare(op, a(s), v) : (s) => compare(op, v, b(s));
  }
  if (unit === undefined) return undefined;
  // the other side is read at run time (config.x holding '3.5 ns'): converted when it is a string
  return (s) => compare(op, inUnit(a(s), 0), inUnit(b(s), 0));
}

function num(v: ExprValue, at: number): number {
  if (typeof v !== 'number') throw new ExprError(`expected a number, found ${JSON.stringify(v)}`, at);
  return v;
}
function bool(v: ExprValue, at: number): boolean {
  if (typeof v !== 'boolean') throw new ExprError(`expected true/false, found ${JSON.stringify(v)}`, at);
  return v;
}
/**
 * Two quantity strings ('10 ns', '4000 ps') as canonical numbers of the first one's dimension;
 * undefined when `a` is no quantity. Throws when `b` is not a quantity of that dimension.
 */
function quantities(a: string, b: string): [number, number] | undefined {
  const qa = parseAnyQuantity(a);
  if (qa?.dim === undefined) return undefined;
  const qb = parseQuantity(b, qa.dim);
  if (!qb.ok) throw new ExprError(`cannot compare ${JSON.stringify(a)} with ${JSON.stringify(b)}: ${qb.message}`, 0);
  return [qa.value, qb.value];
}

/**
 * A quantity string compared with a number: the number is a config value the schema has parsed, held
 * in its dimension's canonical unit (ps, B, B/s, Hz, pJ/bit, W: units/quantity.ts), so the string is
 * taken in that unit ('5 ns' → 5000 against a link latency of 1000 ps). Other strings stay as they are.
 */
function canonical(v: ExprValue): ExprValue {
  if (typeof v !== 'string') return v;
  const q = parseAnyQuantity(v);
  return q?.dim === undefined ? v : q.value;
}

function compare(op: string, a: ExprValue, b: ExprValue): boolean {
  // Quantity strings compare by value, never as text ('10 ns' < '5 ns' is false; '5 ns' == '5000 ps').
  if (typeof a === 'number' && typeof b === 'string') b = canonical(b);
  else if (typeof a === 'string' && typeof b === 'number') a = canonical(a);
  if (typeof a === 'string' && typeof b === 'string') {
    const q = quantities(a, b);
    if (q !== undefined) [a, b] = q;
    else if (op !== '==' && op !== '!=') throw new ExprError(`cannot order the strings ${JSON.stringify(a)} and ${JSON.stringify(b)} (only quantities with units such as '5 ns' are ordered)`, 0);
  }
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (typeof a !== typeof b || typeof a === 'boolean') throw new ExprError(`cannot order ${JSON.stringify(a)} and ${JSON.stringify(b)}`, 0);
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    default: return a >= b;
  }
}
