/**
 * `qmcsim sweep FILE`: runs a design-space sweep (experiments/sweeps/*.yaml) on local worker
 * threads or a BullMQ queue, stores points in a DuckDB file, and writes CSV, Parquet, a table and
 * an HTML report (Pareto front over energy, latency and memory area, one plot per axis, the
 * estimated parameters the results rest on).
 */
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { isUserError, UserError } from '../../config/errors.js';
import { formatTable } from '../../report/index.js';
import { InlineExecutor, MAX_THREADS, PoolExecutor } from '../../sweep/executor-pool.js';
import type { QueueExecutor } from '../../sweep/executor-queue.js';
import { storedPointEstimates } from '../../sweep/export-estimates.js';
import { ResultsDb, ResultsDbError } from '../../sweep/results-db.js';
import { runSweep, SweepInterrupted, type SweepProgress } from '../../sweep/run-sweep.js';
import { loadSweepSpec } from '../../sweep/spec.js';
import { SweepSpecError } from '../../sweep/spec-errors.js';
import { checkSweepFile } from '../../sweep/sweep-kind.js';
import type { SweepSpec } from '../../sweep/spec-types.js';
import { violatedNames } from '../../sweep/violated-names.js';
import type { Executor } from '../../sweep/task.js';
import { buildId } from '../../sweep/version.js';
import { ExitCode } from '../errors.js';
import { err, out, setExitCode } from '../io.js';
import { prepareOutDir } from '../out-dir.js';
import { stageSweepOutputs } from '../sweep-outputs.js';

interface SweepOpts {
  workers?: string;
  queue?: string;
  queueName?: string;
  resume?: boolean;
  db?: string;
  out?: string;
  json?: boolean;
  progress?: boolean;
  verbose?: boolean;
}

/** Registers `sweep`. */
/** The shell's exit code of a process ended by `sig`: 128 + signal number (SIGINT 130, SIGTERM 143). */
const signalExitCode = (sig: NodeJS.Signals): number => (sig === 'SIGINT' ? 130 : 143);

/** SIGINT / SIGTERM do nothing for the rest of the process (one listener each, however often called). */
function ignoreSignalsFromNowOn(): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) if (!process.listeners(sig).includes(ignoreSignal)) process.on(sig, ignoreSignal);
}
const ignoreSignal = (): void => {};

export function register(program: Command): void {
  program
    .command('sweep')
    .description('run a design-space sweep: points in parallel or over a Redis queue, results in DuckDB, Pareto report')
    .argument('<file>', 'sweep file (kind: sweep), e.g. experiments/sweeps/qmc-design-space.yaml')
    .option('--workers <n>', 'worker threads on this machine (0 = evaluate in the main thread)', String(availableParallelism()))
    .option('--queue <url>', 'put points on a BullMQ queue at redis://HOST:PORT for `qmcsim worker` processes')
    .option('--queue-name <name>', 'BullMQ queue name (default qmcsim-points)')
    .option('--resume', 'skip points already stored in the database')
    .option('--db <file>', 'results database (DuckDB file); default <out>/results.duckdb')
    .option('--out <dir>', 'output directory; default results/sweeps/<name>')
    .option('--json', 'print the summary and points as JSON on stdout')
    .addOption(new Option('--no-progress', 'do not show the progress bar'))
    .option('--verbose', 'log every stored point on stderr')
    .action(async (file: string, opts: SweepOpts) => {
      await sweepCommand(file, opts);
    });
}

async function sweepCommand(file: string, opts: SweepOpts): Promise<void> {
  let spec: SweepSpec;
  try {
    spec = loadSweepSpec(file);
  } catch (e) {
    // constraint syntax errors only: report them with the other constraints' key and metric
    // problems in one pass, as validate does (checkSweepFile throws the merged list)
    if (e instanceof SweepSpecError && e.partial !== undefined) await checkSweepFile(file);
    throw e;
  }
  // Digits only: Number('') is 0 and Number('1e1') is 10, which would pass silently.
  const workersText = opts.workers ?? String(availableParallelism());
  const workers = /^\d+$/.test(workersText) ? Number(workersText) : NaN;
  if (!Number.isSafeInteger(workers)) throw new UserError(`qmcsim sweep: --workers: expected a whole number ≥ 0, found '${workersText}'`);
  if (workers > MAX_THREADS) throw new UserError(`qmcsim sweep: --workers: expected at most ${MAX_THREADS} worker threads (this machine has ${availableParallelism()} cores), found ${workers}`);
  if (opts.queueName !== undefined && opts.queue === undefined) throw new UserError(`qmcsim sweep: --queue-name: expected together with --queue redis://HOST:PORT, found no --queue (points would run locally)`);
  if (opts.queueName !== undefined && opts.queueName.trim() === '') throw new UserError(`qmcsim sweep: --queue-name: expected a queue name, found an empty string`);
  // An empty path would resolve to the working directory and scatter the results there.
  for (const [flag, v] of [['--out', opts.out], ['--db', opts.db]] as const) {
    if (v !== undefined && v.trim() === '') throw new UserError(`qmcsim sweep: ${flag}: expected a path, found an empty string`);
  }
  const outDir = resolve(opts.out ?? join('results', 'sweeps', spec.name));
  const dbFile = resolve(opts.db ?? join(outDir, 'results.duckdb'));
  const outPrepared = prepareOutDir(outDir, 'qmcsim sweep: --out');
  let dbPrepared;
  try {
    dbPrepared = prepareOutDir(dirname(dbFile), 'qmcsim sweep: --db folder');
  } catch (e) {
    outPrepared.discardIfEmpty(); // a bad --db leaves no empty --out behind either
    throw e;
  }
  // bad input leaves no empty --out (or --db folder) behind, as for run and reproduce
  const discardDirs = (): void => {
    dbPrepared.discardIfEmpty();
    outPrepared.discardIfEmpty();
  };
  // Ctrl-C / SIGTERM: every finished point is already in the database. The handler only records the
  // signal and stops the points; the command then unwinds through its `finally` (so a database left
  // empty is removed) and ends with the 'interrupted' line and exit 128 + signal (130 / 143) — unless
  // the table and summary were already printed, when everything is stored and reported: exit 0.
  // A second signal ends the process at once.
  let signalled: NodeJS.Signals | null = null;
  let reported = false;
  const stop = new AbortController();
  const onSignal = (sig: NodeJS.Signals): void => {
    if (reported) return;
    if (signalled !== null) process.exit(signalExitCode(sig));
    signalled = sig;
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const interrupted = new Error('interrupted');
  const checkSignal = (): void => {
    if (signalled !== null) throw interrupted;
  };
  let doneSoFar = 0, totalSoFar = 0, stored = -1;
  try {
    await sweepWith();
  } catch (e) {
    // a stop shows as SweepInterrupted, or as a point abandoned mid-run; bad input is still reported
    if (e !== interrupted && !(e instanceof SweepInterrupted) && !(signalled !== null && !isUserError(e))) throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // once everything is stored and reported, a signal during teardown is ignored (exit 0), not
    // Node's default death by signal (130 / 143) with a complete table on stdout
    if (reported) ignoreSignalsFromNowOn();
  }
  if (signalled !== null && !reported) {
    const code = signalExitCode(signalled);
    throw new UserError(stored <= 0
      ? `${spec.name}: interrupted before any point finished; nothing was stored`
      : doneSoFar < totalSoFar
        ? `${spec.name}: interrupted after ${doneSoFar} of ${totalSoFar} points; the finished ones are stored in ${dbFile}. Run the same command with --resume to finish`
        : `${spec.name}: interrupted before the report was written; all ${stored} points are stored in ${dbFile}. Run the same command with --resume to write it`, code);
  }

  async function sweepWith(): Promise<void> {
    let executor: Executor;
    let queueExecutor: QueueExecutor | null = null;
    if (opts.queue !== undefined) {
      const { QueueExecutor } = await import('../../sweep/executor-queue.js'); // bullmq loads only when used
      // Reaches Redis first (bounded): unreachable or a bad URL is one line and exit 2.
      try {
        executor = queueExecutor = await QueueExecutor.connect(opts.queue, { ...(opts.queueName !== undefined ? { queueName: opts.queueName } : {}), onLost: (id, reason) => err(`qmcsim sweep: point ${id} failed on the queue: ${reason}`) });
      } catch (e) {
        discardDirs();
        throw e;
      }
    } else executor = workers === 0 ? new InlineExecutor() : new PoolExecutor(workers);
    // A database this run creates and leaves empty (the sweep file was rejected before any point was
    // stored, or the sweep was interrupted before one finished) is removed, so it leaves no results file behind.
    const created = !existsSync(dbFile);
    let db: ResultsDb;
    try {
      checkSignal();
      db = await ResultsDb.open(dbFile);
    } catch (e) {
      await executor.close();
      // a database file this run made (DuckDB creates it before it fails, e.g. on a full disk) goes too
      if (created) for (const f of [dbFile, `${dbFile}.wal`]) rmSync(f, { force: true });
      discardDirs();
      if (e === interrupted) throw e;
      throw dbUserError(dbFile, e);
    }
    const bar = opts.progress === false ? null : new cliProgress.SingleBar({
      format: `${spec.name} [{bar}] {value}/{total} points | {failed} failed, {infeasible} infeasible | ETA {eta_formatted}`,
      stream: process.stderr, noTTYOutput: true, notTTYSchedule: 5000, etaBuffer: 20, hideCursor: false,
    }, cliProgress.Presets.shades_classic);
    let started = false;
    const onProgress = (p: SweepProgress): void => {
      doneSoFar = p.done;
      inserted = p.done;
      totalSoFar = p.total;
      if (opts.verbose === true && p.lastId !== undefined) err(`stored ${p.lastId} (${p.done}/${p.total})`);
      if (bar === null) return;
      if (!started) {
        if (p.done === 0 && p.total > 0) return; // no ETA before the first point finishes
        bar.start(p.total, p.done, { failed: p.failed, infeasible: p.infeasible });
        started = true;
      }
      bar.update(p.done, { failed: p.failed, infeasible: p.infeasible });
    };
    let ok = false;
    let inserted = 0;
    try {
      const summary = await runSweep(spec, {
        db, resume: opts.resume === true, executor, onProgress, signal: stop.signal,
        onPlan: ({ expanded, reused, toRun, alreadyStored, otherBuilds }) => {
          // without --resume, points already stored are run again (and replace their rows): say so
          const stored = opts.resume === true || alreadyStored === 0
            ? `${toRun} to run, ${reused} already stored`
            : `${toRun} to run; ${alreadyStored} already stored will be re-run: use --resume to reuse ${alreadyStored === 1 ? 'it' : 'them'}`;
          err(`${spec.name}: ${expanded.points.length} points (${stored}); ${expanded.skipped.length} more skipped by constraints${expanded.duplicates > 0 ? `, ${expanded.duplicates} duplicate draws dropped` : ''}`);
          for (const [build, n] of otherBuilds) {
            err(`${spec.name}: ${n} of the points to run ${n === 1 ? 'is' : 'are'} stored from build ${build}, not this build ${buildId()}: the code changed since, so ${n === 1 ? 'it is' : 'they are'} run again`);
          }
        },
      });
      checkSignal();
      if (bar !== null && started) bar.stop();
      const { paretoTable, reportPoints, sweepHtml } = await import('../../sweep/report.js'); // vega loads only here
      const points = reportPoints(spec, summary.points);
      const metricNames = spec.metrics ?? [...new Set(points.flatMap((p) => Object.keys(p.metrics)))].sort();
      const ids = summary.points.map((p) => p.id);
      const csv = join(outDir, 'points.csv');
      const parquet = join(outDir, 'points.parquet');
      checkSignal();
      const estimates = await storedPointEstimates(spec, summary.points);
      const html = join(outDir, 'report.html');
      const htmlText = await sweepHtml(spec, points, [
        ['sweep', spec.file], ['points', String(points.length)], ['seed', String(spec.seed)], ['tool', buildId()], ['database', dbFile],
      ], estimates);
      checkSignal();
      // the three files appear together or not at all (a full disk names the file; the points stay stored)
      const staged = await stageSweepOutputs({ db, dbFile, spec, ids, metricNames, outDir, estimates });
      try {
        // the last await before the table: interrupted up to here, nothing is printed (exit 130 / 143);
        // from here on the report is written and printed without a break (exit 0)
        checkSignal();
        staged.place(htmlText);
      } finally {
        staged.discard();
      }
      const lost = queueExecutor === null ? [] : [...queueExecutor.lost.keys()];
      const failed = summary.points.filter((p) => p.status === 'failed');
      if (opts.json === true) {
        const storedById = new Map(summary.points.map((p) => [p.id, p]));
        out(JSON.stringify({
          sweep: spec.name, db: dbFile, report: html, csv, parquet,
          drawn: summary.drawn, stored: points.length, ran: summary.ran, reused: summary.reused, skipped: summary.skipped, lost,
          // why a point failed (the evaluator's error) or was infeasible (the metric constraints it violates), as points.csv has them
          points: points.map((p) => {
            const s = storedById.get(p.id);
            const violated = s?.violated == null ? [] : violatedNames(spec, s.violated);
            return { id: p.id, index: p.index, status: p.status, pareto: p.pareto, axes: p.axes, metrics: p.metrics, violated, error: s?.error ?? null };
          }),
          estimates,
        }, null, 2));
      } else {
        out(formatTable(paretoTable(spec, points)));
        out(`${points.length} points stored in ${dbFile} (${summary.ran} run now, ${summary.reused} reused); ${summary.skipped} more skipped by constraints`);
        const infeasible = summary.points.filter((p) => p.status === 'infeasible').length;
        if (failed.length > 0 || infeasible > 0) {
          const first = failed[0];
          out(`${failed.length} failed, ${infeasible} infeasible (not on the Pareto front)${first ? `; point ${first.index}${axesShown(first.axesJson)}: ${(first.error ?? '').split('\n')[0]}` : ''}`);
        }
        if (estimates.length > 0) out(`results rest on ${estimates.length} estimated parameters (listed with values and sources in the report and in --json)`);
        out(`report: ${html}`);
        out(`tables: ${csv}, ${parquet}`);
      }
      reported = true;
      ok = true;
      // exit 1 when a point failed (its evaluator threw or returned a bad metric): the report lacks it;
      // infeasible points (a metric constraint is false) are results and keep exit 0
      if (failed.length > 0) {
        err(`qmcsim sweep: ${failed.length} of ${summary.points.length} points failed (stored with status failed; the report leaves them out); exit 1`);
        setExitCode(ExitCode.CheckFailed);
      }
      if (lost.length > 0) throw new UserError(`${lost.length} point(s) failed on the queue and were not stored; run again with --resume`, 1);
    } catch (e) {
      // a full disk (or the like) while storing a point: every point stored before it is kept whole
      // (one transaction per point); one line naming the database, exit 2
      if (e instanceof ResultsDbError) throw dbUserError(dbFile, e, inserted);
      throw e;
    } finally {
      if (bar !== null && started) bar.stop();
      await executor.close();
      stored = await db.count().catch(() => -1);
      // unreadable after a failed write (-1): this run stored nothing in the file it created
      const discard = !ok && created && (stored === 0 || (stored < 0 && inserted === 0));
      await db.close().catch(() => undefined);
      if (discard) for (const f of [dbFile, `${dbFile}.wal`]) rmSync(f, { force: true });
      if (!ok) discardDirs(); // folders this run made and left empty (e.g. --out while the database is elsewhere)
    }
  }
}

/** ' (x=4, y="a")' for a stored point's axes JSON; '' without axes. */
function axesShown(axesJson: string): string {
  const axes = Object.entries(JSON.parse(axesJson) as Record<string, unknown>).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return axes.length === 0 ? '' : ` (${axes.join(', ')})`;
}

/**
 * The one-line error for a results database that cannot be opened or written: names the file and
 * the reason, and (when storing failed) how many points this run stored before, kept whole.
 */
function dbUserError(dbFile: string, e: unknown, stored?: number): UserError {
  if (!(e instanceof ResultsDbError)) return new UserError(`qmcsim sweep: --db ${dbFile}: ${(e as Error).message.split('\n')[0] ?? ''}`);
  const kept = stored === undefined ? '' : stored === 0
    ? '; no point of this run was stored'
    : `; the ${stored} point${stored === 1 ? '' : 's'} stored so far ${stored === 1 ? 'is' : 'are'} kept: run the same command with --resume to finish`;
  return new UserError(`qmcsim sweep: --db ${dbFile}: ${e.what} (${e.reason})${kept}`);
}
