/**
 * The files `qmcsim sweep` writes beside its database (points.csv, points.parquet, report.html),
 * all or nothing: the tables are exported into a hidden folder inside --out, then the three files are
 * moved into place together (result-set.ts). A full disk names the file; the points stay stored.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../config/errors.js';
import { exportPoints } from '../sweep/export.js';
import { dbReason, type ResultsDb } from '../sweep/results-db.js';
import type { SweepSpec } from '../sweep/spec-types.js';
import type { SweepEstimateUse } from '../sweep/estimates.js';
import { fsReason, writeResultSet } from './result-set.js';

/** What writeSweepOutputs writes and from what. */
export interface SweepOutputs {
  readonly db: ResultsDb;
  readonly dbFile: string;
  readonly spec: SweepSpec;
  readonly ids: readonly string[];
  readonly metricNames: readonly string[];
  readonly outDir: string;
  /** The estimated parameters of these points (as the report lists them), for the tables' estimated_params column. */
  readonly estimates: readonly SweepEstimateUse[];
}

/**
 * Exports the tables into a staging folder inside `outDir` (awaited: call before the last signal
 * check) and returns the synchronous step that moves them and `report.html` into place, and the
 * one that removes the staging folder (call it in a finally: a stop between the two leaves none).
 */
export async function stageSweepOutputs(o: SweepOutputs): Promise<{ place(htmlText: string): void; discard(): void }> {
  const stored = `; the ${o.ids.length} points are stored in ${o.dbFile}: run the same command with --resume to write the tables and report`;
  let stage: string;
  try {
    stage = mkdtempSync(join(o.outDir, '.qmcsim-export-'));
  } catch (e) {
    throw new UserError(`qmcsim sweep: --out ${o.outDir}: cannot write points.csv (${fsReason(e)})${stored}`);
  }
  const discard = (): void => rmSync(stage, { recursive: true, force: true });
  process.once('exit', discard); // Ctrl-C ends the command with process.exit, where no finally runs
  const csv = join(stage, 'points.csv');
  const parquet = join(stage, 'points.parquet');
  try {
    await exportPoints(o.db, o.spec, o.ids, o.metricNames, { csv, parquet }, o.estimates);
  } catch (e) {
    process.off('exit', discard);
    discard();
    throw new UserError(`qmcsim sweep: --out ${o.outDir}: cannot write ${existsSync(csv) ? 'points.parquet' : 'points.csv'} (${dbReason(e)})${stored}`);
  }
  const done = (): void => {
    process.off('exit', discard);
    discard();
  };
  const place = (htmlText: string): void => {
    try {
      writeResultSet(o.outDir, 'qmcsim sweep: --out', (set) => {
        set.write('points.csv', (p) => renameSync(csv, p));
        set.write('points.parquet', (p) => renameSync(parquet, p));
        set.put('report.html', htmlText);
      });
    } catch (e) {
      if (e instanceof UserError) throw new UserError(`${e.message}${stored}`);
      throw e;
    } finally {
      done();
    }
  };
  return { place, discard: done };
}
