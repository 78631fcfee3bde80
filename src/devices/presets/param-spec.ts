/**
 * One declaration per device parameter (name → dimension, description) from which the zod schema,
 * the `describe` ParamDocs and the preset/YAML round trip are all derived, so nothing is written
 * twice. Presets give every parameter as the string a user would write in YAML plus its source.
 */
import { z } from 'zod';
import type { Dimension } from '../../units/quantity.js';
import type { ParamDoc, PluginDescriptor, Source } from '../../config/plugin.js';
import { int, num, oneOf, q, reportIssue, strictObject } from '../../config/schema.js';
import { showFound } from '../../units/parse.js';

/** How one parameter is written and checked. */
export interface ParamSpec {
  readonly kind: Dimension | 'integer' | 'number' | 'enum';
  readonly description: string;
  /** Allowed values for 'enum'. */
  readonly values?: readonly [string, ...string[]];
  /** Bounds for 'integer' / 'number'. */
  readonly min?: number;
  readonly max?: number;
  /** For quantities: require > 0. */
  readonly positive?: boolean;
  /** For sizes: require a whole number of bytes ≥ 1 B (an interleave granule; '0.3 B' is refused). */
  readonly wholeBytes?: boolean;
}

/** A size schema refusing fractions of a byte and sizes below 1 B, showing the value as written. */
function wholeBytesSchema(): z.ZodType<unknown, unknown> {
  const size = q.size({ positive: true });
  return z.unknown().transform((v, ctx) => {
    const r = size.safeParse(v);
    if (!r.success) {
      for (const iss of r.error.issues) ctx.addIssue({ ...iss, input: (iss as { input?: unknown }).input } as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    }
    if (Number.isInteger(r.data)) return r.data;
    const asBytes = typeof v === 'string' && v.replace(/\s+/g, '') === `${r.data}B`;
    reportIssue(ctx, 'a whole number of bytes ≥ 1 B (e.g. 64 B)', `${showFound(v)} (${asBytes ? '' : `${r.data} B, `}not a whole number of bytes)`);
    return z.NEVER;
  });
}
/** A spec for every key of the parameter interface P (checked at compile time). */
export type ParamSpecs<P> = { readonly [K in keyof P]-?: ParamSpec };

/** A preset value: as written in YAML ('3.5 ns', 8, 'binary') with its source. */
export interface SourcedValue extends Source {
  readonly value: string | number;
}

/** A named, fully sourced parameter set for one device type. */
export interface DevicePreset<P = Record<string, unknown>> {
  readonly name: string;
  /** Device plug-in type: 'stt-mram' | 'reram' | 'sram' | 'lpddr5'. */
  readonly type: string;
  readonly summary: string;
  /** Every parameter of the type, each with its source. */
  readonly params: { readonly [K in keyof P]: SourcedValue };
  /**
   * The preset re-derived for overrides of a parameter it derives others from (ReRAM bitsPerCell:
   * bandwidth, energy, density of that cell mode; SRAM clock: latency cycles from the source's ns),
   * given the overridden parameters' canonical values; undefined when no re-derivation applies.
   * Throws a DeviceParamError naming the parameter when the preset has no figures for that value.
   */
  readonly rederive?: (overrides: Readonly<Record<string, unknown>>) => DevicePreset<P> | undefined;
}

/** `preset`, or its re-derivation for the overridden parameters' canonical values (DevicePreset.rederive). */
export function presetFor<P>(preset: DevicePreset<P>, overrides: Readonly<Record<string, unknown>>): DevicePreset<P> {
  return preset.rederive?.(overrides) ?? preset;
}

function fieldSchema(s: ParamSpec): z.ZodType<unknown, unknown> {
  switch (s.kind) {
    case 'integer':
      return int({ ...(s.min !== undefined ? { min: s.min } : {}), ...(s.max !== undefined ? { max: s.max } : {}) });
    case 'number':
      return num({ ...(s.min !== undefined ? { min: s.min } : {}), ...(s.max !== undefined ? { max: s.max } : {}) });
    case 'enum':
      if (s.values === undefined) throw new Error('enum parameter without values');
      return oneOf(s.values);
    default:
      if (s.wholeBytes === true && s.kind === 'size') return wholeBytesSchema();
      return q[s.kind](s.positive === true ? { positive: true } : {});
  }
}

/** zod strict-object schema for a parameter set (YAML strings in, canonical numbers out). */
export function schemaOf<P>(specs: ParamSpecs<P>): z.ZodType<P, unknown> {
  const shape: Record<string, z.ZodType<unknown, unknown>> = {};
  for (const [name, s] of Object.entries(specs) as [string, ParamSpec][]) shape[name] = fieldSchema(s);
  return strictObject(shape) as unknown as z.ZodType<P, unknown>;
}

/** The raw YAML-style object of a preset (value strings only). */
export function rawParams<P>(preset: DevicePreset<P>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(preset.params) as [string, SourcedValue][]) out[k] = v.value;
  return out;
}

/**
 * The preset that YAML-style `overrides` apply to: `preset` re-derived for their canonical values
 * (presetFor), with the canonical parameters of preset and overrides together.
 */
export function effectivePreset<P>(preset: DevicePreset<P>, schema: z.ZodType<P, unknown>, overrides: Record<string, unknown> = {}): DevicePreset<P> {
  const keys = Object.keys(overrides).filter((k) => overrides[k] !== undefined);
  if (keys.length === 0 || preset.rederive === undefined) return preset;
  const all = parsePreset(preset, schema, overrides) as Record<string, unknown>;
  return presetFor(preset, Object.fromEntries(keys.map((k) => [k, all[k]])));
}

function parsePreset<P>(preset: DevicePreset<P>, schema: z.ZodType<P, unknown>, o: Record<string, unknown>): P {
  const r = schema.safeParse({ ...rawParams(preset), ...o });
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`preset ${preset.name}: ${msg}`);
  }
  return r.data;
}

/**
 * Parses a preset's values through the type's schema into canonical typed parameters, with
 * YAML-style `overrides` on top (the preset re-derived for them first: effectivePreset).
 */
export function resolvePreset<P>(preset: DevicePreset<P>, schema: z.ZodType<P, unknown>, overrides: Record<string, unknown> = {}): P {
  const eff = effectivePreset(preset, schema, overrides);
  const out = parsePreset(eff, schema, overrides);
  if (leakageScales(overrides)) scaleLeakage(out as Record<string, unknown>, parsePreset(eff, schema, {}) as Record<string, unknown>);
  return out;
}

/**
 * Whether a preset's whole-device leakage is rescaled: its capacity or bits per cell is overridden
 * and its leakage is not. The presets' leakage is per-array leakage × the arrays that hold their capacity
 * (NVMExplorer array results, see mram.ts / reram.ts / sram.ts), so it is taken as proportional to
 * capacity (arrays of the preset's size and cell mode). `arraysPerBank` etc. are bandwidth
 * organisation and do not move it. Per-bit read/write energies are per-array figures and are kept.
 */
export function leakageScales(overridden: Record<string, unknown> | readonly string[]): boolean {
  const has = (k: string): boolean => (Array.isArray(overridden) ? overridden.includes(k) : (overridden as Record<string, unknown>)[k] !== undefined);
  return (has('capacity') || has('bitsPerCell')) && !has('leakagePower');
}

/** Cells of a device's capacity, relative: capacity / bits per cell (1 where the type has no MLC mode). */
const cellsOf = (p: Record<string, unknown>): number => (p.capacity as number) / (typeof p.bitsPerCell === 'number' ? p.bitsPerCell : 1);

/** Scales canonical `params.leakagePower` (W) by its cells / the preset's cells (cellsOf), in place. */
export function scaleLeakage(params: Record<string, unknown>, presetParams: Record<string, unknown>): void {
  const cap = params.capacity, cap0 = presetParams.capacity, leak0 = presetParams.leakagePower;
  if (typeof cap === 'number' && typeof cap0 === 'number' && cap0 > 0 && typeof leak0 === 'number') params.leakagePower = (leak0 * cellsOf(params)) / cellsOf(presetParams);
}

/** The source text of a leakage scaled by scaleLeakage. */
export function scaledLeakageSource(presetSource: string, presetParams: Record<string, unknown>, params: Record<string, unknown>): string {
  const k = cellsOf(params) / cellsOf(presetParams);
  if (k === 1) return presetSource;
  return `${presetSource}; scaled ×${+k.toPrecision(6)} with the cells that hold the capacity (${presetParams.capacity as number} B → ${params.capacity as number} B${typeof params.bitsPerCell === 'number' ? ` at ${params.bitsPerCell as number} bit/cell` : ''}; leakage taken as proportional to cell count)`;
}

/** Names of the preset's parameters whose value is an estimate (no primary source). */
export function presetEstimates(preset: DevicePreset<unknown>): string[] {
  return (Object.entries(preset.params) as [string, SourcedValue][]).filter(([, v]) => v.estimate === true).map(([k]) => k).sort();
}

/** A PluginDescriptor whose parameter defaults and sources come from a default preset. */
export function descriptorOf<P>(
  type: string, summary: string, specs: ParamSpecs<P>, defaults: DevicePreset<P>,
  actions: readonly string[], presets: readonly DevicePreset<P>[],
): PluginDescriptor {
  const params: ParamDoc[] = (Object.entries(specs) as [string, ParamSpec][]).map(([name, s]) => {
    const d = (defaults.params as Record<string, SourcedValue>)[name];
    return {
      name, kind: s.kind, description: s.description,
      ...(s.values !== undefined ? { values: s.values } : {}),
      ...(s.min !== undefined ? { min: s.min } : {}),
      ...(s.max !== undefined ? { max: s.max } : {}),
      ...(s.positive === true ? { positive: true } : {}),
      // The default shown is the default preset's value; a device without `preset:` must give every
      // parameter (the catalogue fills nothing in), so each parameter is required unless a preset is named.
      required: true,
      ...(d !== undefined ? { default: d.value, source: `${d.source} (preset ${defaults.name})`, ...(d.estimate === true ? { estimate: true } : {}) } : {}),
    };
  });
  const presetDocs: Record<string, Source> = {};
  for (const p of presets) presetDocs[p.name] = { source: p.summary, ...(presetEstimates(p).length > 0 ? { estimate: true } : {}) };
  return { interface: 'MemoryDevice', type, summary, params, actions, presets: presetDocs };
}
