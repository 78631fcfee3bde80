/**
 * The results database: a DuckDB file with one row per sweep point (content-addressed id, resolved
 * config, axis values, status, metrics as canonical JSON) plus one row per (point, metric). Each
 * point is written in one transaction, whole or not at all; only the coordinating process writes.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DuckDBInstance, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { canonicalJson } from './canonical.js';

/** Outcome of one point: 'ok', 'infeasible' (a metrics constraint failed) or 'failed' (evaluator error). */
export type PointStatus = 'ok' | 'infeasible' | 'failed';

/** A row of the `points` table. */
export interface PointRow {
  readonly id: string;
  readonly sweep: string;
  readonly index: number;
  readonly seed: number;
  readonly toolVersion: string;
  readonly evaluator: string;
  readonly axes: Readonly<Record<string, unknown>>;
  readonly config: unknown;
  readonly status: PointStatus;
  readonly violated: string | null;
  readonly error: string | null;
  readonly metrics: Readonly<Record<string, number>>;
}

/** A stored point as read back (JSON columns kept as the stored text). */
export interface StoredPoint {
  readonly id: string;
  readonly index: number;
  readonly status: PointStatus;
  readonly violated: string | null;
  readonly error: string | null;
  readonly axesJson: string;
  readonly configJson: string;
  readonly metricsJson: string;
}

const SCHEMA_VERSION = '1';
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS points (
     id VARCHAR PRIMARY KEY, sweep VARCHAR NOT NULL, point_index INTEGER NOT NULL, seed BIGINT NOT NULL,
     tool_version VARCHAR NOT NULL, evaluator VARCHAR NOT NULL, axes VARCHAR NOT NULL, config VARCHAR NOT NULL,
     status VARCHAR NOT NULL, violated VARCHAR, error VARCHAR, metrics VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS metric_values (
     point_id VARCHAR NOT NULL, name VARCHAR NOT NULL, value DOUBLE, PRIMARY KEY (point_id, name))`,
];

/**
 * The database file could not be opened or written (a full disk, no permission, not a DuckDB
 * file). `what` says what failed ('cannot store point 3'), `reason` why, in words.
 */
export class ResultsDbError extends Error {
  readonly reason: string;
  constructor(readonly file: string, readonly what: string, cause: unknown) {
    const reason = dbReason(cause);
    super(`results database ${file}: ${what} (${reason})`);
    this.name = 'ResultsDbError';
    this.reason = reason;
  }
}

/** DuckDB's message in words: 'no space left on device' for `IO Error: Could not write file "x": No space left on device`. */
export function dbReason(e: unknown): string {
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  const os = /: (No space left on device|Permission denied|Read-only file system|Disk quota exceeded|Input\/output error|Is a directory)\b/i.exec(msg);
  if (os !== null) return os[1]!.toLowerCase();
  return msg.replace(/^(IO|TransactionContext|Serialization|Catalog|Invalid Input) Error: /, '');
}

/** An open results database. Call close() when done. */
export class ResultsDb {
  private chain: Promise<unknown> = Promise.resolve();
  private constructor(private readonly instance: DuckDBInstance, private readonly conn: DuckDBConnection, readonly file: string) {}

  /** Opens (creating if needed) the DuckDB file `file`; throws ResultsDbError if it cannot be opened or set up. */
  static async open(file: string): Promise<ResultsDb> {
    mkdirSync(dirname(file), { recursive: true });
    let instance: DuckDBInstance;
    try {
      const { DuckDBInstance } = await import('@duckdb/node-api'); // loaded on first use, not on every CLI start
      instance = await DuckDBInstance.create(file);
    } catch (e) {
      throw new ResultsDbError(file, 'cannot open it', e);
    }
    try {
      const conn = await instance.connect();
      for (const sql of SCHEMA) await conn.run(sql);
      await conn.run(`INSERT INTO meta VALUES ('schemaVersion', $1) ON CONFLICT DO NOTHING`, [SCHEMA_VERSION]);
      return new ResultsDb(instance, conn, file);
    } catch (e) {
      instance.closeSync();
      throw new ResultsDbError(file, 'cannot set it up', e); // e.g. a full disk while creating the tables
    }
  }

  /** Ids among `ids` that are already stored. */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    return this.serial(async () => {
      const out = new Set<string>();
      const r = await this.conn.runAndReadAll(`SELECT id FROM points`);
      const wanted = new Set(ids);
      for (const [id] of r.getRows()) if (typeof id === 'string' && wanted.has(id)) out.add(id);
      return out;
    });
  }

  /**
   * Per build (tool_version) other than `build`: how many of the point indices `indices` of sweep
   * `sweep` are stored only as that build's rows (what --resume cannot reuse after a code change).
   */
  async otherBuilds(sweep: string, build: string, indices: ReadonlySet<number>): Promise<Map<string, number>> {
    return this.serial(async () => {
      const r = await this.conn.runAndReadAll(`SELECT DISTINCT tool_version, point_index FROM points WHERE sweep = $1 AND tool_version <> $2 ORDER BY tool_version`, [sweep, build]);
      const out = new Map<string, number>();
      for (const [v, i] of r.getRows()) if (typeof v === 'string' && indices.has(Number(i))) out.set(v, (out.get(v) ?? 0) + 1);
      return out;
    });
  }

  /** Deletes the given points (used when a sweep is re-run without --resume). */
  async deletePoints(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.serial(async () => {
      await this.conn.run('BEGIN TRANSACTION');
      try {
        for (const id of ids) {
          await this.conn.run(`DELETE FROM metric_values WHERE point_id = $1`, [id]);
          await this.conn.run(`DELETE FROM points WHERE id = $1`, [id]);
        }
        await this.conn.run('COMMIT');
      } catch (e) {
        await this.conn.run('ROLLBACK').catch(() => undefined);
        throw new ResultsDbError(this.file, 'cannot remove the points this run replaces', e);
      }
    });
  }

  /**
   * Stores one point and its metric rows in one transaction. Returns false (and writes nothing)
   * when a point with this id is already stored, so a result delivered twice lands once.
   */
  async insertPoint(row: PointRow): Promise<boolean> {
    return this.serial(async () => {
      await this.conn.run('BEGIN TRANSACTION');
      try {
        const exists = await this.conn.runAndReadAll(`SELECT 1 FROM points WHERE id = $1`, [row.id]);
        if (exists.currentRowCount > 0) {
          await this.conn.run('ROLLBACK');
          return false;
        }
        await this.conn.run(
          `INSERT INTO points VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [row.id, row.sweep, row.index, row.seed, row.toolVersion, row.evaluator, canonicalJson(row.axes),
            canonicalJson(row.config), row.status, row.violated, row.error, canonicalJson(row.metrics)],
        );
        const names = Object.keys(row.metrics).sort();
        if (names.length > 0) {
          const values: DuckDBValue[] = [];
          const tuples = names.map((n, i) => {
            const v = row.metrics[n]!;
            values.push(row.id, n, Number.isFinite(v) ? v : null); // as canonicalJson writes it in points.metrics
            return `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3}::DOUBLE)`;
          });
          await this.conn.run(`INSERT INTO metric_values VALUES ${tuples.join(', ')}`, values);
        }
        await this.conn.run('COMMIT');
        return true;
      } catch (e) {
        await this.conn.run('ROLLBACK').catch(() => undefined);
        throw new ResultsDbError(this.file, `cannot store point ${row.index}`, e);
      }
    });
  }

  /** Stored points among `ids` (all points when omitted), ordered by point index then id. */
  async points(ids?: readonly string[]): Promise<StoredPoint[]> {
    return this.serial(async () => {
      const r = await this.conn.runAndReadAll(
        `SELECT id, point_index, status, violated, error, axes, config, metrics FROM points ORDER BY point_index, id`);
      const wanted = ids === undefined ? null : new Set(ids);
      const out: StoredPoint[] = [];
      for (const o of r.getRowObjectsJS()) {
        const id = String(o['id']);
        if (wanted !== null && !wanted.has(id)) continue;
        out.push({
          id, index: Number(o['point_index']), status: String(o['status']) as PointStatus,
          violated: o['violated'] === null ? null : String(o['violated']),
          error: o['error'] === null ? null : String(o['error']),
          axesJson: String(o['axes']), configJson: String(o['config']), metricsJson: String(o['metrics']),
        });
      }
      return out;
    });
  }

  /** Number of stored points. */
  async count(): Promise<number> {
    return this.serial(async () => Number((await this.conn.runAndReadAll(`SELECT count(*) FROM points`)).getRows()[0]?.[0] ?? 0));
  }

  /** Runs a statement (for exports); serialised with the writes. */
  async exec(sql: string): Promise<void> {
    await this.serial(() => this.conn.run(sql));
  }

  /** Checkpoints and closes the database file. */
  async close(): Promise<void> {
    await this.serial(async () => {
      await this.conn.run('CHECKPOINT').catch(() => undefined);
      this.conn.closeSync();
      this.instance.closeSync();
    });
  }

  /** One statement sequence at a time on the single connection (transactions must not interleave). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
