/**
 * `qmcsim diff A B [--rel R] [--abs X] [--ignore PATH ...] [--json] [--limit N]`: which values of two
 * result bundles differ (result.json of `run --out` / `reproduce --out`, or any JSON the CLI
 * printed), or which metrics of two sweeps differ (`sweep --out` folders / their points.csv, or
 * `sweep --json` output; points matched by axis values). Exit 0 all agree, 1 some moved, 2 bad input.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { diffResults, diffSweeps, duplicateJsonKey, sweepFromJson, type DiffResult, type SweepDiffResult, type SweepTable, type ValueChange } from '../../report/result-diff.js';
import { ExitCode, UserError } from '../errors.js';
import { out, setExitCode } from '../io.js';
import { table } from './describe.js';

/** What diff compares: a result bundle (any JSON), or a sweep's points. */
type Bundle = { readonly file: string; readonly value: unknown; readonly sweep: SweepTable | null };

/**
 * Reads a result bundle: a JSON file, a directory holding result.json, or a sweep's points (a
 * `sweep --out` directory or its points.csv).
 */
async function readBundle(arg: string): Promise<Bundle> {
  let file = arg;
  let st;
  try {
    st = statSync(arg);
  } catch {
    throw new UserError(`diff: ${arg}: no such file or directory`);
  }
  if (st.isDirectory()) {
    file = join(arg, 'result.json');
    if (!existsSync(file) && existsSync(join(arg, 'points.csv'))) file = join(arg, 'points.csv');
    else if (!existsSync(file)) {
      throw new UserError(`diff: ${arg} is a directory without result.json or points.csv (expected a result JSON file, a --out directory of run / reproduce, or a sweep's --out directory)`);
    }
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UserError(`diff: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (file.endsWith('.csv')) return { file, value: null, sweep: await readPointsCsv(file, text) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(`diff: ${file} is not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const dup = duplicateJsonKey(text);
  if (dup !== null) throw new UserError(`diff: ${file}:${dup.line}:${dup.col}: key '${dup.key}': expected once per object, found it twice (JSON keeps only the last)`);
  return { file, value, sweep: sweepFromJson(value) };
}

/** Splits CSV text (RFC 4180, as DuckDB writes it) into rows of cells; an unquoted empty cell is null. */
function csvRows(text: string): { cells: (string | null)[]; line: number }[] {
  const rows: { cells: (string | null)[]; line: number }[] = [];
  let cells: (string | null)[] = [], cell = '', quoted = false, line = 1, rowLine = 1;
  const endCell = (): void => { cells.push(quoted || cell !== '' ? cell : null); cell = ''; quoted = false; };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' && cell === '' && !quoted) {
      quoted = true;
      for (i++; i < text.length; i++) {
        if (text[i] === '"') { if (text[i + 1] === '"') { cell += '"'; i++; } else break; }
        else { if (text[i] === '\n') line++; cell += text[i]; }
      }
    } else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push({ cells, line: rowLine });
      cells = [];
      rowLine = ++line;
    } else cell += c;
  }
  if (cell !== '' || quoted || cells.length > 0) { endCell(); rows.push({ cells, line: rowLine }); }
  return rows;
}

const FIXED = ['id', 'point_index', 'status', 'violated', 'error'];
/** The axis key of a points.csv column: a quantity axis column carries its unit, 'quant.rho [ratio]'. */
const axisKey = (column: string): string => column.replace(/ \[[^\]]*\]$/, '');
const slug = (k: string): string => axisKey(k).replace(/[^A-Za-z0-9]+/g, '-');

/**
 * The points of a sweep's points.csv: id, point_index, status, violated, error, the axis columns, the
 * metric columns, estimated_params. The CSV does not mark where the axes end: the report.html beside
 * it does (one plot per axis), else the sweep's database (the one the report names, or results.duckdb
 * beside the CSV) stores each point's axes.
 */
async function readPointsCsv(file: string, text: string): Promise<SweepTable> {
  const rows = csvRows(text);
  const header = rows[0]?.cells ?? [];
  const bad = (why: string): UserError => new UserError(`diff: ${file}: expected the points.csv of \`qmcsim sweep\` (columns ${FIXED.join(', ')}, axes, metrics, estimated_params), found ${why}`);
  if (FIXED.some((c, i) => header[i] !== c) || header[header.length - 1] !== 'estimated_params') throw bad(`the header '${header.join(',').slice(0, 80)}'`);
  const middle = header.slice(FIXED.length, -1).map((c) => c ?? '');
  const axisCount = await axisColumns(file, middle, rows.slice(1).map((r) => r.cells[0] ?? ''));
  const axes = middle.slice(0, axisCount);
  const points = rows.slice(1).filter((r) => !(r.cells.length === 1 && r.cells[0] === null)).map((r) => {
    if (r.cells.length !== header.length) throw new UserError(`diff: ${file}:${r.line}: expected ${header.length} cells as in the header, found ${r.cells.length}`);
    const pointAxes: Record<string, unknown> = {};
    axes.forEach((k, i) => { pointAxes[k] = axisValue(r.cells[FIXED.length + i] ?? null); });
    const metrics: Record<string, number> = {};
    middle.slice(axisCount).forEach((m, i) => {
      const cell = r.cells[FIXED.length + axisCount + i] ?? null;
      if (cell === null) return;
      const x = /^-?inf(inity)?$/i.test(cell) ? (cell.startsWith('-') ? -Infinity : Infinity) : /^nan$/i.test(cell) ? NaN : cell.trim() === '' ? NaN : Number(cell);
      if (Number.isNaN(x) && !/^nan$/i.test(cell)) throw new UserError(`diff: ${file}:${r.line}: metric ${m}: expected a number, found '${cell}'`);
      metrics[m] = x;
    });
    return { axes: pointAxes, status: r.cells[2] ?? '', metrics };
  });
  return { axes, points };
}

/** An axis cell as the JSON value the sweep stored: numbers, booleans, maps / lists (JSON text), else text. */
function axisValue(cell: string | null): unknown {
  if (cell === null) return null;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell)) return Number(cell);
  if (cell === 'true' || cell === 'false') return cell === 'true';
  if (cell.startsWith('{') || cell.startsWith('[')) {
    try { return JSON.parse(cell); } catch { return cell; }
  }
  return cell;
}

/** How many of the `middle` columns of points.csv `file` are axes (see readPointsCsv). */
async function axisColumns(file: string, middle: readonly string[], ids: readonly string[]): Promise<number> {
  const dir = dirname(file);
  const report = join(dir, 'report.html');
  const html = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const plotted = new Set([...html.matchAll(/id="plot-axis-([^"]*)"/g)].map((m) => m[1]));
  let n = 0;
  middle.forEach((c, i) => { if (plotted.has(slug(c))) n = i + 1; });
  if (n > 0) return n;
  // no per-axis plots (no feasible point): the axes stored in the database
  const named = /<dt>database<\/dt><dd>([^<]*)<\/dd>/.exec(html)?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const db = [named, join(dir, 'results.duckdb')].find((f) => f !== undefined && existsSync(f));
  if (db !== undefined) {
    const keys = await storedAxisKeys(db, ids).catch(() => null);
    if (keys !== null) {
      middle.forEach((c, i) => { if (keys.has(axisKey(c))) n = i + 1; });
      if (n > 0 || keys.size === 0) return n;
    }
  }
  throw new UserError(`diff: ${file}: cannot tell its axis columns from its metric columns: expected report.html with per-axis plots or the sweep's database beside it, found ${html === '' ? 'neither' : 'a report without axis plots and no readable database'}`);
}

/** The axis names the points `ids` of database `file` store (read-only). */
async function storedAxisKeys(file: string, ids: readonly string[]): Promise<Set<string>> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const wanted = new Set(ids);
    const r = await conn.runAndReadAll('SELECT id, axes FROM points');
    const keys = new Set<string>();
    for (const o of r.getRowObjectsJS()) {
      if (wanted.has(String(o['id']))) for (const k of Object.keys(JSON.parse(String(o['axes'])) as object)) keys.add(k);
    }
    return keys;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Two JSON values that share nothing to compare: of different types, or objects without a common key. */
function differentKinds(x: unknown, y: unknown): boolean {
  const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);
  if (kind(x) !== kind(y)) return true;
  if (kind(x) !== 'object') return false;
  const kx = Object.keys(x as object), ky = new Set(Object.keys(y as object));
  return kx.length > 0 && ky.size > 0 && !kx.some((k) => ky.has(k));
}

/** A tolerance option: a finite number ≥ 0. */
function tolerance(name: string, v: string): number {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < 0) throw new UserError(`diff: ${name}: expected a number ≥ 0 such as 1e-9, found '${v}'`);
  return x;
}

const show = (v: unknown): string => {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

function changeText(c: ValueChange): string {
  if (c.kind === 'only-a') return 'only in A';
  if (c.kind === 'only-b') return 'only in B';
  if (c.kind === 'type') return 'type changed';
  if (c.relChange === undefined) return 'changed';
  if (!Number.isFinite(c.relChange)) return 'from 0';
  const pct = 100 * c.relChange;
  return `${pct >= 0 ? '+' : ''}${Math.abs(pct) >= 0.01 ? pct.toFixed(2) : pct.toExponential(2)} %`;
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('compare two result bundles value by value, or two sweeps point by point (matched by axis values) and metric by metric (exit 0 the same within tolerance, 1 some value moved)')
    .argument('<a>', 'result JSON file or a --out directory holding result.json; or a sweep: its --out directory, points.csv, or `sweep --json` output')
    .argument('<b>', 'the result to compare it with (of the same kind)')
    .option('--rel <r>', 'relative tolerance: equal when |a − b| ≤ r · max(|a|, |b|)', '0')
    .option('--abs <x>', 'absolute tolerance: equal when |a − b| ≤ x', '0')
    .option('--ignore <path>', "leave out a value or subtree, e.g. 'queueing' or 'bitErrors.byTag'; for sweeps e.g. 'metrics.stallPsByMemory' in every point (repeatable; a path matching nothing is an error)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--limit <n>', 'differences listed in the table (all with --json)', '40')
    .option('--json', 'print { compared, changes: [...] } as JSON')
    .action(async (aArg: string, bArg: string, opts: { rel: string; abs: string; ignore: string[]; limit: string; json?: boolean }) => {
      const rel = tolerance('--rel', opts.rel), abs = tolerance('--abs', opts.abs);
      const limit = Number(opts.limit);
      if (!Number.isSafeInteger(limit) || limit < 1) throw new UserError(`diff: --limit: expected a whole number ≥ 1, found '${opts.limit}'`);
      const a = await readBundle(aArg), b = await readBundle(bArg);
      const o = { rel, abs, ignore: opts.ignore };
      let r: DiffResult | SweepDiffResult;
      if (a.sweep !== null && b.sweep !== null) r = diffSweeps(a.sweep, b.sweep, o);
      else if (a.sweep !== null || b.sweep !== null) {
        const [s, other] = a.sweep !== null ? [a, b] : [b, a];
        throw new UserError(`diff: ${s.file} is a sweep result and ${other.file} is not: expected two results of one kind (two run / reproduce results, or two sweeps)`);
      } else {
        r = diffResults(a.value, b.value, o);
        if (differentKinds(a.value, b.value)) throw new UserError(`diff: ${a.file} and ${b.file} have no value in common: expected two results of one kind, found different kinds`);
      }
      if (r.unusedIgnores.length > 0) throw new UserError(`diff: --ignore ${r.unusedIgnores[0]}: expected a value path of A or B, found it matches nothing${a.sweep !== null ? ' (for sweeps: points[...].metrics.NAME, metrics.NAME, status, pareto or axes)' : ''}`);
      if (r.changes.length > 0) setExitCode(ExitCode.CheckFailed);
      const points = 'matched' in r ? r : null;
      if (opts.json === true) {
        out(JSON.stringify({ a: a.file, b: b.file, rel, abs, ignore: opts.ignore, ...(points !== null ? { points: { matched: points.matched, onlyA: points.onlyA, onlyB: points.onlyB } } : {}), compared: r.compared, same: r.changes.length === 0, changes: r.changes }, null, 2));
        return;
      }
      const tol = `rel ${rel}, abs ${abs}${opts.ignore.length > 0 ? `; ignoring ${opts.ignore.join(', ')}` : ''}`;
      const matchedLine = points === null ? '' : `sweep points matched by axis values: ${points.matched}; only in A: ${points.onlyA}; only in B: ${points.onlyB}\n`;
      if (r.changes.length === 0) {
        out(`${matchedLine}no differences: ${r.compared} values compared (${tol})`);
        return;
      }
      out(`A: ${a.file}\nB: ${b.file}\n${matchedLine}${r.changes.length} difference${r.changes.length === 1 ? '' : 's'} among ${r.compared} values compared (${tol}):\n`);
      const rows = r.changes.slice(0, limit).map((c) => [c.path || '(top level)', show(c.a), show(c.b), changeText(c)]);
      out(table(['value', 'A', 'B', 'change'], rows));
      if (r.changes.length > limit) out(`... and ${r.changes.length - limit} more (--limit N or --json lists them)`);
    });
}
