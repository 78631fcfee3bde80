/**
 * Runs a sweep: expands and resolves its points, skips stored ones on --resume, evaluates the rest
 * on an executor (local threads or a BullMQ queue), checks metric constraints, and stores each
 * point in the results database as it arrives (one transaction per point, keyed by point id).
 */
import { setMaxListeners } from 'node:events';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../config/errors.js';
import { canonicalJson } from './canonical.js';
import { ExprError } from './expression.js';
import { isBuiltinEvaluator } from './evaluator.js';
import { evaluatorIdentity, expandSweep, type ExpandedSweep, type ResolvedPoint } from './points.js';
import { ResultsDb, type PointRow, type StoredPoint } from './results-db.js';
import { didYouMean, formatPath } from './spec-errors.js';
import { DEFAULT_PARETO } from './spec.js';
import type { SweepSpec } from './spec-types.js';
import type { Executor, PointOutcome, PointTask } from './task.js';
import { buildId } from './version.js';

/** Progress of a running sweep. */
export interface SweepProgress {
  /** Points to evaluate in this run (excludes reused and skipped). */
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly infeasible: number;
  /** Id of the point just stored (absent on the first report). */
  readonly lastId?: string;
}

/** What a sweep is about to do, reported once before any point runs. */
export interface SweepPlan {
  readonly expanded: ExpandedSweep;
  readonly reused: number;
  readonly toRun: number;
  /**
   * Points of this sweep already stored in the database (whatever --resume says): without --resume
   * they are run again and replace the stored rows.
   */
  readonly alreadyStored: number;
  /**
   * On --resume: per other build (version+fingerprint), how many of the points to run are stored
   * only as that build's results, which are not reused because the code changed since.
   */
  readonly otherBuilds: ReadonlyMap<string, number>;
}

/** Options of runSweep. */
export interface RunSweepOptions {
  /** The open results database (the caller closes it). */
  readonly db: ResultsDb;
  readonly resume: boolean;
  readonly executor: Executor;
  readonly onProgress?: (p: SweepProgress) => void;
  /** Called once after expansion, before any point runs. */
  readonly onPlan?: (plan: SweepPlan) => void;
  /**
   * Stops the sweep (Ctrl-C): no further point starts, running ones are abandoned, points already
   * stored stay; runSweep then rejects with SweepInterrupted.
   */
  readonly signal?: AbortSignal;
}

/** runSweep was stopped through its `signal` before it finished. */
export class SweepInterrupted extends Error {
  constructor() {
    super('sweep interrupted');
    this.name = 'SweepInterrupted';
  }
}

/** What a finished sweep did, and its stored points (ordered by point index). */
export interface SweepSummary {
  readonly drawn: number;
  readonly reused: number;
  readonly ran: number;
  readonly skipped: number;
  readonly duplicates: number;
  readonly points: readonly StoredPoint[];
}

/** Runs `spec` to completion (or until an error), storing every finished point. */
export async function runSweep(spec: SweepSpec, opts: RunSweepOptions): Promise<SweepSummary> {
  const stopped = (): void => {
    if (opts.signal?.aborted === true) throw new SweepInterrupted();
  };
  stopped();
  const expanded = await expandSweep(spec);
  stopped();
  const db = opts.db;
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one listener per in-flight task
  const onStop = (): void => abort.abort();
  opts.signal?.addEventListener('abort', onStop);
  try {
    const ids = expanded.points.map((p) => p.id);
    const existing = await db.existingIds(ids);
    if (!opts.resume) await db.deletePoints([...existing]);
    const todo = opts.resume ? expanded.points.filter((p) => !existing.has(p.id)) : expanded.points;
    const otherBuilds = opts.resume && todo.length > 0
      ? await db.otherBuilds(spec.name, buildId(), new Set(todo.map((p) => p.index)))
      : new Map<string, number>();
    opts.onPlan?.({ expanded, reused: opts.resume ? existing.size : 0, toRun: todo.length, alreadyStored: existing.size, otherBuilds });
    const byId = new Map<string, ResolvedPoint>(todo.map((p) => [p.id, p]));
    const evaluatorName = evaluatorIdentity(spec.evaluator.module);
    const tasks: PointTask[] = todo.map((p) => ({
      id: p.id, config: p.config, seed: spec.seed, layerReuse: spec.layerReuse, evaluator: spec.evaluator.module, build: buildId(),
    }));
    const progress = { total: todo.length, done: 0, failed: 0, infeasible: 0 };
    opts.onProgress?.({ ...progress });
    let fatal: unknown = null;
    const onOutcome = async (o: PointOutcome): Promise<void> => {
      const p = byId.get(o.id);
      if (p === undefined || fatal !== null) return;
      let row: PointRow;
      try {
        row = toRow(spec, p, o, evaluatorName);
      } catch (e) {
        fatal = e;
        abort.abort();
        return;
      }
      const inserted = await db.insertPoint(row);
      if (!inserted) return;
      progress.done++;
      if (row.status === 'failed') progress.failed++;
      if (row.status === 'infeasible') progress.infeasible++;
      opts.onProgress?.({ ...progress, lastId: row.id });
    };
    try {
      // Without --resume every point is evaluated now, also one whose result is still on a queue.
      await opts.executor.run(tasks, onOutcome, abort.signal, { fresh: !opts.resume });
    } catch (e) {
      abort.abort();
      stopped(); // a point abandoned because of the stop is no failure
      throw e;
    }
    if (fatal !== null) throw fatal;
    stopped();
    // A reused point shows this file's spelling of its axis values ('10 %' stored, 0.1 written now):
    // the same design point (same id) whichever spelling stored it.
    const written = new Map(expanded.points.map((p) => [p.id, canonicalJson(Object.fromEntries(p.axes))]));
    const points = (await db.points(ids)).map((p) => ({ ...p, axesJson: written.get(p.id) ?? p.axesJson }));
    return {
      drawn: expanded.points.length + expanded.skipped.length + expanded.duplicates,
      reused: opts.resume ? existing.size : 0,
      ran: progress.done,
      skipped: expanded.skipped.length,
      duplicates: expanded.duplicates,
      points,
    };
  } finally {
    opts.signal?.removeEventListener('abort', onStop);
    abort.abort();
  }
}

/** Builds the stored row of one outcome: metric constraints, then the kept metrics. */
function toRow(spec: SweepSpec, p: ResolvedPoint, o: PointOutcome, evaluator: string): PointRow {
  const base = {
    id: p.id, sweep: spec.name, index: p.index, seed: spec.seed, toolVersion: buildId(), evaluator,
    axes: Object.fromEntries(p.axes), config: p.config,
  };
  if (!o.ok) {
    // a metric that is no finite number (NaN, Infinity, a string) fails the point, naming the module
    // (evaluateTask checks it where the value is as computed; the row carries the point's index and axes)
    const error = o.badMetric === true ? `evaluator ${evaluatorShown(spec)}: ${o.error}` : o.error;
    return { ...base, status: 'failed', violated: null, error, metrics: {} };
  }
  const all: Record<string, number> = { ...o.metrics };
  for (const d of spec.derived) {
    try {
      const v = d.expr.evaluate({ config: p.config, metrics: all });
      if (typeof v !== 'number') {
        const { line, col } = spec.sourceMap.locate(d.specPath);
        throw new UserError(`${spec.file}:${line}:${col}: derived.${d.name}: expected an expression giving a number, found ${JSON.stringify(v)} at point ${p.index}`);
      }
      if (!Number.isFinite(v)) {
        // Infinity / NaN (a division by zero) would be stored as 'inf' and drop out of the Pareto front.
        const { line, col } = spec.sourceMap.locate(d.specPath);
        const at = p.axes.map(([k, x]) => `${k}=${JSON.stringify(x)}`).join(', ');
        throw new UserError(`${spec.file}:${line}:${col}: derived.${d.name}: expected a finite number, found ${v} at point ${p.index}${at === '' ? '' : ` (${at})`} (a division by zero?)`);
      }
      all[d.name] = v;
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      const { line, col } = spec.sourceMap.locate(d.specPath);
      throw new UserError(`${spec.file}:${line}:${col}: derived.${d.name}: expected an expression over metrics the evaluator produces, found ${e.message}${hintFor(e.message, all)}`);
    }
  }
  const violated: string[] = [];
  for (const c of spec.constraints) {
    if (!c.expr.usesMetrics) continue;
    try {
      if (c.expr.evaluate({ config: p.config, metrics: all }) !== true) violated.push(c.name);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      const { line, col } = spec.sourceMap.locate(c.specPath);
      throw new UserError(`${spec.file}:${line}:${col}: ${formatPath(c.specPath)}: expected an expression over metrics the evaluator produces, found ${e.message}${hintFor(e.message, all)}`);
    }
  }
  // Objectives written under report.pareto must be metrics a point produces (a misspelt one would
  // silently drop out of the front); the default objectives may be absent (the header lists those used).
  if (spec.pareto !== DEFAULT_PARETO) {
    for (const [i, m] of spec.pareto.entries()) {
      if (all[m] !== undefined) continue;
      const { line, col } = spec.sourceMap.locate(['report', 'pareto', i]);
      const dym = didYouMean(m, Object.keys(all));
      throw new UserError(`${spec.file}:${line}:${col}: report.pareto[${i}]: expected a metric the evaluator produces, found '${m}'${dym === undefined ? '' : `; did you mean '${dym}'?`}`);
    }
  }
  let metrics: Record<string, number> = { ...all };
  if (spec.metrics !== null) {
    metrics = {};
    for (const [i, m] of spec.metrics.entries()) {
      const v = all[m];
      if (v === undefined) {
        const { line, col } = spec.sourceMap.locate(['metrics', i]);
        const dym = didYouMean(m, Object.keys(all));
        throw new UserError(`${spec.file}:${line}:${col}: metrics[${i}]: expected a metric the evaluator produces, found '${m}'${dym === undefined ? '' : `; did you mean '${dym}'?`}`);
      }
      metrics[m] = v;
    }
  }
  return {
    ...base, status: violated.length > 0 ? 'infeasible' : 'ok', violated: violated.length > 0 ? violated.join(',') : null,
    error: null, metrics,
  };
}

function hintFor(message: string, metrics: Readonly<Record<string, number>>): string {
  const m = /no metric '([^']+)'/.exec(message);
  if (m === null) return '';
  const dym = didYouMean(m[1]!, Object.keys(metrics));
  return dym === undefined ? '' : `; did you mean 'metrics.${dym}'?`;
}

/** The evaluator: 'run-config', its module relative to the sweep file ('./ev.mjs'), or its absolute path when outside the file's folder. */
export function evaluatorShown(spec: SweepSpec): string {
  const m = spec.evaluator.module;
  if (isBuiltinEvaluator(m) || !isAbsolute(m)) return m;
  const rel = relative(dirname(resolve(spec.file)), m);
  return rel.startsWith('..') || isAbsolute(rel) ? m : `./${rel.split(sep).join('/')}`;
}
