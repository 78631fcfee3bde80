/**
 * `qmcsim reproduce qmc [--model NAME] [--out DIR] [--json] [--seed N]`: replays the QMC study's
 * configurations, prints the claims table (or `{ "claims": [...] }` with --json), optionally writes
 * the result bundle. Exit 0 when every required claim is within tolerance, 1 otherwise. A progress
 * bar (stderr, a terminal only) appears once the work has run for about a second.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { didYouMean } from '../../config/did-you-mean.js';
import { UserError } from '../../config/errors.js';
import { claimsJson, requiredClaimsPass } from '../../report/claims.js';
import { formatTable } from '../../report/table.js';
import { registerStudyKinds } from '../../study/kinds.js';
import { reproduce } from '../../study/reproduce.js';
import { paperClaims, reconstructedFigures, reproduceTables } from '../../study/reproduce-tables.js';
import { fillReproduceBundle, reproduceHtml, STALE_REPRODUCE_FILES } from '../../study/outputs.js';
import { poolExecutor } from '../../study/run-pool.js';
import { out, err, setExitCode } from '../io.js';
import { ExitCode } from '../errors.js';
import { prepareOutDir } from '../out-dir.js';
import { writeResultSet } from '../result-set.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Built-in studies by name. */
export const STUDIES: Readonly<Record<string, string>> = { qmc: join(ROOT, 'experiments', 'qmc', 'study.yaml') };

/**
 * A progress reporter that shows a cli-progress bar on `stream` (stderr) once work has run >
 * `afterMs`, and only when `stream` is a terminal: redirected to a file or pipe (`npm start 2>log`)
 * it stays silent instead of writing a redraw line every couple of seconds, as `run` does.
 */
export function lazyProgress(enabled: boolean, afterMs = 1000, stream: NodeJS.WriteStream = process.stderr): { update(fraction: number, label: string): void; stop(): void } {
  const t0 = Date.now();
  const show = enabled && stream.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let lastRender = 0;
  return {
    update(fraction, label) {
      if (!show) return;
      const now = Date.now();
      if (!bar) {
        if (now - t0 < afterMs) return;
        bar = new cliProgress.SingleBar({
          stream, hideCursor: false,
          format: '{bar} {percentage}% | {label}', barsize: 30,
        }, cliProgress.Presets.shades_classic);
        bar.start(1000, 0, { label });
      }
      bar.update(Math.round(fraction * 1000), { label });
      // Runs are synchronous: redraw from here, throttled, instead of waiting for the bar's timer.
      if (now - lastRender > 200) {
        lastRender = now;
        bar.render();
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

interface ReproduceCliOptions {
  readonly model?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly seed?: string;
  readonly set: string[];
  readonly layerReuse: boolean;
  readonly rho: boolean;
  readonly progress: boolean;
  readonly threads?: string;
}

function parseThreads(s: string | undefined): number {
  if (s === undefined) return Math.min(2, availableParallelism());
  if (!/^\d+$/.test(s) || Number(s) > 64) throw new UserError(`--threads: expected an integer 0…64, found '${s}'`);
  return Number(s);
}

function parseSeed(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new UserError(`--seed: expected a non-negative integer, found '${s}'`);
  return Number(s);
}

export function register(program: Command): void {
  registerStudyKinds();
  program
    .command('reproduce')
    .description('reproduce a paper\'s results from the event-driven replay (exit 0 all required claims pass, 1 otherwise)')
    .argument('<study>', `built-in study (${Object.keys(STUDIES).join(', ')}) or a study YAML file`)
    .option('--model <name>', 'model from configs/models (default: the paper\'s); other models have no paper values')
    .option('--out <dir>', 'write result.json, resolved configs, CSV tables and report.html here')
    .option('--json', 'print { "claims": [...] } as JSON instead of tables')
    .option('--seed <n>', 'run seed (default: the study\'s)')
    .option('--set <path=value>', 'override a value in every run configuration (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--no-layer-reuse', 'replay every layer (slower; reuse is within 0.5 %)')
    .option('--no-rho', 'skip the ρ sweep')
    .option('--threads <n>', 'replay configurations in n worker threads (default: min(2, cores); 0 or 1 = in-process)')
    .option('--no-progress', 'no progress bar on stderr')
    .action(async (study: string, o: ReproduceCliOptions) => {
      const file = STUDIES[study] ?? (study.endsWith('.yaml') || study.endsWith('.yml') ? study : undefined);
      if (file === undefined) {
        const dym = didYouMean(study, Object.keys(STUDIES));
        throw new UserError(`reproduce: unknown study '${study}'; expected one of ${Object.keys(STUDIES).join(', ')} or a .yaml file${dym === '' ? '' : `; ${dym}`}`);
      }
      const seed = parseSeed(o.seed);
      const threads = parseThreads(o.threads);
      const outDir = o.out !== undefined ? prepareOutDir(o.out, 'qmcsim reproduce: --out') : undefined;
      const progress = lazyProgress(o.progress);
      let result;
      try {
        result = await reproduce({
          studyFile: file, layerReuse: o.layerReuse, rhoSweep: o.rho, overrides: o.set,
          ...(o.model !== undefined ? { model: o.model } : {}), ...(seed !== undefined ? { seed } : {}),
          onProgress: (done, total, label, f) => progress.update((done + f) / total, label),
          yieldBetweenRuns: () => new Promise((r) => setImmediate(r)),
          ...(threads > 1 ? { executor: poolExecutor(threads) } : {}),
        });
      } catch (e) {
        outDir?.discardIfEmpty(); // bad input leaves no empty --out behind
        throw e;
      } finally {
        progress.stop();
      }
      let files: string[] = [];
      if (o.out !== undefined) {
        const r = result;
        const html = await reproduceHtml(r);
        try {
          // the bundle of study/outputs.ts, every file or none: a full disk
          // or a directory in the way names the file and leaves the folder as it was
          files = writeResultSet(o.out, 'qmcsim reproduce: --out', (set) => fillReproduceBundle(set, r, html), { remove: STALE_REPRODUCE_FILES });
        } catch (e) {
          outDir?.discardIfEmpty();
          throw e;
        }
      }
      // printed once --out is written: a study whose files could not be written prints no tables (as run)
      if (o.json) {
        out(JSON.stringify({ claims: claimsJson(paperClaims(result)), reconstructions: claimsJson(reconstructedFigures(result)) }, null, 2));
      } else {
        for (const t of reproduceTables(result)) out(formatTable(t));
      }
      if (o.out !== undefined) err(`wrote ${files.length} files to ${o.out} (report.html, result.json, ${files.filter((f) => f.endsWith('.csv')).length} CSV tables, resolved configs)`);
      setExitCode(requiredClaimsPass(result.claims) ? ExitCode.Ok : ExitCode.CheckFailed);
    });
}
