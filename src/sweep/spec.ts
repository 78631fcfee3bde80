/**
 * Reads and strictly validates a sweep file. Every problem is collected with file:line:col and
 * reported together, before any point is resolved or run.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { parsePath } from '../config/paths.js';
import { compileExpr, ExprError } from './expression.js';
import { didYouMean, show, SourceMap, SweepSpecError, type SpecProblem } from './spec-errors.js';
import { MAX_POINTS, checkPointCount, checkRepeatedNames, checkRepeatedValues } from './spec-size.js';
import type { AxisGroup, AxisKey, Constraint, RangeDomain, Sampler, SweepSpec } from './spec-types.js';
import { builtinEvaluatorList, isBuiltinEvaluator } from './evaluator.js';

const TOP_KEYS = ['kind', 'name', 'description', 'base', 'set', 'seed', 'layerReuse', 'axes', 'sampler', 'maxPoints',
  'constraints', 'derived', 'metrics', 'evaluator', 'report'];
const RANGE_KEYS = ['from', 'to', 'steps', 'scale', 'integer'];
const SAMPLERS = ['grid', 'random', 'latin-hypercube'];
/** Default Pareto objectives (all minimised): energy, latency and memory area per token. */
export const DEFAULT_PARETO = ['energyPerTokenPj', 'latencyPerTokenPs', 'memoryAreaMm2'];

type Path = (string | number)[];
/** A config key path such as soc.memories[1].device.arrays (the `--set` spelling). */
const isKey = (k: string): boolean => parsePath(k) !== undefined && !/^\d/.test(k);
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Loads `file` and returns the validated sweep; throws SweepSpecError listing every problem. */
export function loadSweepSpec(file: string): SweepSpec {
  const abs = resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new SweepSpecError([{ file, line: 1, col: 1, path: '', expected: 'a readable sweep file', found: 'no such file' }]);
  }
  return parseSweepSpec(text, file, abs);
}

/** Validates sweep YAML `text` (shown as `file` in errors; relative paths resolve from `abs`). */
export function parseSweepSpec(text: string, file: string, abs: string = resolve(file)): SweepSpec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const map = new SourceMap(file, doc, lines);
  const problems: SpecProblem[] = [];
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    problems.push({ file, line: pos.line, col: pos.col, path: '', expected: 'valid YAML', found: e.message.split('\n')[0] ?? 'a syntax error' });
  }
  if (problems.length > 0) throw new SweepSpecError(problems);
  const root: unknown = doc.toJS();
  const bad = (path: Path, expected: string, found: string, atKey = false): void => {
    problems.push(map.problem(path, expected, found, atKey));
  };
  // an empty file (or only comments) is named as validate names it, not 'found null'
  if (!isObj(root)) throw new SweepSpecError([map.problem([], 'a map with kind: sweep', root === null || root === undefined ? 'an empty document (the file is empty or only comments)' : show(root))]);
  // Another kind of file (a run, a soc…): that one line, not every key that is not a sweep key.
  if (typeof root['kind'] === 'string' && root['kind'] !== 'sweep') throw new SweepSpecError([map.problem(['kind'], "'sweep'", show(root['kind']))]);
  // A required key written misspelt (`axis:`) is that one line, not also 'axes: … the key is missing'.
  const misspelt = new Set<string>();
  for (const k of Object.keys(root)) {
    if (TOP_KEYS.includes(k)) continue;
    bad([k], hint('a sweep key', k, TOP_KEYS), `'${k}'`, true);
    const dym = didYouMean(k, TOP_KEYS);
    if (dym !== undefined) misspelt.add(dym);
  }
  if (root['kind'] !== 'sweep') bad(['kind'], "'sweep'", show(root['kind']));
  const dir = dirname(abs);
  const name = str(root, 'name', bad) ?? 'sweep';
  // The name becomes the default output folder results/sweeps/<name>: no path separators or '..'.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) bad(['name'], 'a plain name (letters, digits, . _ -; it names the folder results/sweeps/<name>)', `'${name}'`);
  const baseRel = str(root, 'base', bad);
  if (baseRel === undefined && root['base'] === undefined && !misspelt.has('base')) bad(['base'], 'the path of a base run config', 'nothing (the key is missing)');
  const seed = int(root, 'seed', 1, bad);
  const layerReuse = root['layerReuse'] === undefined ? true : root['layerReuse'];
  if (typeof layerReuse !== 'boolean') bad(['layerReuse'], 'true or false', show(layerReuse));
  const set = parseSet(root['set'], bad);
  const axes = root['axes'] === undefined && misspelt.has('axes') ? [] : parseAxes(root['axes'], bad);
  // null: a bad sampler, already reported; the grid's checks (steps, size) would only guess
  const sampler = parseSampler(root['sampler'], seed, bad);
  if (sampler?.type === 'grid') {
    axes.forEach((g, gi) => g.keys.forEach((k) => {
      if (k.domain.kind === 'range' && k.domain.steps === undefined) {
        bad([...k.specPath], `'steps' for a range on the grid sampler (or a random / latin-hypercube sampler)`, 'a range without steps');
      }
      void gi;
    }));
  }
  axes.forEach((g) => checkRepeatedValues(g, bad));
  const maxPoints = int(root, 'maxPoints', MAX_POINTS, bad);
  if (root['maxPoints'] !== undefined && maxPoints < 1) bad(['maxPoints'], 'a point limit ≥ 1', show(root['maxPoints']));
  if (sampler !== null) checkPointCount(axes, sampler, Math.max(1, maxPoints), root['maxPoints'] !== undefined, bad);
  // A syntax error in a constraint or derived metric is counted apart: when it is the only kind of
  // problem, the error carries the spec without those expressions (a derived metric keeps its name,
  // valued 0, so what reads it is not reported too), and the later checks report the others' problems.
  let syntaxOnly = 0;
  const onSyntaxError = (): void => { syntaxOnly++; };
  const constraints = parseConstraints(root['constraints'], bad, onSyntaxError);
  const derived = parseDerived(root['derived'], bad, onSyntaxError);
  const metrics = root['metrics'] === undefined ? null : strList(root['metrics'], ['metrics'], bad);
  if (metrics !== null) checkRepeatedNames(metrics, (i) => ['metrics', i], 'metric', bad);
  checkRepeatedNames(constraints.map((c) => c.name), (i) => [...constraints[i]!.specPath.slice(0, 2), 'name'], 'constraint name', bad);
  const report = root['report'];
  let pareto = DEFAULT_PARETO;
  if (report !== undefined) {
    if (!isObj(report)) bad(['report'], 'a map with pareto: [metric, ...]', show(report));
    else {
      for (const k of Object.keys(report)) if (k !== 'pareto') bad(['report', k], hint('a report key', k, ['pareto']), `'${k}'`, true);
      if (report['pareto'] !== undefined) pareto = strList(report['pareto'], ['report', 'pareto'], bad) ?? DEFAULT_PARETO;
      if (pareto !== DEFAULT_PARETO) checkRepeatedNames(pareto, (i) => ['report', 'pareto', i], 'objective', bad);
    }
  }
  if (metrics !== null && report !== undefined && isObj(report) && Array.isArray(report['pareto'])) {
    pareto.forEach((m, i) => {
      if (!metrics.includes(m)) bad(['report', 'pareto', i], `a metric listed under metrics: (${metrics.join(', ')})`, `'${m}'`);
    });
  }
  let evaluator = 'run-config';
  const ev = root['evaluator'];
  if (ev !== undefined) {
    if (typeof ev !== 'string' || ev === '') bad(['evaluator'], `${builtinEvaluatorList()} or the path of an evaluator module`, show(ev));
    else evaluator = isBuiltinEvaluator(ev) ? ev : resolve(dir, ev);
  }
  const spec: SweepSpec = {
    file, name, description: typeof root['description'] === 'string' ? root['description'] : '',
    base: isAbsolute(baseRel ?? '') ? baseRel ?? '' : resolve(dir, baseRel ?? ''),
    set, seed, layerReuse: layerReuse === true, axes, sampler: sampler ?? { type: 'grid' }, constraints, derived, metrics,
    evaluator: { module: evaluator }, pareto, sourceMap: map,
  };
  if (problems.length > 0) throw new SweepSpecError(problems, problems.length === syntaxOnly ? spec : undefined);
  return spec;
}

type Bad = (path: Path, expected: string, found: string, atKey?: boolean) => void;

function hint(what: string, k: string, known: readonly string[]): string {
  const dym = didYouMean(k, known);
  return dym === undefined ? `${what} (one of ${known.join(', ')})` : `${what}; did you mean '${dym}'?`;
}

function str(o: Obj, key: string, bad: Bad): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') { bad([key], 'a non-empty string', show(v)); return undefined; }
  return v;
}

function int(o: Obj, key: string, dflt: number, bad: Bad, path: Path = [key]): number {
  const v = o[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) { bad(path, 'a non-negative integer', show(v)); return dflt; }
  return v;
}

function strList(v: unknown, path: Path, bad: Bad): string[] | null {
  if (!Array.isArray(v) || v.length === 0) {
    bad(path, 'a non-empty list of names', show(v));
    return null;
  }
  // an item that is not a name is reported at its own position, with its value
  const i = v.findIndex((x) => typeof x !== 'string' || x === '');
  if (i >= 0) {
    bad([...path, i], 'a metric name', show(v[i]));
    return null;
  }
  return v as string[];
}

function parseSet(v: unknown, bad: Bad): [string, unknown][] {
  if (v === undefined) return [];
  if (!isObj(v)) { bad(['set'], 'a map of config key → value', show(v)); return []; }
  const out: [string, unknown][] = [];
  for (const [k, val] of Object.entries(v)) {
    if (!isKey(k)) bad(['set', k], 'a dotted config key such as soc.reram.arrays', `'${k}'`, true);
    else out.push([k, val]);
  }
  return out;
}

function parseAxes(v: unknown, bad: Bad): AxisGroup[] {
  if (!Array.isArray(v) || v.length === 0) {
    bad(['axes'], 'a non-empty list of axes (- key: [values] or - zip: {...})', show(v));
    return [];
  }
  const groups: AxisGroup[] = [];
  const seen = new Set<string>();
  v.forEach((item, i) => {
    if (!isObj(item) || Object.keys(item).length !== 1) {
      bad(['axes', i], 'one axis per list item: `- key: [values]`, `- key: {from, to, steps}` or `- zip: {...}`', show(item));
      return;
    }
    const [k, val] = Object.entries(item)[0]!;
    if (k === 'zip') {
      if (!isObj(val) || Object.keys(val).length < 2) {
        bad(['axes', i, 'zip'], 'a map of at least two config keys with equally long value lists', show(val));
        return;
      }
      const keys = Object.entries(val).map(([zk, zv]) => parseAxisKey(zk, zv, ['axes', i, 'zip', zk], bad));
      const ok = keys.filter((x): x is AxisKey => x !== null);
      const lens = ok.map(axisLength);
      if (lens.some((n) => n !== lens[0])) {
        bad(['axes', i, 'zip'], 'zipped axes of equal length', `lengths ${lens.map((n) => n ?? 'unbounded').join(', ')}`);
      }
      ok.forEach((a) => addSeen(a, seen, bad));
      if (ok.length === keys.length) groups.push({ kind: 'zip', keys: ok });
      return;
    }
    const axis = parseAxisKey(k, val, ['axes', i, k], bad);
    if (axis !== null) { addSeen(axis, seen, bad); groups.push({ kind: 'single', keys: [axis] }); }
  });
  return groups;
}

function addSeen(a: AxisKey, seen: Set<string>, bad: Bad): void {
  if (seen.has(a.key)) bad([...a.specPath], 'each config key swept once', `'${a.key}' again`, true);
  seen.add(a.key);
}

/** Number of values of an axis (undefined for a continuous range). */
export function axisLength(a: AxisKey): number | undefined {
  return a.domain.kind === 'values' ? a.domain.values.length : a.domain.steps;
}

function parseAxisKey(key: string, v: unknown, path: Path, bad: Bad): AxisKey | null {
  if (!isKey(key)) { bad(path, 'a dotted config key such as quantizer.rho', `'${key}'`, true); return null; }
  if (Array.isArray(v)) {
    if (v.length === 0) { bad(path, `at least one value for axis '${key}'`, 'an empty list'); return null; }
    return { key, domain: { kind: 'values', values: v }, specPath: path };
  }
  if (!isObj(v)) { bad(path, `a list of values or a range {from, to, steps} for axis '${key}'`, show(v)); return null; }
  for (const rk of Object.keys(v)) if (!RANGE_KEYS.includes(rk)) bad([...path, rk], hint('a range key', rk, RANGE_KEYS), `'${rk}'`, true);
  const from = endpoint(v['from'], [...path, 'from'], bad);
  const to = endpoint(v['to'], [...path, 'to'], bad);
  if (from !== null && to !== null && from.unit !== to.unit) bad([...path, 'to'], `the same unit as 'from' ('${from.unit}')`, `'${to.unit}'`);
  let steps: number | undefined;
  let badSteps = false;
  if (v['steps'] !== undefined) {
    const s = v['steps'];
    if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 1) { bad([...path, 'steps'], 'an integer ≥ 1', show(s)); badSteps = true; }
    else steps = s;
  }
  const scale = v['scale'] ?? 'linear';
  if (scale !== 'linear' && scale !== 'log') bad([...path, 'scale'], "'linear' or 'log'", show(scale));
  const integer = v['integer'] ?? false;
  if (typeof integer !== 'boolean') bad([...path, 'integer'], 'true or false', show(integer));
  // a bad steps: is its one line (not also 'a range without steps' on the grid sampler)
  if (from === null || to === null || badSteps) return null;
  if (scale === 'log' && (from.value <= 0 || to.value <= 0)) bad(path, 'positive ends for a log range', `${from.value} .. ${to.value}`);
  if (from.value > to.value) bad([...path, 'to'], `a value ≥ from (${from.value})`, String(to.value));
  const domain: RangeDomain = { kind: 'range', from: from.value, to: to.value, unit: from.unit, steps, scale: scale === 'log' ? 'log' : 'linear', integer: integer === true };
  return { key, domain, specPath: path };
}

function endpoint(v: unknown, path: Path, bad: Bad): { value: number; unit: string } | null {
  if (typeof v === 'number' && Number.isFinite(v)) return { value: v, unit: '' };
  if (typeof v === 'string') {
    const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(\S.*?)?\s*$/.exec(v);
    if (m !== null) return { value: Number(m[1]), unit: m[2] ?? '' };
  }
  bad(path, "a number or a quantity such as '2 GHz'", show(v));
  return null;
}

/** The sampler, or null when it is bad (reported through `bad`). */
function parseSampler(v: unknown, seed: number, bad: Bad): Sampler | null {
  if (v === undefined) return { type: 'grid' };
  const spec = typeof v === 'string' ? { type: v } : v;
  if (!isObj(spec)) { bad(['sampler'], 'a sampler {type: grid | random | latin-hypercube, count, seed}', show(v)); return null; }
  const type = spec['type'];
  const misspelt = new Set<string>();
  for (const k of Object.keys(spec)) {
    if (['type', 'count', 'seed'].includes(k)) continue;
    bad(['sampler', k], hint('a sampler key', k, ['type', 'count', 'seed']), `'${k}'`, true);
    const dym = didYouMean(k, ['type', 'count', 'seed']);
    if (dym !== undefined) misspelt.add(dym);
  }
  if (typeof type !== 'string' || !SAMPLERS.includes(type)) {
    if (type === undefined && misspelt.has('type')) return null;
    const dym = typeof type === 'string' ? didYouMean(type, SAMPLERS) : undefined;
    bad(typeof v === 'string' ? ['sampler'] : ['sampler', 'type'], `a sampler type (${SAMPLERS.join(', ')})${dym === undefined ? '' : `; did you mean '${dym}'?`}`, show(type));
    return null;
  }
  if (type === 'grid') {
    if (spec['count'] !== undefined) bad(['sampler', 'count'], 'no count for the grid sampler (it takes every combination)', show(spec['count']), true);
    return { type: 'grid' };
  }
  const count = spec['count'];
  // `cont: 3` is reported above as a misspelt count, not also as a missing one
  const countMisspelt = count === undefined && misspelt.has('count');
  if (!countMisspelt && (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1)) {
    bad(spec['count'] === undefined ? ['sampler'] : ['sampler', 'count'], `a point count ≥ 1 for the ${type} sampler`, show(count));
  }
  const s = int(spec, 'seed', seed, bad, ['sampler', 'seed']);
  return { type: type as 'random' | 'latin-hypercube', count: typeof count === 'number' ? count : 1, seed: s };
}

function parseConstraints(v: unknown, bad: Bad, onSyntaxError: () => void): Constraint[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) { bad(['constraints'], 'a list of {name, expr} constraints', show(v)); return []; }
  const out: Constraint[] = [];
  v.forEach((c, i) => {
    const item = typeof c === 'string' ? { expr: c } : c;
    if (!isObj(item)) { bad(['constraints', i], 'a constraint {name, expr} or an expression string', show(c)); return; }
    for (const k of Object.keys(item)) if (k !== 'name' && k !== 'expr') bad(['constraints', i, k], hint('a constraint key', k, ['name', 'expr']), `'${k}'`, true);
    const expr = item['expr'];
    const path: Path = typeof c === 'string' ? ['constraints', i] : ['constraints', i, 'expr'];
    if (typeof expr !== 'string') { bad(path, "an expression such as 'metrics.memoryReadPowerW <= 15'", show(expr)); return; }
    try {
      const compiled = compileExpr(expr);
      const name = typeof item['name'] === 'string' ? item['name'] : `constraint-${i + 1}`;
      out.push({ name, expr: compiled, specPath: path });
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      onSyntaxError();
      bad(path, `a valid constraint expression${e.hint === undefined ? '' : `; ${e.hint}`}`, `'${expr}' (${e.message} at character ${e.at + 1})`);
    }
  });
  return out;
}

function parseDerived(v: unknown, bad: Bad, onSyntaxError: () => void): Constraint[] {
  if (v === undefined) return [];
  if (!isObj(v)) { bad(['derived'], 'a map of metric name → expression over metrics/config', show(v)); return []; }
  const out: Constraint[] = [];
  for (const [name, expr] of Object.entries(v)) {
    const path: Path = ['derived', name];
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) { bad(path, 'a metric name such as memoryAreaMm2', `'${name}'`, true); continue; }
    if (typeof expr !== 'string') { bad(path, "an expression such as 'metrics.a + metrics.b'", show(expr)); continue; }
    try {
      out.push({ name, expr: compileExpr(expr), specPath: path });
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      onSyntaxError();
      out.push({ name, expr: compileExpr('0'), specPath: path }); // placeholder: the spec is only checked, never run
      bad(path, `a valid expression${e.hint === undefined ? '' : `; ${e.hint}`}`, `'${expr}' (${e.message} at character ${e.at + 1})`);
    }
  }
  return out;
}
