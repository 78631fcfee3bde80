/**
 * `qmcsim study noise FILE [--json] [--weights CHECKPOINT] [--export DIR] [--out DIR]`: the device-
 * noise study (src/study/noise-study.ts). Prints the sweep tables, the physics checks and the estimated
 * parameters the results rest on; exit 1 if a check fails (3-bit cells must err more than 2-bit cells;
 * zero noise must give zero errors); a check the data cannot decide prints N/A and does not fail.
 */
import type { Command } from 'commander';
import { didYouMean } from '../../config/did-you-mean.js';
import { UserError } from '../../config/errors.js';
import { canonicalJson } from '../../config/dump.js';
import { tableToCsv } from '../../report/csv.js';
import { formatTable } from '../../report/table.js';
import { registerStudyKinds } from '../../study/kinds.js';
import { noiseStudy } from '../../study/noise-study.js';
import { noiseEstimatedDependencies, noiseEstimateLines } from '../../study/noise-estimates.js';
import { checkLabel, noiseChecks, noiseChecksOk, noiseHtml, noiseTables } from '../../study/noise-tables.js';
import { ExitCode } from '../errors.js';
import { err, out, setExitCode } from '../io.js';
import { prepareOutDir, type PreparedOutDir } from '../out-dir.js';
import { writeResultSet } from '../result-set.js';
import { lazyProgress } from './reproduce.js';

interface StudyCliOptions {
  readonly json?: boolean;
  readonly weights?: string;
  readonly export?: string;
  readonly out?: string;
  readonly progress: boolean;
}

/** Non-finite numbers as strings, as in result.json ('Infinity': an exact SQNR), not JSON.stringify's null. */
const finiteJson = (_k: string, v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

export function register(program: Command): void {
  registerStudyKinds();
  program
    .command('study')
    .description('run a study: `study noise FILE` sweeps MLC level spread (or QMC (p-, p+) step rates) x cell mode and MRAM write-error rate')
    .argument('<kind>', 'study kind (noise)')
    .argument('<file>', 'study YAML, e.g. experiments/noise/default.yaml')
    .option('--json', 'print the result as JSON')
    .option('--weights <checkpoint>', 'safetensors checkpoint (file, index or directory) or GGUF file instead of synthetic weights')
    .option('--export <dir>', 'write the noisy dequantized weights of every sweep point as safetensors')
    .option('--out <dir>', 'write result.json, CSV tables and report.html')
    .option('--no-progress', 'no progress bar on stderr')
    .action(async (kind: string, file: string, o: StudyCliOptions) => {
      if (kind !== 'noise') {
        const dym = didYouMean(kind, ['noise']);
        throw new UserError(`study: unknown study kind '${kind}'; expected 'noise'${dym === '' ? '' : `; ${dym}`}`);
      }
      // Output folders are created once the study file has passed its checks: a malformed file leaves none behind.
      const prepared: PreparedOutDir[] = [];
      const prepare = (): void => {
        if (o.out !== undefined) prepared.push(prepareOutDir(o.out, 'qmcsim study: --out'));
        if (o.export !== undefined) prepared.push(prepareOutDir(o.export, 'qmcsim study: --export'));
      };
      const progress = lazyProgress(o.progress);
      let r;
      try {
        r = await noiseStudy({
          file, onChecked: prepare, ...(o.weights !== undefined ? { weights: o.weights } : {}), ...(o.export !== undefined ? { exportDir: o.export } : {}),
          onProgress: (done, total, label) => progress.update(done / total, label),
          yieldBetween: () => new Promise((res) => setImmediate(res)),
        });
      } catch (e) {
        for (const d of prepared) d.discardIfEmpty(); // a failed study leaves no empty folder behind
        throw e;
      } finally {
        progress.stop();
      }
      const checks = noiseChecks(r);
      const tables = noiseTables(r);
      const estimated = noiseEstimatedDependencies(r.estimates, r.points);
      if (o.out !== undefined) {
        // the study file under the key --json prints it as (README): `study`
        const { file: study, ...rest } = r;
        const html = await noiseHtml(r);
        try {
          // every file or none (a full disk or a directory in the way names the file)
          writeResultSet(o.out, 'qmcsim study: --out', (set) => {
            set.put('result.json', `${canonicalJson({ study, ...rest, checks, estimated }, 2)}\n`);
            for (const t of tables) set.put(`${t.id}.csv`, tableToCsv(t));
            set.put('report.html', html);
          });
        } catch (e) {
          for (const d of prepared) d.discardIfEmpty();
          throw e;
        }
      }
      // printed once --out is written: a study whose files could not be written prints no tables (as run)
      if (o.json) {
        out(JSON.stringify({ study: r.file, model: r.model, weights: r.weights, seed: r.seed, points: r.points, checks,
          designValues: r.designValues, estimates: r.estimates, estimated }, finiteJson, 2));
      } else {
        // the replays may run another model than the weights sampled (replay.set: model=…): say so
        const replayModels = [...new Set(r.points.map((p) => p.replay.model))];
        out(`noise study ${r.file}: weights of ${r.model}, ${r.weights}; per-access bit errors from replays of ${replayModels.join(', ')}${replayModels.some((m) => m !== r.model) ? ' (replay.set)' : ''}`);
        for (const t of tables) out(formatTable(t));
        for (const c of checks) out(`${checkLabel(c).padEnd(4)}  ${c.id}: ${c.detail}`);
        for (const l of noiseEstimateLines(r.designValues, estimated)) out(l);
      }
      if (o.out !== undefined) err(`wrote result.json, ${tables.length} CSV tables and report.html to ${o.out}`);
      if (o.export !== undefined) err(`wrote ${r.points.length} noisy-weight checkpoints to ${o.export}`);
      setExitCode(noiseChecksOk(checks) ? ExitCode.Ok : ExitCode.CheckFailed);
    });
}
