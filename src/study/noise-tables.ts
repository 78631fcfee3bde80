/**
 * Tables, acceptance checks and report of the noise study: the MLC sweeps (cell mode × level spread,
 * cell mode × (p₋, p₊) step rates when given), the MRAM write-error-rate sweep and per-tensor SQNR; checks that 3-bit cells err more (higher
 * bit-error rate, lower weight SQNR) than 2-bit cells at the same spread and that zero noise gives
 * zero errors; a check the data cannot decide is 'not applicable', never a vacuous PASS.
 */
import { buildHtmlReport, type Plot } from '../report/html.js';
import { lineSpec } from '../report/plots.js';
import type { Table } from '../report/table.js';
import { renderVegaLite } from '../report/vega-svg.js';
import type { NoisePoint, NoiseStudyResult } from './noise-study.js';
import { noiseEstimatedDependencies } from './noise-estimates.js';
import { stepEntryText, stepRateText } from './noise-steps.js';

/** 'exact' only for +∞ (no error at all); NaN or −∞ (e.g. a NaN weight in a checkpoint) print as they are. */
const sq = (v: number): number | string => (Number.isFinite(v) ? v : v === Infinity ? 'exact' : String(v));

function sweepRows(points: readonly NoisePoint[]) {
  return points.map((p) => ({
    cells: p.sweep === 'mram' ? 'MRAM' : `${p.cellBits}-bit MLC`, x: p.x,
    ...(p.steps !== undefined ? { entry: `stepRates[${p.steps.index}]`, pDown: stepRateText(p.steps.pDown), pUp: stepRateText(p.steps.pUp) } : {}),
    bitsRead: p.replay.bitsRead, errors: p.replay.bitErrors, ber: p.replay.ber, expectedBer: p.replay.expectedBer,
    accessesWithErrors: p.replay.accessesWithErrors, accesses: p.replay.accesses,
    clean: sq(p.cleanSqnrDb), noisy: sq(p.noisySqnrDb), codes: p.changedCodes, changed: p.changedWeights,
  }));
}

const COLS = [
  { key: 'bitsRead', header: 'bits read (replay)' }, { key: 'errors', header: 'bit errors' },
  { key: 'ber', header: 'BER sampled' }, { key: 'expectedBer', header: 'BER expected' },
  { key: 'accessesWithErrors', header: 'accesses with errors' }, { key: 'accesses', header: 'accesses' },
  { key: 'clean', header: 'SQNR clean', unit: 'dB' }, { key: 'noisy', header: 'SQNR noisy', unit: 'dB' },
  { key: 'codes', header: 'codes read wrong' }, { key: 'changed', header: 'weights changed' },
] as const;

/** Whether the study swept the level spread (a stepRates-only study did not; with neither, the empty spread table stays). */
const hasSpreadSweep = (mlc: readonly NoisePoint[], steps: readonly NoisePoint[]): boolean => mlc.length > 0 || steps.length === 0;

/** A point as the per-tensor table names it. */
function pointLabel(p: NoisePoint): string {
  if (p.steps !== undefined) return `${p.cellBits}-bit MLC, stepRates[${p.steps.index}] ${stepEntryText(p.steps)}`;
  return p.sweep === 'mlc' ? `${p.cellBits}-bit MLC, spread ${p.x}` : `MRAM WER ${p.x}`;
}

export function noiseTables(r: NoiseStudyResult): Table[] {
  const mlc = r.points.filter((p) => p.sweep === 'mlc');
  const steps = r.points.filter((p) => p.sweep === 'mlc-steps');
  const mram = r.points.filter((p) => p.sweep === 'mram');
  const tensors = r.points.flatMap((p) => p.tensors.map((t) => ({
    point: pointLabel(p),
    tensor: t.tensor, numel: t.numel, clean: sq(t.cleanSqnrDb), noisy: sq(t.noisySqnrDb), codes: t.changedCodes, changed: t.changedWeights,
  })));
  return [
    // a stepRates-only study (no levelSpreadScale) has no spread table
    ...(!hasSpreadSweep(mlc, steps) ? [] : [{ id: 'noise-mlc', title: `MLC ReRAM: cell mode x level spread (inliers; weights: ${r.weights})`,
      columns: [{ key: 'cells', header: 'cells' }, { key: 'x', header: 'level spread scale' }, ...COLS], rows: sweepRows(mlc) }]),
    // only when mlc.stepRates is given (the default study's tables stay as they were)
    ...(steps.length === 0 ? [] : [{ id: 'noise-mlc-steps', title: `MLC ReRAM: cell mode x QMC step rates (p₋ one level low, p₊ one level high, per cell read; inliers; weights: ${r.weights})`,
      columns: [{ key: 'cells', header: 'cells' }, { key: 'entry', header: 'entry' }, { key: 'pDown', header: 'p₋' }, { key: 'pUp', header: 'p₊' },
        { key: 'x', header: 'cell error rate (mean p₋+p₊)' }, ...COLS], rows: sweepRows(steps) }]),
    { id: 'noise-mram', title: 'STT-MRAM: write-error rate (outliers)',
      columns: [{ key: 'cells', header: 'memory' }, { key: 'x', header: 'write-error rate' }, ...COLS], rows: sweepRows(mram) },
    { id: 'noise-tensors', title: 'Per-tensor weight SQNR of the noisy dequantized weights',
      columns: [{ key: 'point', header: 'sweep point' }, { key: 'tensor', header: 'tensor' }, { key: 'numel', header: 'weights' },
        { key: 'clean', header: 'SQNR clean', unit: 'dB' }, { key: 'noisy', header: 'SQNR noisy', unit: 'dB' },
        { key: 'codes', header: 'codes read wrong' }, { key: 'changed', header: 'weights changed' }],
      rows: tensors },
  ];
}

export interface NoiseCheck {
  readonly id: string;
  /**
   * true passed, false failed, null not applicable: the data cannot decide it (e.g. no weight of the
   * sample flipped in either cell mode, so their SQNRs are both the clean one). Never a vacuous PASS.
   */
  readonly pass: boolean | null;
  readonly detail: string;
}

/** 'PASS', 'FAIL' or 'N/A' (not applicable) for a check. */
export function checkLabel(c: NoiseCheck): string {
  return c.pass === null ? 'N/A' : c.pass ? 'PASS' : 'FAIL';
}

/** True unless a check failed (not-applicable checks neither pass nor fail the study). */
export function noiseChecksOk(checks: readonly NoiseCheck[]): boolean {
  return checks.every((c) => c.pass !== false);
}

/** Bits the replay read through the noise model and weights sampled: without both a point observes nothing. */
const observed = (p: NoisePoint): string | undefined => {
  if (!(p.replay.bitsRead > 0)) return `no bits were read through the noise model of ${p.replay.memory} in the replay`;
  if (!(p.tensors.reduce((a, t) => a + t.numel, 0) > 0)) return 'no weights were sampled';
  return undefined;
};

/**
 * The physics checks of the study (issue 7 acceptance 3). Each can fail: a comparison that needs
 * flipped weights is 'not applicable' (pass null) when neither mode flipped one, and a check of a
 * point that read no bits through the noise model (or sampled no weights) fails instead of passing.
 */
export function noiseChecks(r: NoiseStudyResult): NoiseCheck[] {
  const out: NoiseCheck[] = [];
  const mlc = r.points.filter((p) => p.sweep === 'mlc');
  for (const p3 of mlc.filter((p) => p.cellBits === 3 && p.x > 0)) {
    const p2 = mlc.find((p) => p.cellBits === 2 && p.x === p3.x);
    if (!p2) continue;
    const blind = observed(p3) ?? observed(p2);
    // No bit error sampled in either mode (a spread so small the rates are ~0): the replay cannot rank them.
    const noErrors = p3.replay.bitErrors === 0 && p2.replay.bitErrors === 0;
    out.push({ id: `ber-3bit-gt-2bit@${p3.x}`, pass: blind !== undefined ? false : noErrors ? null : p3.replay.ber > p2.replay.ber,
      detail: blind !== undefined ? `spread ${p3.x}: ${blind}`
        : noErrors
          ? `spread ${p3.x}: not applicable, no bit error sampled in either mode (expected BER 3-bit ${p3.replay.expectedBer.toExponential(3)} vs 2-bit ${p2.replay.expectedBer.toExponential(3)}); read more bits or a larger spread`
          : `spread ${p3.x}: BER 3-bit ${p3.replay.ber.toExponential(3)} vs 2-bit ${p2.replay.ber.toExponential(3)}` });
    // When neither mode flipped a single weight of the (finite) sample, both SQNRs equal the clean
    // one: the data cannot rank them, so the check is not applicable (it used to pass on the
    // replay's expected rates, i.e. it could not fail).
    const noneFlipped = p3.changedWeights === 0 && p2.changedWeights === 0;
    out.push({
      id: `sqnr-3bit-lt-2bit@${p3.x}`,
      pass: blind !== undefined ? false : noneFlipped ? null : p3.noisySqnrDb < p2.noisySqnrDb,
      detail: blind !== undefined ? `spread ${p3.x}: ${blind}`
        : noneFlipped
          ? `spread ${p3.x}: not applicable, no weight of the sample flipped in either mode (expected BER 3-bit ${p3.replay.expectedBer.toExponential(3)} vs 2-bit ${p2.replay.expectedBer.toExponential(3)}); sample more weights or a larger spread`
          : `spread ${p3.x}: SQNR 3-bit ${p3.noisySqnrDb.toFixed(2)} dB (${p3.changedWeights} weights changed) vs 2-bit ${p2.noisySqnrDb.toFixed(2)} dB (${p2.changedWeights} changed)`,
    });
  }
  for (const p of r.points.filter((q) => q.x === 0)) {
    // Zero errors only mean something if bits were read through the (noise-free) model and weights sampled.
    const blind = observed(p);
    out.push({ id: `zero-noise-${p.sweep}-${p.cellBits}bit`,
      pass: blind === undefined && p.replay.bitErrors === 0 && p.changedCodes === 0 && p.noisySqnrDb === p.cleanSqnrDb,
      detail: blind ?? `${p.replay.bitErrors} bit errors in ${p.replay.bitsRead} bits read in the replay, ${p.changedWeights} weights changed${p.changedCodes !== p.changedWeights ? ` (${p.changedCodes} codes read wrong)` : ''}` });
  }
  return out;
}

/** report.html of the noise study. */
export async function noiseHtml(r: NoiseStudyResult): Promise<string> {
  const mlc = r.points.filter((p) => p.sweep === 'mlc');
  const mram = r.points.filter((p) => p.sweep === 'mram');
  const steps = r.points.filter((p) => p.sweep === 'mlc-steps');
  const ber = (ps: readonly NoisePoint[]) => ps.map((p) => ({ x: p.x, y: p.replay.ber, series: `${p.cellBits}-bit cells` }));
  const sqnr = (ps: readonly NoisePoint[]) => ps.filter((p) => Number.isFinite(p.noisySqnrDb)).map((p) => ({ x: p.x, y: p.noisySqnrDb, series: `${p.cellBits}-bit cells` }));
  const plots: Plot[] = [];
  if (hasSpreadSweep(mlc, steps)) { // a stepRates-only study has no spread plots
    plots.push(
      { id: 'ber', title: 'Bit-error rate vs level spread', svg: await renderVegaLite(lineSpec(ber(mlc), 'Sampled BER per bit read (replay)', 'level spread scale', 'bit-error rate', true)) },
      { id: 'sqnr', title: 'Weight SQNR vs level spread', svg: await renderVegaLite(lineSpec(sqnr(mlc), 'SQNR of noisy dequantized weights', 'level spread scale', 'SQNR (dB)')) },
    );
  }
  plots.push({ id: 'mram', title: 'MRAM write-error rate', svg: await renderVegaLite(lineSpec(
    mram.map((p) => ({ x: p.x, y: p.replay.ber, series: 'MRAM BER (replay)' })), 'Sampled MRAM BER vs write-error rate', 'write-error rate', 'bit-error rate', true)) });
  if (steps.length > 0) {
    const axis = 'cell error rate (mean p₋ + p₊ over levels)';
    plots.push(
      { id: 'steps-ber', title: 'Bit-error rate vs QMC step rates', svg: await renderVegaLite(lineSpec(ber(steps), 'Sampled BER per bit read (replay), mlc.stepRates', axis, 'bit-error rate', true)) },
      { id: 'steps-sqnr', title: 'Weight SQNR vs QMC step rates', svg: await renderVegaLite(lineSpec(sqnr(steps), 'SQNR of noisy dequantized weights, mlc.stepRates', axis, 'SQNR (dB)')) },
    );
  }
  const checks = noiseChecks(r);
  return buildHtmlReport({
    title: `qmcsim: device-noise study, ${r.model}`,
    meta: [['study', r.file], ['weights', r.weights], ['seed', String(r.seed)]],
    verdict: { ok: noiseChecksOk(checks), text: verdictText(checks) },
    sections: [{ heading: 'Sweeps', tables: noiseTables(r), plots }],
    designValues: [
      ...r.designValues,
      // The replays' estimates (run file `estimates:`, device presets) with the values they take.
      ...r.estimates.filter((e) => e.param.startsWith('replay ')).map((e) => ({ name: e.param, value: e.value, derivation: e.source, estimate: true })),
    ],
    estimated: noiseEstimatedDependencies(r.estimates, r.points),
  });
}

/** '5 of 6 physics checks pass' (not-applicable checks counted apart). */
export function verdictText(checks: readonly NoiseCheck[]): string {
  const decided = checks.filter((c) => c.pass !== null);
  const na = checks.length - decided.length;
  return `${decided.filter((c) => c.pass === true).length} of ${decided.length} physics checks pass${na > 0 ? `, ${na} not applicable` : ''}`;
}
