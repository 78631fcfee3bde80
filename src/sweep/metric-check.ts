/**
 * Before any point runs: every metric name a sweep file writes (`metrics:`, `report.pareto`,
 * `metrics.<name>` and `sum('prefix')` in `derived:` and `constraints:`) must be one the evaluator
 * declares (SweepEvaluator.metricNames) or a derived metric defined before it is read.
 */
import { didYouMean, type SpecProblem } from './spec-errors.js';
import { DEFAULT_PARETO } from './spec.js';
import type { Constraint, SweepSpec } from './spec-types.js';

const EXPECTED_EXPR = 'an expression over metrics the evaluator produces';

/**
 * Adds one located problem per unknown metric name to `problems`. `declared` is the union of the
 * names the evaluator declares over the sweep's points.
 */
export function checkMetricNames(spec: SweepSpec, declared: ReadonlySet<string>, problems: SpecProblem[]): void {
  const known = new Set(declared);
  for (const d of spec.derived) {
    checkExpr(spec, d, known, problems);
    // A derived metric named like an evaluator's would silently replace it in every table and constraint.
    if (declared.has(d.name)) problems.push(spec.sourceMap.problem([...d.specPath], 'a new metric name (the evaluator produces this one)', `'${d.name}'`, true));
    known.add(d.name); // a derived metric may read the ones defined above it
  }
  for (const c of spec.constraints) if (c.expr.usesMetrics) checkExpr(spec, c, known, problems);
  const names = [...known];
  const listed = (key: 'metrics' | 'pareto', list: readonly string[]): void => {
    list.forEach((m, i) => {
      if (known.has(m)) return;
      const path = key === 'metrics' ? ['metrics', i] : ['report', 'pareto', i];
      const dym = didYouMean(m, names);
      problems.push(spec.sourceMap.problem(path, `a metric the evaluator produces${dym === undefined ? '' : `; did you mean '${dym}'?`}`, `'${m}'`));
    });
  };
  if (spec.metrics !== null) listed('metrics', spec.metrics);
  // With metrics: the spec already requires report.pareto ⊆ metrics; the default objectives may be absent.
  if (spec.metrics === null && spec.pareto !== DEFAULT_PARETO) listed('pareto', spec.pareto);
}

function checkExpr(spec: SweepSpec, c: Constraint, known: ReadonlySet<string>, problems: SpecProblem[]): void {
  const names = [...known];
  for (const n of c.expr.names) {
    if (!n.startsWith('metrics.')) continue;
    const key = n.slice('metrics.'.length);
    if (key.endsWith('*')) {
      // sum('prefix') of no metric is 0 for every point: a misspelt prefix would pass silently.
      const prefix = key.slice(0, -1);
      if (names.some((k) => k.startsWith(prefix))) continue;
      const families = [...new Set(names.map((k) => (k.includes('.') ? k.slice(0, k.indexOf('.') + 1) : k)))];
      const dym = didYouMean(prefix, families);
      problems.push(spec.sourceMap.problem([...c.specPath], `${EXPECTED_EXPR}${dym === undefined ? '' : `; did you mean '${dym}'?`}`, `sum('${prefix}'), which matches no metric`));
      continue;
    }
    if (known.has(key)) continue;
    const dym = didYouMean(key, names);
    problems.push(spec.sourceMap.problem([...c.specPath], `${EXPECTED_EXPR}${dym === undefined ? '' : `; did you mean 'metrics.${dym}'?`}`, `no metric '${key}'`));
  }
}
