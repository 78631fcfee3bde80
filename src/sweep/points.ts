/**
 * Turns a validated sweep into resolved points: draws assignments, resolves each (base config +
 * `set` + axis values) through the evaluator, gives it a content-addressed id and applies the
 * config-only constraints. Any bad axis key or value is reported with file:line before a point runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { nearPath } from '../config/did-you-mean.js';
import { ConfigErrors, inDocumentOrder } from '../config/errors.js';
import { formatPath, getAt, parsePath } from '../config/paths.js';
import { pointId } from './canonical.js';
import { builtinEvaluatorList, builtinEvaluatorNames, isBuiltinEvaluator, loadEvaluator, type SweepEvaluator } from './evaluator.js';
import { compileExpr, ExprError } from './expression.js';
import { checkMetricNames } from './metric-check.js';
import { samplePoints, valueAtFraction, type Assignment } from './samplers.js';
import { didYouMean, formatPath as formatSpecPath, SweepSpecError, type SpecProblem } from './spec-errors.js';
import type { AxisKey, SweepSpec } from './spec-types.js';
import { buildId } from './version.js';

/** A point ready to run. */
export interface ResolvedPoint {
  readonly id: string;
  /** Position in the sweep's draw order (stable for a given sweep file). */
  readonly index: number;
  readonly axes: Assignment;
  readonly config: unknown;
}

/** The points of a sweep, split into those to run and those a config constraint skipped. */
export interface ExpandedSweep {
  readonly points: readonly ResolvedPoint[];
  readonly skipped: readonly { readonly index: number; readonly constraint: string }[];
  /** Draws that resolved to an already drawn point (same id). */
  readonly duplicates: number;
}

/**
 * The evaluator as it enters a point id: 'run-config' (its code is in the build fingerprint), or
 * 'custom:<path>#<sha256 of the module's text>', so editing the module invalidates its stored points
 * (modules it imports in turn are not followed: change the module itself, or run without --resume).
 */
export function evaluatorIdentity(module: string): string {
  if (isBuiltinEvaluator(module)) return module;
  let text = '';
  try {
    text = readFileSync(module, 'utf8');
  } catch {
    // loadEvaluator loaded it a moment ago: a module that vanished since is refused on evaluation
  }
  return `custom:${module}#${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/** Expands and resolves every point of `spec`; throws SweepSpecError on any bad key or value. */
export async function expandSweep(spec: SweepSpec): Promise<ExpandedSweep> {
  let ev: SweepEvaluator;
  try {
    ev = await loadEvaluator(spec.evaluator.module);
  } catch (e) {
    // A missing module or one without `evaluator` is bad input at the evaluator: key; a bare name
    // close to 'run-config' (evaluator: run-confg) was meant as the built-in one.
    const name = basename(spec.evaluator.module);
    const dym = name.includes('.') ? undefined : didYouMean(name, builtinEvaluatorNames());
    // Node's 'Cannot find module X imported from <this source file>': the importer is no concern of the user's
    const why = oneLine(e).replace(/ imported from [^;]*/g, '');
    throw new SweepSpecError([spec.sourceMap.problem(['evaluator'], `${builtinEvaluatorList()} or a module exporting evaluator: { resolve, evaluate }`, `'${spec.evaluator.module}' (${why})${dym === undefined ? '' : `; did you mean '${dym}'?`}`)]);
  }
  const problems: SpecProblem[] = [];
  const baseConfig = await resolveOrNull(ev, spec, [], problems, ['base']);
  if (baseConfig === null) throw new SweepSpecError(problems);
  // Check each axis key alone first, so an error names the axis rather than a whole point.
  for (const g of spec.axes) {
    for (const k of g.keys) await checkKey(ev, k, baseConfig, spec, problems);
  }
  for (const [k] of spec.set) {
    if (getPath(baseConfig, k) === undefined) {
      problems.push(spec.sourceMap.problem(['set', k], keyHint(k, baseConfig), `'${k}'`, true));
    }
  }
  if (problems.length > 0) throw new SweepSpecError(problems);
  const draws = samplePoints(spec.axes, spec.sampler, spec.name);
  const seen = new Set<string>();
  const points: ResolvedPoint[] = [];
  const skipped: { index: number; constraint: string }[] = [];
  let duplicates = 0;
  let unresolved = 0;
  const keyReported = new Set<string>();
  const constraintReported = new Set<string>();
  // Besides the config, a stored row depends on how the point is evaluated and what is kept: a
  // change of layerReuse, metrics:, derived: or a metric constraint must not reuse rows on --resume.
  const evaluation = {
    layerReuse: spec.layerReuse, metrics: spec.metrics,
    derived: spec.derived.map((d) => [d.name, d.expr.source]),
    constraints: spec.constraints.filter((c) => c.expr.usesMetrics).map((c) => [c.name, c.expr.source]),
  };
  // Metric names the evaluator declares for any point (when it declares them): checked below, so a
  // misspelt metric is refused before a point runs rather than when the first one is stored.
  // The code behind a stored row: this build, and for a custom evaluator its module's text too.
  const build = buildId();
  const evaluatorId = evaluatorIdentity(spec.evaluator.module);
  const declared = ev.metricNames === undefined ? null : new Set<string>(ev.metricNames(baseConfig));
  for (let index = 0; index < draws.length; index++) {
    const axes = draws[index]!;
    const config = await resolvePoint(ev, spec, axes, problems);
    if (config === null) { unresolved++; continue; }
    if (declared !== null) for (const n of ev.metricNames!(config)) declared.add(n);
    metricExprConfigKeys(spec, config, problems, keyReported);
    const id = pointId(ev.identity !== undefined ? ev.identity(config) : config, build, spec.seed, evaluatorId, evaluation);
    if (seen.has(id)) { duplicates++; continue; }
    seen.add(id);
    const failed = configConstraintFailure(spec, config, problems, constraintReported);
    if (failed !== null) { skipped.push({ index, constraint: failed }); continue; }
    points.push({ id, index, axes, config });
  }
  // Unknown metric names are reported with the other problems (a config constraint's, say) in one
  // pass; only a point that did not resolve leaves the declared names incomplete.
  if (declared !== null && unresolved === 0) checkMetricNames(spec, declared, problems);
  // in document order (a metric check's problem may sit above a config constraint's)
  if (problems.length > 0) throw new SweepSpecError(inDocumentOrder(problems).slice(0, 20));
  return { points, skipped, duplicates };
}

async function resolveOrNull(ev: SweepEvaluator, spec: SweepSpec, axes: Assignment, problems: SpecProblem[], path: (string | number)[]): Promise<unknown> {
  try {
    return await ev.resolve(spec.base, [...spec.set, ...axes]);
  } catch (e) {
    const atSet = axes.length === 0 ? setProblems(spec, e) : [];
    if (atSet.length > 0) {
      problems.push(...atSet);
      return null;
    }
    const msg = oneLine(e);
    const what = axes.length === 0 ? 'a base run config that loads' : `axis values that resolve to a valid config (${axes.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;
    problems.push(spec.sourceMap.problem(path, what, msg));
    return null;
  }
}

/**
 * The problems of a failed base resolution that are about `set:` entries (the evaluator reports them
 * as '--set KEY=VALUE' overrides), each located at its entry under `set.KEY` with the evaluator's
 * expected, found and did-you-mean; [] when any problem is not about one (the base's own, say).
 */
function setProblems(spec: SweepSpec, e: unknown): SpecProblem[] {
  if (!(e instanceof ConfigErrors) || spec.set.length === 0) return [];
  const out: SpecProblem[] = [];
  for (const p of e.problems) {
    const entry = spec.set.find(([k]) => p.file.startsWith(`--set ${k}=`));
    if (entry === undefined) return [];
    const [key] = entry;
    const found = p.path === '' || p.path === key ? p.found : `${p.found} (at ${p.path})`;
    // a misspelt key is located at the key, a wrong value at the value
    const { line, col } = spec.sourceMap.locate(['set', key], /unknown key/i.test(p.found));
    out.push({ file: spec.sourceMap.file, line, col, path: formatSpecPath(['set', key]), expected: p.expected, found, ...(p.hint !== undefined ? { hint: p.hint } : {}) });
  }
  return out;
}

/**
 * Resolves one drawn point. When it fails and one of its axis values fails the same way on its
 * own, the problem is that value's: located at its axis (and list item), naming only it, so a bad
 * value is one line at its own line however many points it is combined into. Otherwise the whole
 * assignment is reported at the point's first axis.
 */
async function resolvePoint(ev: SweepEvaluator, spec: SweepSpec, axes: Assignment, problems: SpecProblem[]): Promise<unknown> {
  try {
    return await ev.resolve(spec.base, [...spec.set, ...axes]);
  } catch (e) {
    const msg = oneLine(e);
    let shown: Assignment = axes;
    let path = axes.length === 1 ? valuePathOf(spec, axes[0]!) : axisPathOf(spec, axes);
    if (axes.length > 1) {
      for (const a of axes) {
        let alone: string | undefined;
        try {
          await ev.resolve(spec.base, [...spec.set, a]);
        } catch (e1) {
          alone = oneLine(e1);
        }
        if (alone !== msg) continue;
        shown = [a];
        path = valuePathOf(spec, a);
        break;
      }
    }
    problems.push(spec.sourceMap.problem(path, `axis values that resolve to a valid config (${shown.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`, msg));
    return null;
  }
}

/** Spec path of one axis value: its list item when the axis lists values, else the axis. */
function valuePathOf(spec: SweepSpec, [key, value]: Assignment[number]): (string | number)[] {
  for (const g of spec.axes) {
    for (const k of g.keys) {
      if (k.key !== key) continue;
      const i = k.domain.kind === 'values' ? k.domain.values.indexOf(value) : -1;
      return i < 0 ? [...k.specPath] : [...k.specPath, i];
    }
  }
  return ['axes'];
}

/**
 * An axis key must name a config key: present in the resolved base config, or (for optional keys
 * a preset fills in, e.g. soc.memories[1].device.arraysPerBank) accepted by the config schema and
 * present after resolving the base with one of the axis's values. When no value resolves, the key
 * is blamed only if the failure is about the key (an unknown key, or a near miss of a base config
 * key); otherwise the values are wrong ('3 pJ' for a time), and each is reported at its own list
 * item when the points are resolved.
 */
async function checkKey(ev: SweepEvaluator, k: AxisKey, baseConfig: unknown, spec: SweepSpec, problems: SpecProblem[]): Promise<void> {
  if (getPath(baseConfig, k.key) !== undefined) return;
  const hint = keyHint(k.key, baseConfig);
  const probes = k.domain.kind === 'values' ? k.domain.values.slice(0, 4) : [valueAtFraction(k, 0)];
  let failure: string | undefined;
  for (const value of probes) {
    if (value === undefined) continue;
    try {
      const probe = await ev.resolve(spec.base, [...spec.set, [k.key, value]]);
      if (getPath(probe, k.key) !== undefined) return;
      break; // resolves, but the key is not in the config: it is not a config key
    } catch (e) {
      failure ??= oneLine(e);
    }
  }
  const keyFault = failure === undefined || /unknown (config )?key/i.test(failure) || hint.includes('did you mean') || hint.includes("(no '");
  if (!keyFault) return;
  problems.push(spec.sourceMap.problem([...k.specPath], hint, `'${k.key}'${failure === undefined ? '' : ` (${failure})`}`, true));
}

function keyHint(key: string, config: unknown): string {
  const parts = parsePath(key) ?? [key];
  const parentPath = formatPath(parts.slice(0, -1));
  const parent = getAt(config, parts.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return `a config key of the base run config (no '${parentPath}' there)`;
  const keys = Object.keys(parent);
  const dym = didYouMean(String(parts[parts.length - 1]), keys);
  const prefix = parentPath === '' ? '' : parentPath + (Array.isArray(parent) ? '' : '.');
  return dym === undefined
    ? `a config key of the base run config (${prefix}{${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', ...' : ''}})`
    : `a config key of the base run config; did you mean '${prefix}${dym}'?`;
}

function axisPathOf(spec: SweepSpec, axes: Assignment): (string | number)[] {
  const first = axes[0]?.[0];
  for (const g of spec.axes) for (const k of g.keys) if (k.key === first) return [...k.specPath];
  return ['axes'];
}

function configConstraintFailure(spec: SweepSpec, config: unknown, problems: SpecProblem[], reported: Set<string>): string | null {
  for (const c of spec.constraints) {
    if (c.expr.usesMetrics) continue;
    // a constraint that cannot be evaluated is reported once, not once per point
    const at = JSON.stringify(c.specPath);
    if (reported.has(at)) return null;
    try {
      const v = c.expr.evaluate({ config });
      if (v !== true && v !== false) {
        reported.add(at);
        problems.push(spec.sourceMap.problem([...c.specPath], 'an expression that is true or false', JSON.stringify(v)));
        return null;
      }
      if (!v) return c.name;
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      const dym = configNameHint(c.expr.names, config);
      reported.add(at);
      problems.push(spec.sourceMap.problem([...c.specPath], `a constraint over existing config keys${dym === undefined ? '' : `; ${dym}`}`, e.message));
      return null;
    }
  }
  return null;
}

/**
 * The `config.` keys of constraints and derived metrics over `metrics.` are read only after a point
 * has run; a misspelt one would fail the sweep after every point ran. Each is read here from every
 * resolved point instead, reported once per expression at its spec path with a did-you-mean.
 */
function metricExprConfigKeys(spec: SweepSpec, config: unknown, problems: SpecProblem[], reported: Set<string>): void {
  for (const c of [...spec.derived, ...spec.constraints]) {
    if (!c.expr.usesMetrics) continue;
    const at = JSON.stringify(c.specPath);
    if (reported.has(at)) continue;
    for (const n of c.expr.names) {
      if (!n.startsWith('config.')) continue;
      try {
        configLookup(n).evaluate({ config }); // the lookup the expression makes, with its message
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
        const dym = configNameHint([n], config);
        const kind = c.specPath[0] === 'derived' ? 'an expression' : 'a constraint';
        problems.push(spec.sourceMap.problem([...c.specPath], `${kind} over existing config keys${dym === undefined ? '' : `; ${dym}`}`, e.message));
        reported.add(at);
        break;
      }
    }
  }
}

/** The compiled lookup of one `config.` name, compiled once however many points read it. */
const lookups = new Map<string, ReturnType<typeof compileExpr>>();
function configLookup(name: string): ReturnType<typeof compileExpr> {
  let c = lookups.get(name);
  if (c === undefined) lookups.set(name, (c = compileExpr(name)));
  return c;
}

/**
 * "did you mean 'config.quant.rho'?" for the first `config.` name of a constraint that is missing
 * from `config`, when a key next to the missing one is close ('quant.rhoo' → 'quant.rho').
 */
function configNameHint(names: readonly string[], config: unknown): string | undefined {
  for (const n of names) {
    if (!n.startsWith('config.')) continue;
    const segs = parsePath(n.slice('config.'.length).replace(/\.(\d+)(?=\.|$)/g, '[$1]'));
    if (segs === undefined || getAt(config, segs) !== undefined) continue;
    const near = nearPath(config, segs);
    return near === undefined ? undefined : `did you mean 'config.${formatPath(near)}'?`;
  }
  return undefined;
}

/** Value at `path` ('a.b[1].c') of a plain object tree; undefined when absent. */
export function getPath(tree: unknown, path: string): unknown {
  const segs = parsePath(path);
  return segs === undefined ? undefined : getAt(tree, segs);
}

function oneLine(e: unknown): string {
  const m = e instanceof Error ? (typeof (e as { format?: unknown }).format === 'function' ? String((e as unknown as { format(): string }).format()) : e.message) : String(e);
  return m.split('\n').filter((l) => l.trim() !== '').slice(0, 3).join('; ');
}
