/**
 * Device construction and the preset catalogue: `createDevice` by type, the explicit list of
 * device plug-ins, every named preset (SRAM, STT-MRAM, ReRAM, LPDDR5) with its sources, the
 * parameters resting on estimates and the energy tables that price it, and devices built from
 * `kind: devices` configuration entries (preset + overrides). Re-exported by src/devices/index.ts.
 */
import { Engine } from '../../engine/engine.js';
import type { PluginDescriptor, Source } from '../../config/plugin.js';
import type { MemoryDevice } from '../device.js';
import type { z } from 'zod';
import { SttMram, type SttMramParams } from '../nvm/stt-mram.js';
import { Reram, type ReramParams } from '../nvm/reram.js';
import { Sram, type SramParams } from '../sram/sram.js';
import type { AccessNoiseLike } from '../nvm/device-core.js';
import { withReadNoise } from '../noise/read-noise-device.js';
import { sttMramDescriptor, sttMramSchema } from '../nvm/stt-mram-plugin.js';
import { reramDescriptor, reramSchema } from '../nvm/reram-plugin.js';
import { sramDescriptor, sramSchema } from '../sram/sram-plugin.js';
import { createLpddr5, lpddr5Descriptor, lpddr5EnergyTable, lpddr5Preset, lpddr5_6400Timings, resolveLpddr5, type Lpddr5Params, type PresetName, type TimingValues } from '../dram/index.js';
import { parseLpddr5Params } from '../dram/lpddr5-schema.js';
import { LPDDR5_DEFAULTS, lpddr5PresetOf } from '../dram/lpddr5-params.js';
import { reramEnergyTable, sramEnergyTable, sttMramEnergyTable } from '../energy/device-tables.js';
import { fromLpddr5Table, lpddr5QmcTable } from '../energy/lpddr5-tables.js';
import type { EnergyTable } from '../energy/energy-table.js';
import { effectivePreset, leakageScales, lookupPreset, nvmAndSramPresets, presetEstimates, presetFor, resolvePreset, scaleLeakage, scaledLeakageSource, type DevicePreset, type PresetLookup, type SourcedValue } from './index.js';
import { DeviceParamError, paramOf } from '../param-error.js';


/** Every device plug-in, in a fixed order. */
export const devicePlugins: readonly PluginDescriptor[] = [sramDescriptor, sttMramDescriptor, reramDescriptor, lpddr5Descriptor];

/** Canonical parameters by device type. */
export interface DeviceParamsByType {
  readonly sram: SramParams;
  readonly 'stt-mram': SttMramParams;
  readonly reram: ReramParams;
  readonly lpddr5: Lpddr5Params;
}
export type DeviceType = keyof DeviceParamsByType;
export const deviceTypes: readonly DeviceType[] = ['sram', 'stt-mram', 'reram', 'lpddr5'];

/** Options every device accepts. */
export interface CreateDeviceOptions {
  /** Run seed for the device's rngFor(seed, path) streams. */
  readonly seed?: number;
  /** Read-noise model: SRAM / STT-MRAM / ReRAM sample it themselves, LPDDR5 through ReadNoiseDevice. */
  readonly noise?: AccessNoiseLike;
}

/** Creates a device of `type` from canonical parameters. */
export function createDevice<T extends DeviceType>(type: T, params: DeviceParamsByType[T], engine: Engine, path: string, opts: CreateDeviceOptions = {}): MemoryDevice {
  const ctx = { engine, path, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.noise !== undefined ? { noise: opts.noise } : {}) };
  switch (type) {
    case 'sram': return new Sram(params as SramParams, ctx);
    case 'stt-mram': return new SttMram(params as SttMramParams, ctx);
    case 'reram': return new Reram(params as ReramParams, ctx);
    case 'lpddr5': return withReadNoise(createLpddr5(engine, params as Lpddr5Params, path), opts.noise, opts.seed);
    default: throw new Error(`unknown device type '${String(type)}' (known: ${deviceTypes.join(', ')})`);
  }
}

/** zod schemas (YAML strings → canonical params) of the SRAM / NVM types. */
export const deviceSchemas = { sram: sramSchema, 'stt-mram': sttMramSchema, reram: reramSchema } as const;

/** One named device preset, ready to build and price. */
export interface DeviceCatalogEntry {
  readonly name: string;
  readonly type: DeviceType;
  readonly summary: string;
  /** Other names it is found by (an LPDDR5 entry: its plug-in preset name, as a `kind: devices` entry writes it). */
  readonly aliases?: readonly string[];
  /** Parameter (or energy entry, prefixed 'energy.') → its source. */
  readonly sources: Readonly<Record<string, Source>>;
  /** Names in `sources` that are estimates: results resting on them should say so. */
  readonly estimates: readonly string[];
  /**
   * The estimates of the preset YAML-style `overrides` apply to, overridden names left out (a QMC
   * ReRAM preset at another bitsPerCell is that mode's preset, with that mode's estimates).
   */
  estimatesFor?(overrides: Record<string, unknown>): readonly string[];
  /** Builds the device; `overrides` are YAML-style values for SRAM/NVM, canonical for LPDDR5. */
  create(engine: Engine, path: string, opts?: CreateDeviceOptions & { readonly overrides?: Record<string, unknown> }): MemoryDevice;
  /** Energy tables to price it with, the preset's own first. */
  energyTables(overrides?: Record<string, unknown>): EnergyTable[];
}

/** Each parameter's source (and estimate mark) in a preset. */
function sourcesOf(p: DevicePreset<unknown>): Record<string, Source> {
  const sources: Record<string, Source> = {};
  for (const [k, v] of Object.entries(p.params as Record<string, SourcedValue>)) sources[k] = { source: v.source, ...(v.estimate === true ? { estimate: true } : {}) };
  return sources;
}

function nvmEntry(p: DevicePreset<unknown>): DeviceCatalogEntry {
  const type = p.type as 'sram' | 'stt-mram' | 'reram';
  const schema = deviceSchemas[type] as z.ZodType<unknown, unknown>;
  const sources = sourcesOf(p);
  const params = (o: Record<string, unknown> = {}): unknown => resolvePreset(p, schema, o);
  const table = (o: Record<string, unknown> = {}): EnergyTable => {
    // sources of the preset the overrides apply to (re-derived for a bitsPerCell / clock override)
    const eff = effectivePreset(p, schema, o);
    const own = sourcesOf(eff);
    const s: Record<string, Source | undefined> = { ...own };
    for (const k of Object.keys(o)) s[k] = undefined; // overridden: 'user configuration'
    const po = params(o);
    const leak = own.leakagePower;
    if (leakageScales(o) && leak !== undefined) s.leakagePower = { ...leak, source: scaledLeakageSource(leak.source, resolvePreset(eff, schema) as Record<string, unknown>, po as Record<string, unknown>) };
    if (type === 'sram') return sramEnergyTable(po as SramParams, s, p.name);
    if (type === 'stt-mram') return sttMramEnergyTable(po as SttMramParams, s, p.name);
    return reramEnergyTable(po as ReramParams, s, p.name);
  };
  return {
    name: p.name, type, summary: p.summary, sources, estimates: presetEstimates(p),
    estimatesFor: (o) => presetEstimates(effectivePreset(p, schema, o)).filter((k) => o[k] === undefined),
    create: (engine, path, opts = {}) => createDevice(type, params(opts.overrides) as never, engine, path, opts),
    energyTables: (o) => [table(o)],
  };
}

/**
 * The energy tables of LPDDR5 preset `preset`, its own first: the QMC Table 1 numbers and the
 * IDD-based table (Orin AGX currents) priced with `timings` (default: BG-mode 16 Gb).
 */
function lpddr5Tables(preset: PresetName, timings?: TimingValues): EnergyTable[] {
  const idd = fromLpddr5Table(lpddr5EnergyTable('orin-agx', timings));
  return lpddr5Preset(preset).energyTable === 'qmc-table1' ? [lpddr5QmcTable, idd] : [idd, lpddr5QmcTable];
}

/** LPDDR5 parameters that only matter with power-down or self-refresh on (off in every preset). */
const LPDDR5_POWER_ONLY = new Set(['timing.tXP', 'timing.tXSR', 'timing.tCKE', 'timing.tSR', 'energy.pde', 'energy.sre', 'energy.activePowerDownPs', 'energy.prechargePowerDownPs', 'energy.selfRefreshPs']);
const lpddr5Estimates = (sources: Record<string, Source>, powerManaged: boolean): string[] =>
  Object.keys(sources).filter((k) => sources[k]!.estimate === true && (powerManaged || !LPDDR5_POWER_ONLY.has(k))).sort();

function lpddr5Entry(name: string, preset: PresetName, summary: string): DeviceCatalogEntry {
  const lp = lpddr5Preset(preset);
  const sources: Record<string, Source> = { organisation: { source: lp.source, ...(lp.estimate ? { estimate: true } : {}) } };
  for (const [k, v] of Object.entries(lpddr5_6400Timings(lp.org.bankMode, lp.org.densityGbit))) {
    sources[`timing.${k}`] = { source: v.source, ...(v.estimate === true ? { estimate: true } : {}) };
  }
  const tables = lpddr5Tables(preset);
  // Overrides (an SoC memory's device block: bankMode, density, timing.*) move tRC, tRAS, tBL and
  // tRFCab, which enter the IDD formulas: that table is priced with the device's own timings.
  const tablesFor = (o?: Record<string, unknown>): EnergyTable[] =>
    o === undefined || Object.keys(o).length === 0 ? tables : lpddr5Tables(preset, resolveLpddr5({ ...parseLpddr5Params(o), preset }).timings);
  for (const [k, v] of Object.entries(tables[0]!.actions)) sources[`energy.${k}`] = { source: v.source, ...(v.estimate === true ? { estimate: true } : {}) };
  const estimates = lpddr5Estimates(sources, false);
  return {
    name, type: 'lpddr5', summary, aliases: [preset], sources, estimates,
    create: (engine, path, opts = {}) => createDevice('lpddr5', { preset, ...(opts.overrides ?? {}) } as Lpddr5Params, engine, path, opts),
    energyTables: tablesFor,
  };
}

/** Every named device preset. */
export const deviceCatalog: readonly DeviceCatalogEntry[] = [
  ...nvmAndSramPresets.map(nvmEntry),
  lpddr5Entry('qmc-lpddr5', 'qmc-table1', 'LPDDR5 as in QMC Table 1 (3.5 pJ/bit) on the Orin 16 × x16 organisation'),
  lpddr5Entry('orin-lpddr5-6400', 'orin-agx', 'Jetson AGX Orin LPDDR5-6400: 256 bit = 16 × x16 channels, 204.8 GB/s, IDD-based energy'),
  lpddr5Entry('lpddr5-6400-x16', 'LPDDR5_6400', 'One LPDDR5-6400 x16 channel (Ramulator 2.1 LPDDR5_6400, 16 Gb die)'),
];

/** Looks a preset up by name, with a did-you-mean on a miss. */
export function findDevicePreset(name: string): PresetLookup<DeviceCatalogEntry> {
  return lookupPreset(name, deviceCatalog);
}

/** For reports: preset name → parameters resting on estimates. */
export function presetEstimatesByName(): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const e of deviceCatalog) out[e.name] = e.estimates;
  return out;
}

/** A validated `kind: devices` entry: `type`, optional `id` and `preset`, canonical parameter values. */
export interface DeviceSpec {
  readonly type: string;
  readonly id?: string;
  readonly preset?: string;
  readonly [param: string]: unknown;
}

const SPEC_META = new Set(['type', 'id', 'preset']);

function canonicalParams(spec: DeviceSpec): { params: Record<string, unknown>; base: Record<string, unknown>; preset: DevicePreset<unknown> | undefined; overridden: string[] } {
  const type = spec.type as 'sram' | 'stt-mram' | 'reram';
  const list = nvmAndSramPresets.filter((p) => p.type === type);
  let base: Record<string, unknown> = {};
  let preset: DevicePreset<unknown> | undefined;
  if (spec.preset !== undefined) {
    const r = lookupPreset(spec.preset, list);
    if (!r.ok) throw new Error(`${type}: ${r.message}`);
    preset = r.preset;
  }
  const overridden = Object.keys(spec).filter((k) => !SPEC_META.has(k) && spec[k] !== undefined);
  if (preset !== undefined) {
    // re-derived for an overridden bitsPerCell / clock (DevicePreset.rederive); refusals name the entry
    try {
      preset = presetFor(preset, Object.fromEntries(overridden.map((k) => [k, spec[k]])));
    } catch (e) {
      if (e instanceof DeviceParamError) throw new DeviceParamError(e.param, `${type}${spec.id !== undefined ? ` '${spec.id}'` : ''}: ${e.message}`, undefined, e.related);
      throw e;
    }
    base = resolvePreset(preset, deviceSchemas[type] as z.ZodType<unknown, unknown>) as Record<string, unknown>;
  }
  const params: Record<string, unknown> = { ...base };
  for (const k of overridden) params[k] = spec[k];
  if (preset !== undefined && leakageScales(overridden)) scaleLeakage(params, base);
  const descriptor = devicePlugins.find((d) => d.type === type);
  const missing = (descriptor?.params ?? []).map((p) => p.name).filter((n) => params[n] === undefined);
  if (missing.length > 0) throw new Error(`${type}${spec.id !== undefined ? ` '${spec.id}'` : ''}: missing parameter(s) ${missing.join(', ')} (give them or a preset)`);
  return { params, base, preset, overridden };
}

/**
 * Builds a device from a validated config entry (the contract's `createDevice(spec, engine, ctx)`):
 * preset values first, then the entry's own canonical values.
 */
export function createDeviceFromSpec(spec: DeviceSpec, engine: Engine, path: string, opts: CreateDeviceOptions = {}): MemoryDevice {
  if (spec.type === 'lpddr5') {
    const { type: _t, id: _i, ...rest } = spec;
    return createDevice('lpddr5', lpddr5ParamsOf(rest), engine, path, opts);
  }
  if (!(deviceTypes as readonly string[]).includes(spec.type)) throw new Error(`unknown device type '${spec.type}' (known: ${deviceTypes.join(', ')})`);
  return createDevice(spec.type as 'sram', canonicalParams(spec).params as unknown as SramParams, engine, path, opts);
}

/**
 * LPDDR5 parameters of a config entry: the descriptor names timing overrides `timing.tRCD` (one
 * flat key each); the plug-in takes them as one `timing` object. (They were silently ignored.)
 */
function lpddr5ParamsOf(rest: Readonly<Record<string, unknown>>): Lpddr5Params {
  const out: Record<string, unknown> = {};
  const timing: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    if (k.startsWith('timing.')) timing[k.slice(7)] = v;
    else out[k] = v;
  }
  if (Object.keys(timing).length > 0) out.timing = timing;
  return out as Lpddr5Params;
}

/** Energy tables for a config entry; entries it overrides are sourced as 'user configuration'. */
export function energyTablesForSpec(spec: DeviceSpec): EnergyTable[] {
  if (spec.type === 'lpddr5') {
    // priced with the entry's own timings (bankMode, density and timing.* enter the IDD formulas)
    const { type: _t, id: _i, ...rest } = spec;
    const r = resolveLpddr5(lpddr5ParamsOf(rest));
    return lpddr5Tables(r.presetName, r.timings);
  }
  const { params, base, preset, overridden } = canonicalParams(spec);
  const s: Record<string, Source | undefined> = {};
  for (const [k, v] of Object.entries((preset?.params ?? {}) as Record<string, SourcedValue>)) s[k] = v;
  for (const k of overridden) s[k] = undefined;
  const leak = s.leakagePower;
  if (preset !== undefined && leak !== undefined && leakageScales(overridden)) {
    s.leakagePower = { ...leak, source: scaledLeakageSource(leak.source, base, params) };
  }
  const name = spec.id ?? preset?.name ?? spec.type;
  if (spec.type === 'sram') return [sramEnergyTable(params as unknown as SramParams, s, name)];
  if (spec.type === 'stt-mram') return [sttMramEnergyTable(params as unknown as SttMramParams, s, name)];
  return [reramEnergyTable(params as unknown as ReramParams, s, name)];
}

/**
 * Runs `build` (a device built once on a scratch engine) and rethrows its failure as one line
 * naming the device, `${type} '${name}': …`, keeping the parameter a DeviceParamError names.
 */
function buildOnce(type: string, name: string, build: () => unknown): void {
  try {
    build();
  } catch (e) {
    const msg = ((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '').replace(/^\[[^\]]*\] /, '');
    const param = paramOf(e);
    throw param !== undefined ? new DeviceParamError(param, `${type} '${name}': ${msg}`, undefined, (e as DeviceParamError).related) : new Error(`${type} '${name}': ${msg}`);
  }
}

/**
 * A catalogue entry for a config entry (so replay and reports treat YAML devices like presets):
 * sources and estimates are the preset's, minus what the entry overrides.
 */
export function catalogEntryFromSpec(spec: DeviceSpec): DeviceCatalogEntry {
  const name = spec.id ?? spec.preset ?? spec.type;
  if (spec.type === 'lpddr5') {
    // a bad mapping or density is a configuration error here, not mid-run
    buildOnce('lpddr5', name, () => createDeviceFromSpec(spec, new Engine(), name));
    const own = lpddr5PresetOf(typeof spec.preset === 'string' ? spec.preset : LPDDR5_DEFAULTS.preset);
    const base = deviceCatalog.find((e) => e.type === 'lpddr5' && lpddr5PresetOf(e.name) === own);
    const overridden = Object.keys(spec).filter((k) => !SPEC_META.has(k));
    const keep = (k: string): boolean => !overridden.some((o) => k === o || k.startsWith(`${o}.`));
    const sources = Object.fromEntries(Object.entries(base?.sources ?? {}).filter(([k]) => keep(k)));
    return {
      name, type: 'lpddr5', summary: base?.summary ?? 'LPDDR5 from configuration', sources,
      estimates: lpddr5Estimates(sources, spec.powerDownAfter !== undefined || spec.selfRefreshAfter !== undefined).filter(keep),
      create: (engine, path, opts = {}) => createDeviceFromSpec(spec, engine, path, opts),
      energyTables: () => energyTablesForSpec(spec),
    };
  }
  const { params, base, preset, overridden } = canonicalParams(spec);
  // combinations each key's own check cannot see (iterationsMax < iterationsMin, a clock whose
  // cycle rounds to 0 ps) fail here as configuration errors, not mid-run
  buildOnce(spec.type, name, () => createDevice(spec.type as 'sram', params as unknown as SramParams, new Engine(), name));
  const sources: Record<string, Source> = {};
  for (const [k, v] of Object.entries((preset?.params ?? {}) as Record<string, SourcedValue>)) {
    sources[k] = overridden.includes(k) ? { source: 'user configuration' } : { source: v.source, ...(v.estimate === true ? { estimate: true } : {}) };
  }
  for (const k of overridden) sources[k] = { source: 'user configuration' };
  return {
    name, type: spec.type as DeviceType, summary: preset !== undefined ? `${preset.summary}, with overrides` : `${spec.type} from configuration`,
    sources, estimates: Object.keys(sources).filter((k) => sources[k]!.estimate === true).sort(),
    create: (engine, path, opts = {}) => createDeviceFromSpec(spec, engine, path, opts),
    energyTables: () => energyTablesForSpec(spec),
  };
}
