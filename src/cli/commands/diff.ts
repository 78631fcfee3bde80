/**
 * `qmcsim diff A B [--rel R] [--abs X] [--ignore PATH ...] [--json] [--limit N]`: which values of two
 * result bundles differ (result.json of `run --out` / `reproduce --out`, or any JSON the CLI
 * printed). Exit 0 when every value agrees within the tolerances, 1 when some moved, 2 bad input.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { diffResults, type ValueChange } from '../../report/result-diff.js';
import { ExitCode, UserError } from '../errors.js';
import { out, setExitCode } from '../io.js';
import { table } from './describe.js';

/** Reads a result bundle: a JSON file, or a directory holding result.json. */
function readBundle(arg: string): { file: string; value: unknown } {
  let file = arg;
  let st;
  try {
    st = statSync(arg);
  } catch {
    throw new UserError(`diff: ${arg}: no such file or directory`);
  }
  if (st.isDirectory()) {
    file = join(arg, 'result.json');
    try {
      statSync(file);
    } catch {
      throw new UserError(`diff: ${arg} is a directory without result.json (expected a result JSON file or a --out directory of run / reproduce)`);
    }
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`diff: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return { file, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    throw new UserError(`diff: ${file} is not JSON (${(e as Error).message.split('\n')[0]})`);
  }
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
    .description('compare two result bundles value by value (exit 0 the same within tolerance, 1 some value moved)')
    .argument('<a>', 'result JSON file, or a --out directory holding result.json')
    .argument('<b>', 'the result to compare it with')
    .option('--rel <r>', 'relative tolerance: equal when |a − b| ≤ r · max(|a|, |b|)', '0')
    .option('--abs <x>', 'absolute tolerance: equal when |a − b| ≤ x', '0')
    .option('--ignore <path>', "leave out a value or subtree, e.g. 'queueing' or 'bitErrors.byTag' (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--limit <n>', 'differences listed in the table (all with --json)', '40')
    .option('--json', 'print { compared, changes: [...] } as JSON')
    .action((aArg: string, bArg: string, opts: { rel: string; abs: string; ignore: string[]; limit: string; json?: boolean }) => {
      const rel = tolerance('--rel', opts.rel), abs = tolerance('--abs', opts.abs);
      const limit = Number(opts.limit);
      if (!Number.isSafeInteger(limit) || limit < 1) throw new UserError(`diff: --limit: expected a whole number ≥ 1, found '${opts.limit}'`);
      const a = readBundle(aArg), b = readBundle(bArg);
      const r = diffResults(a.value, b.value, { rel, abs, ignore: opts.ignore });
      if (r.changes.length > 0) setExitCode(ExitCode.CheckFailed);
      if (opts.json === true) {
        out(JSON.stringify({ a: a.file, b: b.file, rel, abs, ignore: opts.ignore, compared: r.compared, same: r.changes.length === 0, changes: r.changes }, null, 2));
        return;
      }
      const tol = `rel ${rel}, abs ${abs}${opts.ignore.length > 0 ? `; ignoring ${opts.ignore.join(', ')}` : ''}`;
      if (r.changes.length === 0) {
        out(`no differences: ${r.compared} values compared (${tol})`);
        return;
      }
      out(`A: ${a.file}\nB: ${b.file}\n${r.changes.length} difference${r.changes.length === 1 ? '' : 's'} among ${r.compared} values compared (${tol}):\n`);
      const rows = r.changes.slice(0, limit).map((c) => [c.path || '(top level)', show(c.a), show(c.b), changeText(c)]);
      out(table(['value', 'A', 'B', 'change'], rows));
      if (r.changes.length > limit) out(`... and ${r.changes.length - limit} more (--limit N or --json lists them)`);
    });
}
