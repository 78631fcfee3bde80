/**
 * The `lpddr5` plug-in's parameters: a zod-free parameter type with canonical numbers (ps, bytes,
 * ratios), the self-describing PluginDescriptor (unit, default, source per parameter) and the
 * resolution of params + preset into a device configuration.
 */
import type { PluginDescriptor, ParamDoc } from '../../config/plugin.js';
import { DeviceParamError } from '../param-error.js';
import { parseMappingOrder, ADDRESS_MAPPINGS } from './address-mapper.js';
import type { PagePolicy, SchedulerKind } from './controller.js';
import type { Lpddr5DeviceConfig } from './lpddr5-device.js';
import {
  lpddr5_6400Timings, lpddr5Org, lpddr5Preset, resolveTimings, ORG_SOURCES, PRESET_NAMES, TIMING_NAMES,
  type BankMode, type PresetName, type TimingName,
} from './lpddr5-spec.js';
import type { RefreshMode } from './refresh.js';

/** Largest channels × ranks, per-channel queue and queue entries over all channels the controller model is built for. */
const MAX_CHANNEL_RANKS = 4096;
const MAX_QUEUE = 1 << 20;
const MAX_QUEUE_ENTRIES = 1 << 22;

/**
 * The device-catalogue name of each LPDDR5 preset (what `replay --device` and an SoC memory's
 * `device: { preset: }` list) → the plug-in preset it builds. Either spelling is accepted everywhere.
 */
export const LPDDR5_CATALOGUE_NAMES: Readonly<Record<string, PresetName>> = { 'qmc-lpddr5': 'qmc-table1', 'orin-lpddr5-6400': 'orin-agx', 'lpddr5-6400-x16': 'LPDDR5_6400' };

/** Every accepted spelling of an LPDDR5 preset: the plug-in names, then the catalogue names. */
export const LPDDR5_PRESET_SPELLINGS = [...PRESET_NAMES, ...Object.keys(LPDDR5_CATALOGUE_NAMES)] as unknown as readonly [string, ...string[]];

/** The plug-in preset a spelling names (a plug-in name or its catalogue name), or undefined. */
export function lpddr5PresetOf(name: string): PresetName | undefined {
  return (PRESET_NAMES as readonly string[]).includes(name) ? (name as PresetName) : LPDDR5_CATALOGUE_NAMES[name];
}

/** Parameters of one LPDDR5 device, already in canonical units. Omitted keys take the preset's value. */
export interface Lpddr5Params {
  /** A plug-in preset name or its catalogue name (LPDDR5_CATALOGUE_NAMES). */
  readonly preset?: PresetName | string;
  readonly channels?: number;
  readonly ranks?: number;
  /** Die density per channel and rank, in bytes (YAML '16 Gb'). */
  readonly density?: number;
  readonly bankMode?: BankMode;
  readonly addressMapping?: string;
  readonly scheduler?: SchedulerKind;
  readonly pagePolicy?: PagePolicy;
  readonly refresh?: RefreshMode;
  readonly readQueue?: number;
  readonly writeQueue?: number;
  /** Fractions of writeQueue (0..1). */
  readonly writeHighWatermark?: number;
  readonly writeLowWatermark?: number;
  /** Idle time in ps, counted from the channel's last completed request, before power-down / self-refresh (absent: never). */
  readonly powerDownAfter?: number;
  readonly selfRefreshAfter?: number;
  /** Timing overrides in ps. */
  readonly timing?: Partial<Record<TimingName, number>>;
}

export const LPDDR5_DEFAULTS = {
  preset: 'orin-agx' as PresetName,
  addressMapping: 'RoCoBaBgCh',
  scheduler: 'fr-fcfs' as SchedulerKind,
  pagePolicy: 'open' as PagePolicy,
  refresh: 'all-bank' as RefreshMode,
  readQueue: 64,
  writeQueue: 64,
  writeHighWatermark: 0.85,
  writeLowWatermark: 0.5,
};

const GBIT = 2 ** 30 / 8;
/**
 * LPDDR5 die densities modelled: the power-of-two ones of JESD209-5B, which the refresh table
 * (lpddr5-spec.ts, R2.1 2/4/8/16/32 Gb) and the bit-slice address mapper (power-of-two rows) cover;
 * 3/6/12/24 Gb dies are not modelled.
 */
const JEDEC_DENSITIES_GBIT: readonly number[] = [2, 4, 8, 16, 32];

/**
 * JEDEC die densities are binary ('16 Gb' = 2^34 bit). The unit parser reads 'Gb' as 10^9 bit, so
 * a whole number of decimal Gb is taken as the JEDEC density of that name.
 */
function densityInGbit(bytes: number): number {
  const binary = bytes / GBIT;
  const decimal = (bytes * 8) / 1e9;
  const gbit = Number.isInteger(binary) ? binary : Number.isInteger(decimal) ? decimal : NaN;
  if (JEDEC_DENSITIES_GBIT.includes(gbit)) return gbit;
  // e.g. '16 GB' (128 Gb) is no LPDDR5 die: its refresh timing would be a guess
  throw new DeviceParamError('density', `lpddr5 density: expected an LPDDR5 die density this model covers (${JEDEC_DENSITIES_GBIT.map((d) => `${d} Gb`).join(', ')}), found ${Number.isNaN(gbit) ? `${bytes} B` : `${gbit} Gb (${bytes} B)`}`);
}

/** Resolves params against their preset into a validated device configuration. */
export function resolveLpddr5(params: Lpddr5Params): Lpddr5DeviceConfig & { readonly presetName: PresetName; readonly energyTable: string } {
  const d = LPDDR5_DEFAULTS;
  const presetName = lpddr5PresetOf(params.preset ?? d.preset);
  if (presetName === undefined) throw new DeviceParamError('preset', `lpddr5 preset: expected one of ${LPDDR5_PRESET_SPELLINGS.join(', ')}, found '${String(params.preset)}'`);
  const preset = lpddr5Preset(presetName);
  const p = preset.org;
  const densityGbit = params.density !== undefined ? densityInGbit(params.density) : p.densityGbit;
  const bankMode = params.bankMode ?? p.bankMode;
  const baseTimings = lpddr5_6400Timings(bankMode, densityGbit);
  // The data rate follows a tCK override (a fixed number of transfers per CK, 8 at 6400 MT/s / 1.25 ns),
  // so 16B mode is accepted once the clock is slowed to ≤ 3200 Mb/s. Invalid tCK is refused by resolveTimings.
  const tCK = params.timing?.tCK;
  const dataRateMTps = tCK !== undefined && Number.isSafeInteger(tCK) && tCK > 0 ? (p.dataRateMTps * baseTimings.tCK.ps) / tCK : p.dataRateMTps;
  const org = lpddr5Org(bankMode, params.channels ?? p.channels, params.ranks ?? p.ranks, densityGbit, dataRateMTps);
  const posInt = (name: string, v: number): number => {
    if (!Number.isInteger(v) || v < 1) throw new DeviceParamError(name, `lpddr5 ${name}: expected a positive integer, found ${v}`);
    return v;
  };
  posInt('channels', org.channels);
  posInt('ranks', org.ranks);
  // Each channel is its own controller with per-rank and per-bank state; a bound keeps an
  // accidental 2^27 channels from allocating for minutes instead of being refused.
  if (org.channels * org.ranks > MAX_CHANNEL_RANKS) {
    const key = params.ranks !== undefined && params.channels === undefined ? 'ranks' : 'channels';
    throw new DeviceParamError(key, `lpddr5 channels × ranks: expected at most ${MAX_CHANNEL_RANKS} (one controller per channel), found ${org.channels} × ${org.ranks}`, undefined, [key === 'ranks' ? 'channels' : 'ranks']);
  }
  const queue = (name: string, v: number): number => {
    if (posInt(name, v) > MAX_QUEUE) throw new DeviceParamError(name, `lpddr5 ${name}: expected at most ${MAX_QUEUE} entries per channel, found ${v}`);
    return v;
  };
  const readQueue = queue('readQueue', params.readQueue ?? d.readQueue);
  const writeQueue = queue('writeQueue', params.writeQueue ?? d.writeQueue);
  // every channel allocates its queue entries up front
  const entries = org.channels * (readQueue + writeQueue);
  if (entries > MAX_QUEUE_ENTRIES) {
    const key = params.readQueue !== undefined || params.writeQueue === undefined ? 'readQueue' : 'writeQueue';
    throw new DeviceParamError(key, `lpddr5 channels × (readQueue + writeQueue): expected at most ${MAX_QUEUE_ENTRIES} queue entries in all, found ${org.channels} × (${readQueue} + ${writeQueue}) = ${entries}`, undefined, ['channels', key === 'readQueue' ? 'writeQueue' : 'readQueue']);
  }
  const hi = params.writeHighWatermark ?? d.writeHighWatermark;
  const lo = params.writeLowWatermark ?? d.writeLowWatermark;
  if (!(lo >= 0 && lo < hi && hi <= 1)) {
    const [key, other] = hi > 1 ? ['writeHighWatermark', 'writeLowWatermark'] : ['writeLowWatermark', 'writeHighWatermark'];
    throw new DeviceParamError(key, `lpddr5 write watermarks: expected 0 <= low < high <= 1, found low ${lo}, high ${hi}`, undefined, [other]);
  }
  const idle = (name: string, v: number | undefined): number => {
    if (v === undefined) return Infinity;
    if (!Number.isFinite(v) || v < 0) throw new DeviceParamError(name, `lpddr5 ${name}: expected a non-negative time such as '100 ns', found ${v} ps`);
    return v;
  };
  const powerDownAfter = idle('powerDownAfter', params.powerDownAfter);
  const selfRefreshAfter = idle('selfRefreshAfter', params.selfRefreshAfter);
  const timings = resolveTimings(baseTimings, params.timing ?? {});
  return {
    presetName,
    energyTable: preset.energyTable,
    org,
    timings,
    scheduler: params.scheduler ?? d.scheduler,
    pagePolicy: params.pagePolicy ?? d.pagePolicy,
    refresh: params.refresh ?? d.refresh,
    readQueue,
    writeQueue,
    writeHigh: Math.max(1, Math.ceil(hi * writeQueue)),
    writeLow: Math.floor(lo * writeQueue),
    mapping: parseMappingOrder(params.addressMapping ?? d.addressMapping),
    powerDownAfter,
    selfRefreshAfter,
  };
}

const EST = 'controller design choice [estimate]';
const params: ParamDoc[] = [
  { name: 'preset', kind: 'enum', values: LPDDR5_PRESET_SPELLINGS, default: LPDDR5_DEFAULTS.preset, description: `organisation + timing preset (LPDDR5-6400); qmc-table1 differs only in its energy table; the device-catalogue names are the same presets (${Object.entries(LPDDR5_CATALOGUE_NAMES).map(([k, v]) => `${k} = ${v}`).join(', ')})`, source: ORG_SOURCES.orin },
  { name: 'channels', kind: 'integer', default: 16, min: 1, max: MAX_CHANNEL_RANKS, description: 'x16 channels (Orin: 16 = 256 bit); channels × ranks ≤ 4096', estimate: true, source: `${ORG_SOURCES.orin} [derived: 256 bit / x16; orin-lpddr5.md marks the channel structure uncertain]` },
  { name: 'ranks', kind: 'integer', default: 1, description: 'ranks per channel (shared CA/DQ; tCS rank switch)', estimate: true, source: 'Orin 32 GB-class module assumed single rank [estimate]' },
  { name: 'density', kind: 'size', default: '16 Gb', description: 'die density per channel and rank (2, 4, 8, 16 or 32 Gb); sets rows and tRFCab/pb', estimate: true, source: `${ORG_SOURCES.rows}; 16 Gb per x16 channel for Orin is an estimate (32 GiB in all; set ranks: 2 for the 64 GB module)` },
  { name: 'bankMode', kind: 'enum', values: ['BG', '16B', '8B'], default: 'BG', description: 'BG: 4 groups × 4 banks, BL16; 8B: 8 banks, BL32; 16B only <= 3200 Mb/s (timing.tCK >= 2.5 ns with its clock-counted timings: the data rate follows tCK)', source: ORG_SOURCES.banks },
  { name: 'addressMapping', kind: 'string', default: LPDDR5_DEFAULTS.addressMapping, description: `bit-slice field order, MSB first, over 64-B blocks: ${Object.keys(ADDRESS_MAPPINGS).join(', ')} or any permutation of Ro Ra Bg Ba Co Ch`, source: 'Ramulator 2 address-mapper naming' },
  { name: 'scheduler', kind: 'enum', values: ['fr-fcfs', 'fcfs'], default: 'fr-fcfs', description: 'FR-FCFS: ready row hits first, then oldest; FCFS: in order per bank, oldest ready first', source: 'Rixner et al., ISCA 2000 (FR-FCFS); Ramulator 2 schedulers' },
  { name: 'pagePolicy', kind: 'enum', values: ['open', 'closed'], default: 'open', description: 'open: keep rows open until a conflict; closed: precharge when no queued request hits the row', source: 'gem5 DRAMInterface page_policy' },
  { name: 'refresh', kind: 'enum', values: ['all-bank', 'per-bank'], default: 'all-bank', description: 'REFab every tREFI per rank, or REFpb (bank pairs) every tREFIpb', source: 'JESD209-5B via Ramulator 2.1' },
  { name: 'readQueue', kind: 'integer', default: 64, min: 1, max: MAX_QUEUE, description: 'read queue entries (64-B blocks) per channel', estimate: true, source: EST },
  { name: 'writeQueue', kind: 'integer', default: 64, min: 1, max: MAX_QUEUE, description: 'write queue entries (64-B blocks) per channel', source: 'gem5 DRAMInterface write_buffer_size = 64' },
  { name: 'writeHighWatermark', kind: 'ratio', default: '85 %', description: 'enter write drain at this write-queue fill', source: 'gem5 write_high_thresh_perc = 85' },
  { name: 'writeLowWatermark', kind: 'ratio', default: '50 %', description: 'leave write drain at this write-queue fill', source: 'gem5 write_low_thresh_perc = 50' },
  { name: 'powerDownAfter', kind: 'time', default: 'off', description: 'idle time, counted from the channel\'s last completed request, before power-down entry (PDE; active power-down with a row open, else precharge power-down; exit PDX + tXP); off: never', source: 'timeout power-down policy as in DRAMPower / gem5 low-power states [controller design choice]' },
  { name: 'selfRefreshAfter', kind: 'time', default: 'off', description: 'idle time, counted from the channel\'s last completed request, before self-refresh entry (rows closed, SRE; the device refreshes itself; exit SRX + tXSR); off: never', source: 'timeout self-refresh policy [controller design choice]' },
];
const table = lpddr5_6400Timings('BG', 16);
for (const k of TIMING_NAMES) {
  const t = table[k];
  params.push({ name: `timing.${k}`, kind: 'time', default: `${t.ps / 1000} ns`, description: `override of ${k} (BG mode, 16 Gb die)${k === 'tCK' ? '; set RL, WL, tBL, tCCD_S and tCCD_L with it (clock counts)' : ''}`, source: t.source, ...(t.estimate ? { estimate: true } : {}) });
}

export const lpddr5Descriptor: PluginDescriptor = {
  interface: 'MemoryDevice',
  type: 'lpddr5',
  summary: 'LPDDR5-6400 (JESD209-5B via Ramulator 2.1 / gem5): multi-channel x16 device with an event-driven FR-FCFS/FCFS controller, open/closed page, all-bank/per-bank refresh, optional power-down and self-refresh',
  params,
  actions: ['act', 'pre', 'prea', 'rd', 'wr', 'refab', 'refpb', 'readBits', 'writeBits', 'activeStandbyPs', 'prechargeStandbyPs', 'pde', 'sre', 'activePowerDownPs', 'prechargePowerDownPs', 'selfRefreshPs'],
  stats: {
    readLatency: 'ps', writeLatency: 'ps', rowHits: 'count', rowMisses: 'count', rowConflicts: 'count', busyPs: 'ps',
  },
  presets: {
    ...Object.fromEntries((['LPDDR5_6400', 'orin-agx', 'qmc-table1'] as const).map((n) => {
      const p = lpddr5Preset(n);
      return [n, { source: p.source, ...(p.estimate ? { estimate: true } : {}) }];
    })),
  },
};
