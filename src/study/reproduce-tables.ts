/**
 * The reproduction's tables (claims, configurations, ρ sweep, area, bit errors, design values) and
 * the rows behind its plots, assembled from a ReproduceResult. Pure; used by the console output,
 * the CSV files and report.html alike.
 */
import { claimsTable, reconstructionsTable } from '../report/claims.js';
import { noisePresets } from '../devices/noise/index.js';
import type { BitErrorRow, EnergyPart, LatencyRow, RhoRow } from '../report/plots.js';
import type { Table } from '../report/table.js';
import type { ReproduceResult, RhoPoint } from './reproduce.js';
import { bottleneck, deviceReadEnergy, fetchEnergy, sumDevices, weightBits, weightCells } from './run-summary.js';

const MS = 1e9; // ps per ms
const MJ = 1e9; // pJ per mJ

/** Title of the claims table; says why paper values are absent (another model, or --set overrides). */
export function claimsTitle(r: Pick<ReproduceResult, 'model' | 'paperModel' | 'overrides'>): string {
  const why = r.paperModel ? '' : r.overrides.length > 0 ? `; no paper values with --set ${r.overrides.join(' --set ')}: new results` : '; no paper values for this model: new results';
  return `QMC claims, ${r.model} (one decode token, weight traffic${why})`;
}

/** The paper's claims (basis 'paper'): what "every claim" of the reproduction refers to. */
export function paperClaims(r: Pick<ReproduceResult, 'claims'>): ReproduceResult['claims'] {
  return r.claims.filter((c) => c.basis !== 'reconstruction');
}
/** Absolute figures checked against our closed-form reconstructions (basis 'reconstruction'). */
export function reconstructedFigures(r: Pick<ReproduceResult, 'claims'>): ReproduceResult['claims'] {
  return r.claims.filter((c) => c.basis === 'reconstruction');
}

export function claimsTableOf(r: ReproduceResult): Table {
  const claims = paperClaims(r);
  const t = claimsTable(claims, claimsTitle(r));
  const skipped = (r.skippedSets ?? []).map((x) => `--set ${x.override} applies to the configurations that have that item; ${x.configurations.join(', ')} replayed without it`);
  const notes = [estimatedClaimsNote({ ...r, claims }), fittedClaimsNote(r), readingsNote(r), ...skipped].filter((n): n is string => n !== undefined);
  return notes.length === 0 ? t : { ...t, notes: [...(t.notes ?? []), ...notes] };
}

/** The reconstructed absolute figures' table, or undefined when the study has none. */
export function reconstructionsTableOf(r: ReproduceResult): Table | undefined {
  const figures = reconstructedFigures(r);
  if (figures.length === 0) return undefined;
  const t = reconstructionsTable(figures, `Absolute figures against closed-form reconstructions, ${r.model} (not paper claims; informational)`);
  const est = estimatedClaimsNote({ ...r, claims: figures });
  return est === undefined ? t : { ...t, notes: [...(t.notes ?? []), est] };
}

/**
 * Which paper figures design values were solved from (study.yaml `fittedTo:`), and whether each is
 * used at the value it was fitted at (`fittedValue`: the shipped study's, else the run file's own).
 * All at their fitted values: with the paper's model those claims agree with the paper by
 * construction (their PASS checks the fit, not an independent prediction). A value that differs is
 * named with both values: the claims it was fitted to are then predictions of the changed design.
 * Undefined when no design value was fitted.
 */
export function fittedClaimsNote(r: Pick<ReproduceResult, 'designValues' | 'paperModel'>): string | undefined {
  const by = new Map<string, string[]>();
  for (const d of r.designValues) for (const f of d.fittedTo) by.set(f, [...(by.get(f) ?? []), d.name]);
  if (by.size === 0) return undefined;
  const parts = [...by].map(([claim, names]) => `${claim} (${names.join(', ')})`);
  // '(absent)' at the fitted configuration: the device preset's value, not compared
  const changed = r.designValues.filter((d) => d.fittedTo.length > 0 && d.fittedValue !== undefined && d.fittedValue !== '(absent)' && d.fittedValue !== d.value);
  if (changed.length > 0) {
    const claims = [...new Set(changed.flatMap((d) => d.fittedTo))];
    const list = changed.map((d) => `${d.name} ${d.value} (fitted at ${d.fittedValue ?? '?'})`).join(', ');
    const rest = r.designValues.some((d) => d.fittedTo.length > 0 && !changed.includes(d)) ? '; the other fitted values are used as fitted' : '';
    return `fitted: design values were solved from the paper's ${parts.join('; ')}; changed here: ${list}, so ${claims.join(', ')} ${claims.length === 1 ? 'is' : 'are'} not fitted by construction but a prediction of the changed design${rest}`;
  }
  const why = r.paperModel
    ? 'those agree with the paper by construction, so their PASS checks that the replay realises the fit, not an independent prediction'
    : "the values fitted to the paper's model are used unchanged here";
  return `fitted: design values were solved from the paper's ${parts.join('; ')}; ${why}`;
}

/**
 * Design values that take one of two readings the paper allows (study.yaml `alternative:`), with
 * what the other reading would change: the claims they affect pass under the reading taken.
 * Undefined when none does.
 */
export function readingsNote(r: Pick<ReproduceResult, 'designValues'> & { readonly paperModel?: boolean; readonly model?: string }): string | undefined {
  const taken = r.designValues.filter((d) => d.alternative !== undefined);
  if (taken.length === 0) return undefined;
  // The other reading's consequences (study.yaml `alternative:`) are figures of the paper's model and
  // configurations: with another model or a --set they would contradict the tables printed above.
  const paper = r.paperModel !== false;
  const part = (d: Pick<ReproduceResult, 'designValues'>['designValues'][number]): string => d.reading !== undefined && d.reading !== d.value
    ? `${d.name} ${d.value} (not the study's reading, ${d.reading}, to which the claims it drives were fitted)`
    : paper ? `${d.name} ${d.value} (${d.alternative})` : `${d.name} ${d.value}`;
  const tail = paper ? '' : `; what the other readings would change is stated for the paper's model and configurations (experiments/qmc/study.yaml), not for ${r.model ?? 'this run'}`;
  return `readings: where the paper allows two, the design values take one; ${taken.map(part).join('; ')}${tail}`;
}

/**
 * Which claims rest on estimated values: those an estimated design value of the study affects
 * (study.yaml `affects:`), and the absolute ms / mJ figures, which also rest on the device presets'
 * estimated parameters. Undefined when none does.
 */
export function estimatedClaimsNote(r: Pick<ReproduceResult, 'claims' | 'designValues' | 'runEstimates'>): string | undefined {
  const affected = new Set(r.designValues.filter((d) => d.estimate).flatMap((d) => d.affects));
  const ids = r.claims.filter((c) => affected.has(c.id)).map((c) => c.id);
  const presets = r.runEstimates.some((e) => e.value === 'preset');
  const absolute = presets ? r.claims.filter((c) => c.unit === 'ms' || c.unit === 'mJ').map((c) => c.id) : [];
  if (ids.length === 0 && absolute.length === 0) return undefined;
  const parts = [
    ...(ids.length > 0 ? [`${ids.join(', ')} rest on estimated design values (last table)`] : []),
    ...(absolute.length > 0 ? [`the absolute figures (${absolute.join(', ')}) also on the device presets' estimated parameters (qmcsim describe)`] : []),
  ];
  return `estimates: ${parts.join('; ')}`;
}

export function configurationsTable(r: ReproduceResult): Table {
  return {
    id: 'configurations',
    title: `Per configuration, ${r.model}: one decode token`,
    columns: [
      { key: 'config', header: 'configuration' },
      { key: 'latency', header: 'latency', unit: 'ms' },
      { key: 'bottleneck', header: 'bottleneck' },
      { key: 'eDevice', header: 'device energy', unit: 'mJ' },
      { key: 'eTotal', header: 'energy incl. net', unit: 'mJ' },
      { key: 'bits', header: 'stored weight bits', unit: 'Gbit' },
      { key: 'cells', header: 'cells', unit: 'Gcell' },
      { key: 'external', header: 'external weight bytes', unit: 'MB' },
      { key: 'accesses', header: 'device accesses', unit: 'M' },
    ],
    rows: r.runs.map((s) => ({
      config: s.label,
      latency: s.latencyPs / MS,
      bottleneck: bottleneck(s),
      eDevice: deviceReadEnergy(s) / MJ,
      eTotal: fetchEnergy(s) / MJ,
      bits: weightBits(s) / 1e9,
      cells: weightCells(s) / 1e9,
      external: sumDevices(s, (d) => d.weightBytes, (d) => d.external) / 1e6,
      accesses: Object.entries(s.metrics).filter(([k]) => k.startsWith('accessesByMemory.')).reduce((a, [, v]) => a + v, 0) / 1e6,
    })),
  };
}

export function rhoTable(r: ReproduceResult): Table {
  return {
    id: 'rho-sweep',
    title: `ρ sweep (Fig. 3), ${r.model}: QMC 3-bit MLC`,
    columns: [
      { key: 'rho', header: 'ρ' }, { key: 'latency', header: 'latency', unit: 'ms' },
      { key: 'mram', header: 'MRAM stream', unit: 'ms' }, { key: 'reram', header: 'ReRAM stream', unit: 'ms' },
      { key: 'bottleneck', header: 'bottleneck' }, { key: 'energy', header: 'energy', unit: 'mJ' },
      { key: 'cells', header: 'cells', unit: 'Gcell' }, { key: 'speedup', header: 'latency vs FP16', unit: 'x' },
    ],
    rows: r.rho.map((p) => ({
      rho: p.rho, latency: p.latencyPs / MS, mram: p.mramTimePs / MS, reram: p.reramTimePs / MS,
      bottleneck: p.bottleneck, energy: p.energyPj / MJ, cells: p.cells / 1e9, speedup: p.latencyVsFp16,
    })),
    notes: [
      'stream times are summed per layer; a layer waits for the slower of its MRAM and ReRAM streams (Eq. 3)',
      ...(r.paperModel ? [rhoShapeNote(r.rho)] : []),
    ],
  };
}

/** The shape of a ρ sweep, read off the replayed points (Fig. 3 compares shapes, not values). */
export interface RhoShape {
  /** ρ of the lowest latency. */
  readonly minRho: number;
  /** Latency falls strictly up to the minimum and rises strictly after it, with the minimum inside the sweep. */
  readonly uShaped: boolean;
  /** Smallest ρ from which every point is MRAM-bound; null when the last point is not. */
  readonly mramBoundFrom: number | null;
  /** Largest over smallest energy, minus 1 (0.04 = 4 % spread). */
  readonly energySpread: number;
}

export function rhoShape(points: readonly RhoPoint[]): RhoShape {
  const p = [...points].sort((a, b) => a.rho - b.rho);
  let k = 0;
  p.forEach((x, i) => { if (x.latencyPs < (p[k]?.latencyPs ?? Infinity)) k = i; });
  const lat = p.map((x) => x.latencyPs);
  const uShaped = k > 0 && k < p.length - 1 && lat.every((v, i) => i === 0 || (i <= k ? v < (lat[i - 1] ?? 0) : v > (lat[i - 1] ?? 0)));
  let from: number | null = null;
  for (let i = p.length - 1; i >= 0 && p[i]?.bottleneck === 'mram'; i--) from = p[i]?.rho ?? null;
  const e = p.map((x) => x.energyPj);
  return { minRho: p[k]?.rho ?? Number.NaN, uShaped, mramBoundFrom: from, energySpread: Math.max(...e) / Math.min(...e) - 1 };
}

/** Fig. 3 of the paper against the simulated sweep: shape only (the paper gives no values). */
export function rhoShapeNote(points: readonly RhoPoint[]): string {
  const s = rhoShape(points);
  return `Fig. 3 (paper): latency U-shaped with its minimum at ρ = 0.3, energy nearly flat; simulated: ` +
    `${s.uShaped ? 'U-shaped' : 'not U-shaped'}, minimum at ρ = ${s.minRho}, MRAM-bound from ρ = ${s.mramBoundFrom ?? '(never)'}, ` +
    `energy spread ${(s.energySpread * 100).toFixed(1)} % (the MRAM channel count was fitted to the MRAM-bound crossover, see the design values)`;
}

export function areaTable(r: ReproduceResult): Table {
  const rows = [
    ...Object.entries(r.area.qmcMm2).map(([k, v]) => ({ item: `QMC weights in ${k}`, area: v })),
    { item: 'QMC total', area: r.area.qmcTotalMm2 },
    { item: 'LPDDR5 no longer holding FP16 weights', area: -r.area.dramSavedMm2 },
    { item: 'Flash copy of the FP16 weights removed', area: -r.area.flashSavedMm2 },
    { item: 'net', area: r.area.netMm2 },
  ];
  return {
    id: 'area', title: `Silicon area, ${r.model} (Table 1 densities; Flash density estimated)`,
    columns: [{ key: 'item', header: 'item' }, { key: 'area', header: 'area', unit: 'mm^2' }], rows,
  };
}

export function bitErrorTable(r: ReproduceResult): Table {
  const rows = r.runs.flatMap((s) => s.devices.filter((d) => d.weightBytes > 0).map((d) => ({
    config: s.label, device: d.id, bitsRead: d.bitsRead, errors: d.bitErrors, expected: d.expectedBitErrors,
    ber: d.bitsRead > 0 ? d.bitErrors / d.bitsRead : 0,
  })));
  return {
    id: 'bit-errors', title: 'Bit errors per device (sampled per access in the replay; expectation from the noise model)',
    columns: [
      { key: 'config', header: 'configuration' }, { key: 'device', header: 'device' },
      { key: 'bitsRead', header: 'bits read (noisy devices)' }, { key: 'errors', header: 'bit errors' },
      { key: 'expected', header: 'expected' }, { key: 'ber', header: 'bit-error rate' },
    ],
    rows,
    notes: [
      'bits read are counted on devices with a noise model attached; 0 = no noise model on that device',
      ...noiseModelNotes(r),
      ...(r.layerReuse ? ['layer reuse on: reused layers add their representative layer\'s measured errors, scaled by the SoC to the layer\'s bytes (hence non-integer counts); run with --no-layer-reuse for per-access samples of every layer'] : []),
    ],
  };
}

/**
 * Which noise model and level coding produced each sampled bit-error rate: the rate per bit depends
 * on the coding (a one-level fault flips one bit under gray coding, up to bitsPerCell under binary),
 * so a reader comparing with `qmcsim study noise` (gray by default) needs it.
 */
export function noiseModelNotes(r: Pick<ReproduceResult, 'runs' | 'configs'>): string[] {
  const byModel = new Map<string, string[]>();
  for (const s of r.runs) {
    const cfg = r.configs.find((c) => c.id === s.id)?.config;
    for (const d of s.devices) {
      if (d.bitsRead <= 0) continue;
      const own = cfg?.soc.memories.find((m) => m.id === d.id)?.noise as Record<string, unknown> | undefined;
      if (own === undefined || own.kind === 'none') continue;
      // a preset-based model takes the preset's values for the keys it does not set (devices/noise/from-config.ts)
      const n: Record<string, unknown> = { ...(typeof own.preset === 'string' && own.preset in noisePresets ? noisePresets[own.preset] : {}), ...own };
      const levels = Array.isArray(n.means) ? n.means.length : typeof n.levels === 'number' ? n.levels : undefined;
      // multi-level models code levels as binary unless told otherwise (from-config.ts mlcCommon)
      const coding = typeof n.levelCoding === 'string' ? `, ${n.levelCoding} level coding` : levels !== undefined ? ', binary level coding (default)' : '';
      const spread = typeof n.levelSpreadScale === 'number' && n.levelSpreadScale !== 1 ? `, spread ×${n.levelSpreadScale}` : '';
      const text = `${String(n.kind)}${levels !== undefined ? ` (${levels} levels)` : ''}${spread}${coding}`;
      byModel.set(text, [...(byModel.get(text) ?? []), `${s.label} ${d.id}`]);
    }
  }
  if (byModel.size === 0) return [];
  const list = [...byModel].map(([m, where]) => `${where.join(', ')}: ${m}`).join('; ');
  return [`noise models: ${list}. A one-level cell fault flips one bit under gray coding and up to bits-per-cell bits under binary coding, so per-bit rates depend on the coding (qmcsim study noise uses the coding its file sets; experiments/noise/default.yaml: gray)`];
}

export function designValuesTable(r: ReproduceResult): Table {
  return {
    id: 'design-values', title: 'Design values the result rests on',
    columns: [{ key: 'name', header: 'parameter' }, { key: 'value', header: 'value' }, { key: 'estimate', header: 'estimate' },
      { key: 'affects', header: 'results it drives' }, { key: 'derivation', header: 'derivation' }],
    rows: r.designValues.map((d) => ({ name: d.name, value: d.value, estimate: d.estimate, affects: d.affects.join(', '), derivation: d.derivation })),
  };
}

/** Rows of the energy-breakdown plot: per configuration, device reads per memory plus interconnect. */
export function energyRows(r: ReproduceResult): EnergyPart[] {
  const out: EnergyPart[] = [];
  for (const s of r.runs) {
    for (const d of s.devices) {
      if (d.readEnergyPj > 0) out.push({ config: s.label, part: `${d.id} read`, energyMj: d.readEnergyPj / MJ });
    }
    const net = sumDevices(s, (d) => d.linkEnergyPj) + s.cdcEnergyPj;
    if (net > 0) out.push({ config: s.label, part: 'interconnect', energyMj: net / MJ });
  }
  return out;
}

export function latencyRows(r: ReproduceResult): LatencyRow[] {
  return r.runs.map((s) => ({ config: s.label, latencyMs: s.latencyPs / MS, bottleneck: bottleneck(s) }));
}

export function rhoRows(r: ReproduceResult): RhoRow[] {
  const ref = r.rho.find((p) => Math.abs(p.rho - 0.3) < 1e-9) ?? r.rho[0];
  if (!ref) return [];
  const rows: RhoRow[] = [];
  for (const p of r.rho) {
    rows.push({ rho: p.rho, metric: 'latency', relative: p.latencyPs / ref.latencyPs, bottleneck: p.bottleneck });
    rows.push({ rho: p.rho, metric: 'energy', relative: p.energyPj / ref.energyPj, bottleneck: p.bottleneck });
    rows.push({ rho: p.rho, metric: 'cells', relative: p.cells / ref.cells, bottleneck: p.bottleneck });
    rows.push({ rho: p.rho, metric: 'MRAM stream time', relative: p.mramTimePs / ref.latencyPs, bottleneck: p.bottleneck });
    rows.push({ rho: p.rho, metric: 'ReRAM stream time', relative: p.reramTimePs / ref.latencyPs, bottleneck: p.bottleneck });
  }
  return rows;
}

export function bitErrorRows(r: ReproduceResult): BitErrorRow[] {
  return r.runs.flatMap((s) => s.devices.filter((d) => d.bitsRead > 0).map((d) => ({
    config: s.label, device: d.id,
    ber: d.bitsRead > 0 ? d.bitErrors / d.bitsRead : 0,
    expectedBer: d.bitsRead > 0 ? d.expectedBitErrors / d.bitsRead : 0,
  })));
}

/** Every table of the reproduction, in report order. */
export function reproduceTables(r: ReproduceResult): Table[] {
  const recon = reconstructionsTableOf(r);
  const t = [claimsTableOf(r), ...(recon === undefined ? [] : [recon]), configurationsTable(r)];
  if (r.rho.length > 0) t.push(rhoTable(r));
  t.push(areaTable(r), bitErrorTable(r), designValuesTable(r));
  return t;
}
