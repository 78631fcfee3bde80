/**
 * Exports a sweep's stored points with DuckDB COPY: one row per point, a column per axis key and
 * per metric (pivoted from metric_values), ordered by point index. A quantity axis ('10 %', '3.5 ns')
 * is a numeric column in its canonical unit, named with the unit in brackets ('quant.rho [ratio]',
 * 'soc.memories[0].link.latency [ps]'; metric columns carry theirs as a name suffix, latencyPerTokenPs). CSV and Parquet, each written to
 * a temporary file and renamed into place (the temporary file is removed on exit, also when Ctrl-C
 * ends the process mid-COPY). An axis whose every value is an integer is a BIGINT column (CSV '32',
 * not '32.0'); other numeric axes are DOUBLE. The last column, `estimated_params`, lists the
 * estimated parameters each point rests on ('; '-separated, as in the report); the Parquet file also
 * carries them with values and sources as key-value metadata `qmcsim.estimates` (JSON).
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SweepEstimateUse } from './estimates.js';
import { estimatesByPoint, storedPointEstimates } from './export-estimates.js';
import { axisCanonicaliser, axisColumnName, quantityAxis } from './axis-quantity.js';
import { canonicalJson } from './canonical.js';
import type { ResultsDb } from './results-db.js';
import { valueAtIndex } from './samplers.js';
import type { AxisKey, SweepSpec } from './spec-types.js';

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * 'BIGINT' when every value the axis can take is a safe integer (a list of integers, an `integer:`
 * range, a stepped range whose grid values are all integers; for a quantity axis its canonical
 * values, e.g. times in integer ps), 'DOUBLE' for other numeric and quantity axes, null for text axes
 * (kept as the stored string).
 */
function axisColumnType(k: AxisKey): 'BIGINT' | 'DOUBLE' | null {
  const d = k.domain;
  const q = quantityAxis(k);
  if (d.kind === 'values') {
    const values = q === undefined ? d.values : d.values.map((v) => q.value(v));
    if (!values.every((v) => typeof v === 'number')) return null;
    return values.every((v) => Number.isSafeInteger(v)) ? 'BIGINT' : 'DOUBLE';
  }
  if (q !== undefined) {
    if (q.dim === 'time') return 'BIGINT'; // integer ps
    if (d.steps === undefined) return 'DOUBLE';
    for (let i = 0; i < d.steps; i++) if (!Number.isSafeInteger(q.value(valueAtIndex(k, i)))) return 'DOUBLE';
    return 'BIGINT';
  }
  if (d.unit !== '') return null;
  const safeEnds = Number.isSafeInteger(Math.round(d.from)) && Number.isSafeInteger(Math.round(d.to));
  if (d.integer) return safeEnds ? 'BIGINT' : 'DOUBLE';
  if (d.steps === undefined) return 'DOUBLE';
  for (let i = 0; i < d.steps; i++) if (!Number.isSafeInteger(valueAtIndex(k, i))) return 'DOUBLE';
  return 'BIGINT';
}

/** The SELECT giving the export rows of `ids` (stored in temp table sweep_ids). */
function exportSelect(spec: SweepSpec, metricNames: readonly string[]): string {
  const axisCols = spec.axes.flatMap((g) => g.keys).map((k) => {
    const type = axisColumnType(k);
    // from the point's axes with quantities as canonical numbers (s.axes), so '10 %' and 0.1 are one value
    const ex = `json_extract_string(s.axes, ${lit(`$."${k.key}"`)})`;
    return `${type !== null ? `CAST(${ex} AS ${type})` : ex} AS ${ident(axisColumnName(k))}`;
  });
  const metricCols = metricNames.map((m) => `max(CASE WHEN m.name = ${lit(m)} THEN m.value END) AS ${ident(m)}`);
  return `SELECT p.id, p.point_index, p.status, p.violated, p.error${[...axisCols, ...metricCols].map((c) => `, ${c}`).join('')}, s.estimated AS estimated_params
    FROM points p JOIN sweep_ids s ON s.id = p.id LEFT JOIN metric_values m ON m.point_id = p.id
    GROUP BY p.id, p.point_index, p.status, p.violated, p.error, s.axes, s.estimated ORDER BY p.point_index, p.id`;
}

/**
 * Writes `csvFile` and `parquetFile` for the points `ids`; `metricNames` become columns. `estimates`:
 * the estimated parameters of these points (default: listed from the stored points by the sweep's
 * evaluator, as the report lists them).
 */
export async function exportPoints(db: ResultsDb, spec: SweepSpec, ids: readonly string[], metricNames: readonly string[], files: { csv: string; parquet: string }, estimates?: readonly SweepEstimateUse[]): Promise<void> {
  mkdirSync(dirname(files.csv), { recursive: true });
  mkdirSync(dirname(files.parquet), { recursive: true });
  // the stored points (read once) map point indices to ids; with no estimates there is nothing to map
  const stored = await db.points(ids);
  const uses = estimates ?? await storedPointEstimates(spec, stored);
  const byPoint = estimatesByPoint(uses);
  const estimatedOf = new Map(stored.map((p) => [p.id, byPoint.get(p.index) ?? '']));
  // quantity axis values as canonical numbers, whichever spelling ('10 %', 0.1) stored the point
  const canonical = axisCanonicaliser(spec.axes.flatMap((g) => g.keys));
  const axesOf = new Map(stored.map((p) => [p.id, canonicalJson(canonical(JSON.parse(p.axesJson) as Record<string, unknown>))]));
  await db.exec(`CREATE OR REPLACE TEMP TABLE sweep_ids (id VARCHAR, estimated VARCHAR, axes VARCHAR)`);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (chunk.length > 0) await db.exec(`INSERT INTO sweep_ids VALUES ${chunk.map((id) => `(${lit(id)}, ${lit(estimatedOf.get(id) ?? '')}, ${lit(axesOf.get(id) ?? '{}')})`).join(', ')}`);
  }
  const kv = `KV_METADATA {${lit('qmcsim.estimates')}: ${lit(JSON.stringify(uses))}}`;
  const select = exportSelect(spec, metricNames);
  // Each file is written beside its final name and renamed into place, so an interrupted export
  // (Ctrl-C) never leaves a half-written points.csv / points.parquet.
  // Ctrl-C ends the sweep command with process.exit, where no finally block runs: the exit hook
  // removes a temporary file a COPY was still writing.
  for (const [file, format] of [[files.csv, 'FORMAT CSV, HEADER'], [files.parquet, `FORMAT PARQUET, ${kv}`]] as const) {
    const tmp = `${file}.tmp-${process.pid}`;
    const discard = (): void => rmSync(tmp, { force: true });
    process.once('exit', discard);
    try {
      await db.exec(`COPY (${select}) TO ${lit(tmp)} (${format})`);
      renameSync(tmp, file);
    } finally {
      process.off('exit', discard);
      discard();
    }
  }
  await db.exec(`DROP TABLE sweep_ids`);
}
