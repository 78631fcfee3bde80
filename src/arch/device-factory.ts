/**
 * Builds the device behind a memory port from its YAML spec and returns it with the energy table
 * that prices its counts. `type: ideal` (ideal-memory.ts) is built here; every other type goes to
 * the devices layer's factory.
 */
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import type { MemoryDevice } from '../devices/device.js';
import type { EnergyTable } from '../devices/energy/energy-table.js';
import { int, q, reportIssue, strictObject } from '../config/schema.js';
import { IdealMemory } from './ideal-memory.js';
import { findDevicePreset } from '../devices/index.js';
import { parseLpddr5Params } from '../devices/dram/index.js';
import { accessNoiseFor, type AccessNoise, type NoiseModelSpec } from '../devices/noise/index.js';
import { noiseDescriptors } from '../devices/noise/descriptors.js';
import { DeviceParamError, MAX_DEVICE_UNITS } from '../devices/param-error.js';
import { MAX_REQUEST_SIZE } from './soc-schema.js';
import { misspeltKey } from '../config/did-you-mean.js';
import { showFound } from '../units/parse.js';

/** A device plus how to price it. */
export interface BuiltDevice {
  readonly device: MemoryDevice;
  readonly energyTable: EnergyTable;
  /** Preset parameters whose values are estimates, with the source text that says how they were set. */
  readonly estimates: readonly { readonly param: string; readonly source: string }[];
  /** Every table that can price this device (a run's `energyTables:` picks one by name); the first is the default. */
  readonly energyTables?: readonly EnergyTable[];
  /**
   * Parameters of the attached noise model still at an estimated default ('noise.<YAML key>', from
   * AccessNoise.estimates), with their source; the bit errors rest on them.
   */
  readonly noiseEstimates?: readonly { readonly param: string; readonly source: string }[];
}

/**
 * A memory's device block: `{ type: ideal, ... }`, or `{ preset: <device catalogue name>, ... }`
 * where every other key overrides a preset parameter (YAML-style values for SRAM / NVM types,
 * canonical numbers for LPDDR5 — see src/devices/index.ts).
 */
export type DeviceSpec = Readonly<Record<string, unknown>>;
export type DeviceFactory = (spec: DeviceSpec, engine: Engine, path: string, seed: number, noise?: NoiseModelSpec) => BuiltDevice;

export const idealSchema = strictObject({
  type: z.literal('ideal'),
  capacity: q.size({ positive: true }),
  granule: q.size({ positive: true, max: MAX_REQUEST_SIZE, default: '64 B' }),
  channels: int({ min: 1, max: MAX_DEVICE_UNITS, why: 'each channel is modelled individually' }),
  channelBandwidth: q.bandwidth({ positive: true }),
  latency: q.time(),
  queueDepth: int({ min: 1 }).default(64),
  readEnergy: q.energyPerBit({ default: '0 pJ/bit' }),
  writeEnergy: q.energyPerBit({ default: '0 pJ/bit' }),
}).superRefine((p, ctx) => {
  // Whole bytes, as the device presets' granules and capacities: '0.3 B' made every address its own
  // granule, and a capacity of '3 bit' (0.375 B) was accepted and only failed at placement.
  if (!Number.isInteger(p.granule)) reportIssue(ctx, 'a whole number of bytes ≥ 1 B (e.g. 64 B)', `${p.granule} B (not a whole number of bytes)`, ['granule']);
  else if (!Number.isInteger(p.capacity) || p.capacity < p.granule) {
    reportIssue(ctx, `a whole number of bytes of at least one granule (${p.granule} B)`, `${p.capacity} B`, ['capacity']);
  }
});

/** The reference device: deterministic service, priced per bit as configured. */
export function buildIdeal(spec: DeviceSpec, engine: Engine, path: string): BuiltDevice {
  const r = idealSchema.safeParse(spec);
  if (!r.success) throw new Error(`${path}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const p = r.data;
  const device = new IdealMemory(engine, path, {
    capacityBytes: p.capacity, granuleBytes: p.granule, channels: p.channels, channelBandwidth: p.channelBandwidth,
    latencyPs: p.latency, queueDepth: p.queueDepth,
  });
  const energyTable: EnergyTable = {
    name: `ideal:${path}`, kind: 'ideal',
    actions: {
      read: { pj: 0, per: 'access', source: 'included in readBits' },
      write: { pj: 0, per: 'access', source: 'included in writeBits' },
      readBits: { pj: p.readEnergy, per: 'bit', source: 'user configuration' },
      writeBits: { pj: p.writeEnergy, per: 'bit', source: 'user configuration' },
    },
    background: { watts: 0, source: 'ideal device: no background power' },
  };
  return { device, energyTable, estimates: [], energyTables: [energyTable] };
}

/** The default factory: ideal devices here, everything else from the devices layer. */
export const defaultDeviceFactory: DeviceFactory = (spec, engine, path, seed, noise) => {
  if (spec.type === 'ideal') return buildIdeal(spec, engine, path);
  return buildFromCatalogue(spec, engine, path, seed, noise);
};

/** Builds a catalogue preset with overrides; its first energy table prices it. */
export function buildFromCatalogue(spec: DeviceSpec, engine: Engine, path: string, seed: number, noise?: NoiseModelSpec): BuiltDevice {
  const { preset, type: _type, ...overrides } = spec;
  if (typeof preset !== 'string') throw missingPreset(spec, path);
  const found = findDevicePreset(preset);
  if (!found.ok) throw new Error(`${path}: ${found.message}`);
  const entry = found.preset;
  // LPDDR5 overrides are written like every other YAML quantity ('20 ns', '8 Gb'); the LPDDR5
  // plug-in takes canonical numbers, so they are parsed here (the load-time check located any error).
  const params = entry.type === 'lpddr5' ? (parseLpddr5Params(overrides) as unknown as Record<string, unknown>) : overrides;
  const access = noise ? accessNoiseFor(noise) : undefined;
  const device = entry.create(engine, path, { seed, overrides: params, ...(access ? { noise: access } : {}) });
  const tables = entry.energyTables(overrides);
  const table = tables[0];
  if (!table) throw new Error(`${path}: preset '${preset}' has no energy table`);
  // a QMC ReRAM preset at another bitsPerCell is that mode's preset, with that mode's estimates
  const estimates = (entry.estimatesFor?.(overrides) ?? entry.estimates.filter((e) => !(e in overrides))).map((e) => ({ param: e, source: `${preset}: ${entry.sources[e]?.source ?? 'estimate'}` }));
  return { device, energyTable: table, estimates, energyTables: tables, noiseEstimates: noiseEstimatesOf(noise, access) };
}

/**
 * The error for a device block without `preset:`. When a key of the block is a misspelling of
 * 'preset' or 'type' (prseet:, tpye:), it names that key (as a DeviceParamError, so configuration
 * checks point at its line) with a did-you-mean, rather than only the missing 'preset'.
 */
function missingPreset(spec: DeviceSpec, path: string): Error {
  const needs = "a device needs 'preset' (a device catalogue name) or 'type: ideal'";
  if (spec.preset !== undefined) return new DeviceParamError('preset', `preset: ${showFound(spec.preset)}, not a device catalogue name (a string); ${needs}`, path);
  const m = misspeltKey(spec, ['preset', 'type']);
  if (m !== undefined) return new DeviceParamError(m.key, `unknown key '${m.key}' (did you mean '${m.meant}'?); ${needs}`, path);
  return new Error(`${path}: ${needs}`);
}

/** The noise model's estimated parameters with the source its descriptor gives (`qmcsim describe`). */
function noiseEstimatesOf(noise: NoiseModelSpec | undefined, access: AccessNoise | undefined): { param: string; source: string }[] {
  if (noise === undefined || access === undefined) return [];
  const params = noiseDescriptors.find((d) => d.type === noise.kind)?.params ?? [];
  return (access.estimates ?? []).map((e) => {
    const src = params.find((p) => `noise.${p.name}` === e)?.source;
    return { param: e, source: `noise model ${access.label}: ${typeof src === 'string' ? src : 'estimate'}` };
  });
}
