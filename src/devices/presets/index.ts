/**
 * The list of device presets (every number with a source) and lookups by name with a did-you-mean.
 * LPDDR5 presets are listed by src/devices/index.ts next to the LPDDR5 plug-in.
 */
import { suggest } from '../../config/did-you-mean.js';
import { mramPresets } from './mram.js';
import { reramPresets } from './reram.js';
import { sramPresets } from './sram.js';
import { presetEstimates, type DevicePreset } from './param-spec.js';

export { effectivePreset, leakageScales, presetEstimates, presetFor, rawParams, resolvePreset, scaleLeakage, scaledLeakageSource } from './param-spec.js';
export type { DevicePreset, SourcedValue, ParamSpec, ParamSpecs } from './param-spec.js';
export { qmcMram, nvmexplorerMramOptimistic, nvmexplorerMramPessimistic, mramPresets } from './mram.js';
export { qmcReramMode, nvmexplorerReramOptimistic, nvmexplorerReramPessimistic, reramPresets } from './reram.js';
export { nvmexplorerSram2mb, nvmexplorerSramAt, sramPresets } from './sram.js';

/** SRAM, STT-MRAM and ReRAM presets in a fixed order. */
export const nvmAndSramPresets: readonly DevicePreset<unknown>[] = [...mramPresets, ...reramPresets, ...sramPresets] as readonly DevicePreset<unknown>[];

/** Result of a preset lookup: the preset, or a message with a did-you-mean. */
export type PresetLookup<T> = { ok: true; preset: T } | { ok: false; message: string };

/**
 * Finds `name` in `list` (by name or one of its aliases); on a miss the message lists a suggestion
 * or the known names, each with its aliases ('orin-lpddr5-6400 (or orin-agx)').
 */
export function lookupPreset<T extends { readonly name: string; readonly aliases?: readonly string[] }>(name: string, list: readonly T[]): PresetLookup<T> {
  const hit = list.find((p) => p.name === name || (p.aliases ?? []).includes(name));
  if (hit !== undefined) return { ok: true, preset: hit };
  const names = list.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
  const sub = names.filter((n) => n.includes(name) || name.includes(n));
  // words in another order ('lpddr5-orin' for 'orin-lpddr5-6400'): the one name holding every word
  const words = name.toLowerCase().split(/[-_\s]+/).filter((w) => w.length > 0);
  const byWords = names.filter((n) => words.length > 1 && words.every((w) => n.toLowerCase().split(/[-_]+/).includes(w)));
  const s = suggest(name, names) ?? (sub.length === 1 ? sub[0] : byWords.length === 1 ? byWords[0] : undefined);
  // a device type or family ('lpddr5', 'mram') names several presets: offer those
  const hint = s !== undefined ? `; did you mean '${s}'?` : sub.length > 1 && name.length >= 3 ? `; presets with '${name}' in their name: ${sub.join(', ')}` : '';
  const known = list.map((p) => (p.aliases !== undefined && p.aliases.length > 0 ? `${p.name} (or ${p.aliases.join(', ')})` : p.name));
  return { ok: false, message: `unknown device preset '${name}'${hint} (known: ${known.join(', ')})` };
}

/** For reports: each preset's parameters that rest on estimates. */
export function estimatesByPreset(list: readonly DevicePreset<unknown>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of list) out[p.name] = presetEstimates(p);
  return out;
}
