/**
 * Writes a reproduction's result bundle: result.json, the resolved configuration of every replayed
 * configuration (configs/<id>/resolved.json with content hash), one CSV per table and a
 * self-contained report.html with SVG plots. Every file is written atomically (temp + rename).
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { atomicWriteFile, canonicalJson, writeResolved } from '../config/dump.js';
import { resolvedRun } from '../arch/resolved-run.js';
import { claimsJson } from '../report/claims.js';
import { tableToCsv } from '../report/csv.js';
import { buildHtmlReport, type EstimatedDependency, type Plot } from '../report/html.js';
import { bitErrorSpec, energyBreakdownSpec, latencySpec, rhoSweepSpec } from '../report/plots.js';
import { renderVegaLite } from '../report/vega-svg.js';
import { requiredClaimsPass } from '../report/claims.js';
import type { ReproduceResult } from './reproduce.js';
import { estimateValueText } from '../arch/estimate-in-use.js';
import {
  areaTable, bitErrorRows, bitErrorTable, claimsTableOf, configurationsTable, energyRows, latencyRows,
  paperClaims, reconstructedFigures, reconstructionsTableOf, reproduceTables, rhoRows, rhoTable,
} from './reproduce-tables.js';

/** The machine-readable result: the fixed `claims` array first, then everything else. */
export function resultJson(r: ReproduceResult): unknown {
  return {
    claims: claimsJson(paperClaims(r)),
    // Absolute figures whose reference is our reconstruction, not a figure the paper states (informational).
    reconstructions: claimsJson(reconstructedFigures(r)),
    model: r.model, paperValues: r.paperModel, seed: r.seed, layerReuse: r.layerReuse,
    claimNotes: Object.fromEntries(r.claims.filter((c) => c.note).map((c) => [c.id, c.note])),
    runs: r.runs.map((s) => ({ id: s.id, label: s.label, latencyPs: s.latencyPs, cdcEnergyPj: s.cdcEnergyPj, devices: s.devices, metrics: s.metrics })),
    rhoSweep: r.rho, area: r.area, designValues: r.designValues, runEstimates: r.runEstimates,
    ...((r.skippedSets ?? []).length > 0 ? { skippedSets: r.skippedSets } : {}),
  };
}

/** Which results rest on which estimated design values. */
export function estimatedDependencies(r: ReproduceResult): EstimatedDependency[] {
  const by = new Map<string, string[]>();
  for (const d of r.designValues) {
    if (!d.estimate) continue;
    for (const a of d.affects) by.set(a, [...(by.get(a) ?? []), `${d.name} = ${d.value}`]);
  }
  const presetEstimates = [...new Set(r.runEstimates.filter((e) => e.value === 'preset').map((e) => e.param))];
  const out = [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([result, restsOn]) => ({ result, restsOn }));
  if (presetEstimates.length > 0) {
    out.push({ result: 'absolute latencies and energies (all configurations)', restsOn: presetEstimates });
  }
  return out;
}

async function plots(r: ReproduceResult): Promise<Plot[]> {
  const p: Plot[] = [
    { id: 'energy', title: 'Energy per token by component', svg: await renderVegaLite(energyBreakdownSpec(energyRows(r), 'Weight-fetch energy per token')) },
    { id: 'latency', title: 'Latency per token', svg: await renderVegaLite(latencySpec(latencyRows(r), 'Weight-fetch latency per token')) },
  ];
  if (r.rho.length > 0) {
    p.push({
      id: 'rho', title: 'ρ sweep (Fig. 3)', svg: await renderVegaLite(rhoSweepSpec(rhoRows(r), 'Latency, energy, cells vs ρ (relative to ρ = 0.3)')),
      caption: 'Point shape shows which stream (MRAM or ReRAM) is the bottleneck at each ρ.',
    });
  }
  p.push({ id: 'bit-errors', title: 'Bit errors per device', svg: await renderVegaLite(bitErrorSpec(bitErrorRows(r), 'Bit-error rate per device and configuration')) });
  return p;
}

/** The report.html text. */
export async function reproduceHtml(r: ReproduceResult): Promise<string> {
  const req = r.claims.filter((c) => c.required && c.pass !== null);
  const ok = requiredClaimsPass(r.claims);
  const pl = await plots(r);
  const plot = (id: string): Plot[] => pl.filter((x) => x.id === id);
  return buildHtmlReport({
    title: `qmcsim: QMC reproduction, ${r.model}`,
    meta: [['model', r.model], ['seed', String(r.seed)], ['layer reuse', r.layerReuse ? 'on' : 'off'], ['study', r.study],
      ['paper values', r.paperModel ? 'yes (arXiv 2601.14549)' : 'none: new results']],
    ...(req.length > 0 ? { verdict: { ok, text: `${req.filter((c) => c.pass).length} of ${req.length} required claims within tolerance` } } : {}),
    sections: [
      { heading: 'Claims', tables: [claimsTableOf(r), ...[reconstructionsTableOf(r)].filter((t) => t !== undefined)], paragraphs: [
        'Every simulated value comes from the run of one decode token: latencies, transfers and energies from the event-driven replay (bytes and accesses moved, device busy and stream time, device action counts priced by the energy tables after the run); stored bits, cells and areas from the placement of the quantized tensors (no timing involved). None is a closed form or a value taken from the paper; the notes under the table say which claims agree with the paper by construction (fitted design values). The second table is not paper claims: it checks absolute times and energies against our closed-form reconstructions from the paper\'s parameters.'] },
      { heading: 'Configurations', tables: [configurationsTable(r)], plots: [...plot('energy'), ...plot('latency')] },
      ...(r.rho.length > 0 ? [{ heading: 'ρ sweep', tables: [rhoTable(r)], plots: plot('rho') }] : []),
      { heading: 'Area', tables: [areaTable(r)] },
      { heading: 'Bit errors', tables: [bitErrorTable(r)], plots: plot('bit-errors') },
    ],
    designValues: [
      ...r.designValues.map((d) => ({ name: d.name, value: d.value, derivation: d.derivation, estimate: d.estimate })),
      // a run file's estimate the study's set: or --set changed shows the value in use, then the file's text
      ...dedupe(r.runEstimates.filter((e) => e.value !== 'preset').map((e) => ({ ...e, value: estimateValueText(e) }))).map((e) => ({ name: e.param, value: e.value, derivation: e.derivation, estimate: true })),
    ],
    estimated: estimatedDependencies(r),
  });
}

function dedupe<T extends { param: string; value: string }>(xs: readonly T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.param}=${x.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Writes the bundle into `dir`; returns the files written (relative names). */
/** Where a bundle's files go: `put` a file's contents, or `write` it with a writer that takes its path. */
export interface BundleSink {
  put(name: string, data: string): void;
  write(name: string, write: (path: string) => void): void;
}

/**
 * The reproduction's result bundle (result.json, configs/<id>/resolved.json, one CSV per table,
 * report.html), in the order written. The CLI stages it all or nothing (src/cli/result-set.ts).
 */
export function fillReproduceBundle(set: BundleSink, r: ReproduceResult, html: string): void {
  set.put('result.json', `${canonicalJson(resultJson(r), 2)}\n`);
  for (const c of r.configs) {
    const resolved = resolvedRun(c.config); // the model's content, not its name or path, is hashed
    set.write(`configs/${c.id}/resolved.json`, (p) => writeResolved(dirname(p), resolved.config, { kind: 'run', file: c.file, overrides: c.overrides, seed: r.seed, ...resolved.files }));
  }
  for (const t of reproduceTables(r)) set.put(`${t.id}.csv`, tableToCsv(t));
  set.put('report.html', html);
}

/** A bundle no longer written: without a ρ sweep (--no-rho) an earlier run's rho-sweep.csv would sit beside results it does not belong to. */
export const STALE_REPRODUCE_FILES = ['rho-sweep.csv'];

/** Writes the bundle into `dir` file by file (each atomically; for tests and library use). */
export async function writeReproduceOutputs(dir: string, r: ReproduceResult): Promise<string[]> {
  const files: string[] = [];
  fillReproduceBundle({
    put: (name, data) => { atomicWriteFile(join(dir, name), data); files.push(name); },
    write: (name, write) => { write(join(dir, name)); files.push(name); },
  }, r, await reproduceHtml(r));
  for (const f of STALE_REPRODUCE_FILES) if (!files.includes(f)) rmSync(join(dir, f), { force: true });
  return files;
}
