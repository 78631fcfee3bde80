/**
 * End-of-sweep summary: the Pareto table (console and HTML) and the HTML report with a Pareto
 * scatter, one plot per axis (Vega-Lite rendered to inline SVG by src/report) and the estimated
 * parameters the results rest on.
 */
import type { TopLevelSpec } from 'vega-lite';
import { buildHtmlReport, renderVegaLite, type Plot, type Table } from '../report/index.js';
import { estimatedDependencies, type SweepEstimateUse } from './estimates.js';
import { paretoFront } from './pareto.js';
import type { StoredPoint } from './results-db.js';
import type { SweepSpec } from './spec-types.js';
import { quantityAxis } from './axis-quantity.js';

/** A stored point with parsed axes and metrics. */
export interface ReportPoint {
  readonly id: string;
  readonly index: number;
  readonly status: string;
  readonly axes: Readonly<Record<string, unknown>>;
  readonly metrics: Readonly<Record<string, number>>;
  readonly pareto: boolean;
}

/** Parses stored points and marks the Pareto front over `spec.pareto` among feasible points. */
export function reportPoints(spec: SweepSpec, stored: readonly StoredPoint[]): ReportPoint[] {
  const parsed = stored.map((s) => ({
    id: s.id, index: s.index, status: s.status,
    axes: JSON.parse(s.axesJson) as Record<string, unknown>,
    metrics: JSON.parse(s.metricsJson) as Record<string, number>,
  }));
  // Objectives no point reports (e.g. memoryAreaMm2 without a `derived:` entry) are left out.
  const objectives = paretoObjectives(spec, parsed);
  const candidates = parsed
    .filter((p) => p.status === 'ok' && objectives.every((o) => typeof p.metrics[o] === 'number'))
    .map((p) => ({ id: p.id, values: objectives.map((o) => p.metrics[o]!) }));
  const front = paretoFront(candidates);
  return parsed.map((p) => ({ ...p, pareto: front.has(p.id) }));
}

/** The Pareto objectives of `spec` that at least one point reports. */
export function paretoObjectives(spec: SweepSpec, points: readonly { metrics: Readonly<Record<string, number>> }[]): string[] {
  return spec.pareto.filter((o) => points.some((p) => typeof p.metrics[o] === 'number'));
}

const axisKeys = (spec: SweepSpec): string[] => spec.axes.flatMap((g) => g.keys.map((k) => k.key));

/** Compact text of an axis value: maps as `k=v k=v` (scheme first), lists comma-separated. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v)) return v.map(showValue).join(', ');
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a === 'scheme' ? -1 : b === 'scheme' ? 1 : 0));
    return entries.map(([k, x]) => (k === 'scheme' ? showValue(x) : `${k}=${showValue(x)}`)).join(' ');
  }
  return String(v);
}

/** The Pareto-front table (all points when `all`), axis values then metrics. */
export function paretoTable(spec: SweepSpec, points: readonly ReportPoint[], all = false): Table {
  const metrics = spec.metrics ?? [...new Set(points.flatMap((p) => Object.keys(p.metrics)))].sort();
  const rows = points.filter((p) => all || p.pareto).map((p) => {
    const row: Record<string, string | number | boolean | null> = { index: p.index, status: p.status };
    for (const k of axisKeys(spec)) {
      const v = p.axes[k];
      row[k] = typeof v === 'number' || typeof v === 'boolean' ? v : showValue(v);
    }
    for (const m of metrics) row[m] = p.metrics[m] ?? null;
    return row;
  });
  const objectives = all ? [] : paretoObjectives(spec, points);
  // With layer reuse, reused layers add the mean of their simulated instances: sampled counts become
  // scaled estimates (fractional), as `qmcsim run` marks them with '≈'.
  const scaled = spec.layerReuse ? metrics.filter((m) => m.startsWith('bitErrors')) : [];
  // Queueing delay, link wait and stall depend on each step's starting device state, which reuse changes
  // (src/arch/reuse-estimates.ts): estimates with layerReuse, as `qmcsim run` marks them with '~'.
  const phase = spec.layerReuse ? metrics.filter((m) => /^(queueingDelayPs|linkWaitPs|stallPs)ByMemory\./.test(m)) : [];
  const notes = [
    ...(scaled.length > 0 ? [`${scaled.join(', ')}: scaled estimates with layerReuse (reused layers count the mean of the simulated ones, so values can be fractional); set layerReuse: false for sampled counts`] : []),
    ...(phase.length > 0 ? [`${phase.join(', ')}: estimates with layerReuse (phase-sensitive: queueing delay ±2 %, link wait ±20 %, stall anywhere from 0 to the memory's stream time after the first reused step); set layerReuse: false for exact values`] : []),
  ];
  return {
    ...(notes.length > 0 ? { notes } : {}),
    id: all ? 'points' : 'pareto',
    title: all ? `${spec.name}: all points`
      : objectives.length === 0 ? `${spec.name}: Pareto front empty (no point produced the objectives ${spec.pareto.join(', ')})`
      : `${spec.name}: Pareto front over ${objectives.join(', ')} (minimised)`,
    columns: [
      { key: 'index', header: '#' },
      ...(all ? [{ key: 'status', header: 'status' }] : []),
      ...axisKeys(spec).map((k) => ({ key: k, header: k })),
      ...metrics.map((m) => ({ key: m, header: m })),
    ],
    rows,
  };
}

/** The self-contained HTML report of a sweep. */
export async function sweepHtml(spec: SweepSpec, points: readonly ReportPoint[], meta: readonly (readonly [string, string])[], estimates: readonly SweepEstimateUse[] = []): Promise<string> {
  const ok = points.filter((p) => p.status === 'ok');
  // The Pareto plot (two or more objectives) and one plot per axis, in their own sections.
  const pareto: Plot[] = [];
  const plots: Plot[] = [];
  const objectives = paretoObjectives(spec, points);
  const [ox, oy] = objectives;
  if (ox !== undefined && oy !== undefined) {
    const values = ok.filter((p) => p.metrics[ox] !== undefined && p.metrics[oy] !== undefined).map((p) => ({
      x: p.metrics[ox], y: p.metrics[oy], front: p.pareto ? 'Pareto front' : 'dominated',
      point: axisKeys(spec).map((k) => `${k}=${showValue(p.axes[k])}`).join(' '),
    }));
    const vl: TopLevelSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: `${oy} vs ${ox}`, width: 520, height: 320,
      data: { values }, mark: { type: 'point', filled: true },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: ox, scale: logIfPositive(values.map((v) => v.x)), axis: { format: '.3~s' } },
        y: { field: 'y', type: 'quantitative', title: oy, scale: logIfPositive(values.map((v) => v.y)), axis: { format: '.3~s' } },
        color: { field: 'front', type: 'nominal', title: '' },
        tooltip: [{ field: 'point' }],
      },
    };
    pareto.push({ id: 'pareto', title: 'Pareto front', svg: await renderVegaLite(vl), caption: `Each dot is a feasible point; the front minimises ${objectives.join(', ')}.` });
  }
  for (const axis of spec.axes.flatMap((g) => g.keys)) {
    const k = axis.key;
    // Quantities of one dimension ('2 ns', '10 ns'; 0.1 beside '30 %') are plotted on a numeric axis
    // in canonical units, not as text categories (which would sort '10 ns' before '2 ns').
    const q = quantityAxis(axis);
    const numeric = q !== undefined || ok.every((p) => typeof p.axes[k] === 'number');
    const xOf = (v: unknown): unknown => (q !== undefined ? q.value(v) : numeric ? v : showValue(v));
    const title = q === undefined ? k : `${k} (${q.unit})`;
    const values = ok.flatMap((p) => objectives.filter((m) => p.metrics[m] !== undefined)
      .map((m) => ({ x: xOf(p.axes[k]), metric: m, y: p.metrics[m] })));
    if (values.length === 0) continue;
    const vl: TopLevelSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: `metrics vs ${k}`,
      data: { values },
      facet: { row: { field: 'metric', type: 'nominal', title: null } },
      spec: {
        width: 420, height: 140,
        layer: [
          { mark: { type: 'point', opacity: 0.5 }, encoding: { x: { field: 'x', type: numeric ? 'quantitative' : 'nominal', title }, y: { field: 'y', type: 'quantitative', title: null, scale: { zero: false }, axis: { format: '.3~s' } } } },
          { mark: { type: 'line', color: '#c44' }, encoding: { x: { field: 'x', type: numeric ? 'quantitative' : 'nominal' }, y: { field: 'y', aggregate: 'min', type: 'quantitative' } } },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    };
    plots.push({ id: `axis-${k.replace(/[^A-Za-z0-9]+/g, '-')}`, title: k, svg: await renderVegaLite(vl), caption: `All feasible points against ${k}; the red line is the best (minimum) value at each ${k}.` });
  }
  const counts = ['ok', 'infeasible', 'failed'].map((s) => `${points.filter((p) => p.status === s).length} ${s}`).join(', ');
  return buildHtmlReport({
    title: `Sweep ${spec.name}`,
    meta,
    sections: [
      { heading: 'Pareto front', paragraphs: [spec.description, `${points.length} points stored: ${counts}.`].filter((s) => s !== ''), tables: [paretoTable(spec, points)], plots: pareto },
      { heading: 'Per axis', plots },
      { heading: 'All points', tables: [paretoTable(spec, points, true)] },
    ],
    designValues: estimates.map((e) => ({ name: e.param, value: e.value, derivation: e.source, estimate: true })),
    estimated: estimatedDependencies(estimates, points.filter((p) => p.status !== 'failed').length),
  });
}

/** Log scale when all values are positive and span more than a decade; else linear without zero. */
function logIfPositive(xs: readonly (number | undefined)[]): { type: 'log' } | { zero: false } {
  const v = xs.filter((x): x is number => typeof x === 'number');
  const min = Math.min(...v);
  const max = Math.max(...v);
  return v.length > 0 && min > 0 && max / min > 10 ? { type: 'log' } : { zero: false };
}
