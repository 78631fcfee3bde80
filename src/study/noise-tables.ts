/**
 * Tables, acceptance checks and report of the noise study: the MLC sweep (cell mode × level spread),
 * the MRAM write-error-rate sweep and per-tensor SQNR; checks that 3-bit cells err more (higher
 * bit-error rate, lower weight SQNR) than 2-bit cells at the same spread and that zero noise gives
 * zero errors.
 */
import { buildHtmlReport, type Plot } from '../report/html.js';
import { lineSpec } from '../report/plots.js';
import type { Table } from '../report/table.js';
import { renderVegaLite } from '../report/vega-svg.js';
import type { NoisePoint, NoiseStudyResult } from './noise-study.js';

const sq = (v: number): number | string => (Number.isFinite(v) ? v : 'exact');

function sweepRows(points: readonly NoisePoint[]) {
  return points.map((p) => ({
    cells: p.sweep === 'mlc' ? `${p.cellBits}-bit MLC` : 'MRAM', x: p.x,
    bitsRead: p.replay.bitsRead, errors: p.replay.bitErrors, ber: p.replay.ber, expectedBer: p.replay.expectedBer,
    accessesWithErrors: p.replay.accessesWithErrors, accesses: p.replay.accesses,
    clean: sq(p.cleanSqnrDb), noisy: sq(p.noisySqnrDb), changed: p.changedValues,
  }));
}

const COLS = [
  { key: 'bitsRead', header: 'bits read (replay)' }, { key: 'errors', header: 'bit errors' },
  { key: 'ber', header: 'BER sampled' }, { key: 'expectedBer', header: 'BER expected' },
  { key: 'accessesWithErrors', header: 'accesses with errors' }, { key: 'accesses', header: 'accesses' },
  { key: 'clean', header: 'SQNR clean', unit: 'dB' }, { key: 'noisy', header: 'SQNR noisy', unit: 'dB' },
  { key: 'changed', header: 'weights changed' },
] as const;

export function noiseTables(r: NoiseStudyResult): Table[] {
  const mlc = r.points.filter((p) => p.sweep === 'mlc');
  const mram = r.points.filter((p) => p.sweep === 'mram');
  const tensors = r.points.flatMap((p) => p.tensors.map((t) => ({
    point: p.sweep === 'mlc' ? `${p.cellBits}-bit MLC, spread ${p.x}` : `MRAM WER ${p.x}`,
    tensor: t.tensor, numel: t.numel, clean: sq(t.cleanSqnrDb), noisy: sq(t.noisySqnrDb), changed: t.changedValues,
  })));
  return [
    { id: 'noise-mlc', title: `MLC ReRAM: cell mode x level spread (inliers; weights: ${r.weights})`,
      columns: [{ key: 'cells', header: 'cells' }, { key: 'x', header: 'level spread scale' }, ...COLS], rows: sweepRows(mlc) },
    { id: 'noise-mram', title: 'STT-MRAM: write-error rate (outliers)',
      columns: [{ key: 'cells', header: 'memory' }, { key: 'x', header: 'write-error rate' }, ...COLS], rows: sweepRows(mram) },
    { id: 'noise-tensors', title: 'Per-tensor weight SQNR of the noisy dequantized weights',
      columns: [{ key: 'point', header: 'sweep point' }, { key: 'tensor', header: 'tensor' }, { key: 'numel', header: 'weights' },
        { key: 'clean', header: 'SQNR clean', unit: 'dB' }, { key: 'noisy', header: 'SQNR noisy', unit: 'dB' }, { key: 'changed', header: 'changed' }],
      rows: tensors },
  ];
}

export interface NoiseCheck {
  readonly id: string;
  readonly pass: boolean;
  readonly detail: string;
}

/** The physics checks of the study (issue 7 acceptance 3). */
export function noiseChecks(r: NoiseStudyResult): NoiseCheck[] {
  const out: NoiseCheck[] = [];
  const mlc = r.points.filter((p) => p.sweep === 'mlc');
  for (const p3 of mlc.filter((p) => p.cellBits === 3 && p.x > 0)) {
    const p2 = mlc.find((p) => p.cellBits === 2 && p.x === p3.x);
    if (!p2) continue;
    out.push({ id: `ber-3bit-gt-2bit@${p3.x}`, pass: p3.replay.ber > p2.replay.ber,
      detail: `spread ${p3.x}: BER 3-bit ${p3.replay.ber.toExponential(3)} vs 2-bit ${p2.replay.ber.toExponential(3)}` });
    // When neither mode flipped a single weight of the (finite) sample, the SQNRs are equal to the
    // clean one; the check then rests on the replay's expected rates instead.
    const noneFlipped = p3.changedValues === 0 && p2.changedValues === 0;
    out.push({
      id: `sqnr-3bit-lt-2bit@${p3.x}`,
      pass: noneFlipped ? p3.replay.expectedBer > p2.replay.expectedBer : p3.noisySqnrDb < p2.noisySqnrDb,
      detail: noneFlipped
        ? `spread ${p3.x}: no weight of the sample flipped in either mode; expected BER 3-bit ${p3.replay.expectedBer.toExponential(3)} vs 2-bit ${p2.replay.expectedBer.toExponential(3)}`
        : `spread ${p3.x}: SQNR 3-bit ${p3.noisySqnrDb.toFixed(2)} dB vs 2-bit ${p2.noisySqnrDb.toFixed(2)} dB`,
    });
  }
  for (const p of r.points.filter((q) => q.x === 0)) {
    out.push({ id: `zero-noise-${p.sweep}-${p.cellBits}bit`, pass: p.replay.bitErrors === 0 && p.changedValues === 0 && p.noisySqnrDb === p.cleanSqnrDb,
      detail: `${p.replay.bitErrors} bit errors in the replay, ${p.changedValues} weights changed` });
  }
  return out;
}

/** report.html of the noise study. */
export async function noiseHtml(r: NoiseStudyResult): Promise<string> {
  const mlc = r.points.filter((p) => p.sweep === 'mlc');
  const mram = r.points.filter((p) => p.sweep === 'mram');
  const plots: Plot[] = [
    { id: 'ber', title: 'Bit-error rate vs level spread', svg: await renderVegaLite(lineSpec(
      mlc.map((p) => ({ x: p.x, y: p.replay.ber, series: `${p.cellBits}-bit cells` })), 'Sampled BER per bit read (replay)', 'level spread scale', 'bit-error rate', true)) },
    { id: 'sqnr', title: 'Weight SQNR vs level spread', svg: await renderVegaLite(lineSpec(
      mlc.filter((p) => Number.isFinite(p.noisySqnrDb)).map((p) => ({ x: p.x, y: p.noisySqnrDb, series: `${p.cellBits}-bit cells` })), 'SQNR of noisy dequantized weights', 'level spread scale', 'SQNR (dB)')) },
    { id: 'mram', title: 'MRAM write-error rate', svg: await renderVegaLite(lineSpec(
      mram.map((p) => ({ x: p.x, y: p.replay.ber, series: 'MRAM BER (replay)' })), 'Sampled MRAM BER vs write-error rate', 'write-error rate', 'bit-error rate', true)) },
  ];
  const checks = noiseChecks(r);
  return buildHtmlReport({
    title: `qmcsim: device-noise study, ${r.model}`,
    meta: [['study', r.file], ['weights', r.weights], ['seed', String(r.seed)]],
    verdict: { ok: checks.every((c) => c.pass), text: `${checks.filter((c) => c.pass).length} of ${checks.length} physics checks pass` },
    sections: [{ heading: 'Sweeps', tables: noiseTables(r), plots }],
    designValues: [], estimated: [{ result: 'all bit-error rates', restsOn: ['NVMExplorer nvmFI level sets as proxy for the paper\'s 40 nm device (qmc-paper.md §6)', 'MRAM write-error rates (estimates)'] }],
  });
}
