/**
 * One replay of a trace on a named device preset: build the engine and device (seeded), open the
 * trace, run the driver, price with every energy table of the preset, list the estimates the
 * numbers rest on. A record so late that simulated time would pass 2^53 ps is a TraceParseError;
 * a trace with no access (empty or only comments, any format) is an EmptyTraceError.
 * Shared by `qmcsim replay`, the tests and the benchmark.
 */
import { Engine } from '../../engine/engine.js';
import { TimeRangeError } from '../../engine/errors.js';
import { findDevicePreset, type DeviceCatalogEntry, type AccessNoiseLike } from '../index.js';
import { openTraceBuffer, openTraceFile, type TraceFormat } from './open-trace.js';
import { replayTrace, type ReplayResult } from './replay.js';
import { EmptyTraceError, TraceParseError } from './trace-cursor.js';

export interface RunReplayOptions {
  /** Preset name (see deviceCatalog), or an entry built from configuration (catalogEntryFromSpec). */
  readonly device: string | DeviceCatalogEntry;
  /** Trace file path, or an in-memory trace. */
  readonly trace: string | { readonly name: string; readonly data: Buffer };
  readonly seed?: number;
  readonly format?: TraceFormat;
  readonly maxOutstanding?: number;
  /** Writes leave the in-flight window when accepted (default true; replay.ts). */
  readonly postedWrites?: boolean;
  /**
   * Attach read noise to SRAM / NVM devices. Its `label` names the model in the report and its
   * `estimates` join the device's in the list of estimates behind the numbers.
   */
  readonly noise?: AccessNoiseLike & { readonly label?: string; readonly estimates?: readonly string[] };
}

export interface ReplayRun {
  readonly preset: string;
  readonly seed: number;
  readonly trace: string;
  readonly result: ReplayResult;
  /**
   * Preset parameters (and energy entries) resting on estimates, then the estimated entries of the
   * preset's other energy tables ('energy[<table>].<action>'), then the noise model's ('noise.…').
   */
  readonly estimates: readonly string[];
  /** The attached noise model's label, or null without one. */
  readonly noise: string | null;
}

/** Thrown for an unknown preset (message carries the did-you-mean). */
export class UnknownPresetError extends Error {}

export function resolveCatalogEntry(name: string): DeviceCatalogEntry {
  const r = findDevicePreset(name);
  if (!r.ok) throw new UnknownPresetError(r.message);
  return r.preset;
}

export function runReplay(o: RunReplayOptions): ReplayRun {
  const entry = typeof o.device === 'string' ? resolveCatalogEntry(o.device) : o.device;
  const seed = o.seed ?? 0;
  const engine = new Engine();
  const device = entry.create(engine, entry.name, { seed, ...(o.noise !== undefined ? { noise: o.noise } : {}) });
  // LPDDR5 does not fold addresses beyond its capacity (docs/trace-format.md): such a line is a trace error.
  const traceOpts = {
    granuleBytes: device.granuleBytes, ...(o.format !== undefined ? { format: o.format } : {}),
    ...(entry.type === 'lpddr5' ? { addressLimit: device.capacityBytes } : {}),
  };
  const traceName = typeof o.trace === 'string' ? o.trace : o.trace.name;
  const cursor = typeof o.trace === 'string' ? openTraceFile(o.trace, traceOpts) : openTraceBuffer(o.trace.data, { ...traceOpts, name: o.trace.name });
  let result: ReplayResult;
  try {
    result = replayTrace(device, engine, cursor, {
      energyTables: entry.energyTables(),
      ...(o.maxOutstanding !== undefined ? { maxOutstanding: o.maxOutstanding } : {}),
      ...(o.postedWrites !== undefined ? { postedWrites: o.postedWrites } : {}),
    });
  } catch (e) {
    // Simulated time is integer ps below 2^53: an arrival so late that its completion passes that
    // is a trace error at the record being served, not an internal one.
    if (e instanceof TimeRangeError) {
      throw new TraceParseError(traceName, cursor.line, 1, 'a time that keeps the simulation below 2^53 ps (about 2.5 h)', `'${cursor.timePs}'`);
    }
    throw e;
  }
  // Every record read is served (or replayTrace throws), so no read and no write means no record.
  if (result.reads + result.writes === 0) throw new EmptyTraceError(traceName);
  // The preset's own table is covered by entry.estimates; the other tables print their own numbers
  // (e.g. qmc-lpddr5's IDD-based table), so their estimated entries are listed too.
  const otherTables = result.energy.slice(1).flatMap((e) => e.estimates.map((k) => `energy[${e.table}].${k}`));
  // an estimated energy of an action this trace never caused (energy.wr with no write) moves no number
  const a = result.counts.actions;
  const used = (k: string): boolean => {
    const m = /^energy(?:\[[^\]]*\])?\.(\w+)$/.exec(k);
    return m === null || a[m[1]!] === undefined || a[m[1]!]! > 0;
  };
  return {
    preset: entry.name, seed, trace: traceName, result,
    estimates: [...entry.estimates, ...otherTables, ...(o.noise?.estimates ?? [])].filter(used),
    noise: o.noise === undefined ? null : (o.noise.label ?? 'custom'),
  };
}
