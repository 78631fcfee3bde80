/**
 * Load-time check of every memory's device block (preset name and parameter overrides), of each
 * memory's bitsPerCell against its device's, and of the memory map against the devices'
 * capacities, so a bad device parameter or region is reported like any configuration error —
 * file:line:col of the offending key, expected, found, did-you-mean — not when the run starts.
 */
import type { z } from 'zod';
import { Engine } from '../engine/engine.js';
import { ConfigErrors, withLaterChecks, type ConfigProblem } from '../config/errors.js';
import { issuesToProblems, locate } from '../config/issues.js';
import { formatPath, parsePath, type PathSegment } from '../config/paths.js';
import type { SourceMap } from '../config/yaml.js';
import { deviceSchemas, findDevicePreset } from '../devices/index.js';
import { lpddr5ParamsSchema } from '../devices/dram/index.js';
import { nvmAndSramPresets, rawParams } from '../devices/presets/index.js';
import { defaultDeviceFactory, idealSchema, type BuiltDevice } from './device-factory.js';
import { deviceAreaDensity } from './report-parts.js';
import type { SocConfig } from './soc-schema.js';
import { paramsOf } from '../devices/param-error.js';
import { formatQuantity } from '../units/format.js';

/** Exact bytes plus the binary-prefixed size, for memory-map messages ('2097152 B = 2 MiB'). */
const bytesText = (b: number): string => `${b} B = ${formatQuantity(b, 'size', 6)}`;
/** bytesText without the repetition of a size below 1 KiB ('64 B', not '64 B = 64 B'). */
const sizeText = (b: number): string => (formatQuantity(b, 'size', 6) === `${b} B` ? `${b} B` : bytesText(b));

/** `data` placed at `path` inside an otherwise empty tree (so issue paths can carry the prefix). */
function nest(path: readonly PathSegment[], data: unknown): unknown {
  let v = data;
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i] as PathSegment;
    if (typeof seg === 'number') {
      const a: unknown[] = [];
      a[seg] = v;
      v = a;
    } else v = { [seg]: v };
  }
  return v;
}

/** Schema problems of one device block, located at the offending keys (empty when it parses). */
function blockProblems(spec: Readonly<Record<string, unknown>>, at: readonly PathSegment[], file: string, sources: SourceMap): ConfigProblem[] {
  const located = (schema: z.ZodType, data: unknown): ConfigProblem[] => {
    const r = schema.safeParse(data);
    if (r.success) return [];
    const issues = r.error.issues.map((i) => ({ ...i, path: [...at, ...i.path] }));
    return issuesToProblems(issues as typeof r.error.issues, nest(at, data), sources, file);
  };
  if (spec.type === 'ideal') return located(idealSchema, spec);
  const { preset, type: _type, ...overrides } = spec;
  if (typeof preset !== 'string') return []; // the factory's own message covers a missing preset
  const found = findDevicePreset(preset);
  if (!found.ok) {
    const pos = locate(sources, [...at, 'preset']);
    return [{ file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: formatPath([...at, 'preset']), expected: 'a device preset', found: found.message }];
  }
  const type = found.preset.type;
  if (type === 'lpddr5') return located(lpddr5ParamsSchema, overrides); // YAML units, strict keys
  if (type !== 'sram' && type !== 'stt-mram' && type !== 'reram') return [];
  const base = nvmAndSramPresets.find((p) => p.name === found.preset.name);
  if (base === undefined) return [];
  // (the parameter schema does not know `preset`, which the block takes too: list it among the allowed keys)
  return located(deviceSchemas[type] as z.ZodType, { ...rawParams(base), ...overrides })
    .map((p) => ({ ...p, expected: p.expected.replace(/^(a key allowed at '[^']*' \()/, "$1'preset', ") }));
}

/** Bits per cell of a catalogue device block (ReRAM: its bitsPerCell; other types store one); undefined for `type: ideal`. */
function cellBitsOf(spec: Readonly<Record<string, unknown>>): number | undefined {
  if (spec.type === 'ideal' || typeof spec.preset !== 'string') return undefined;
  const found = findDevicePreset(spec.preset);
  if (!found.ok) return undefined;
  if (found.preset.type !== 'reram') return 1;
  const base = nvmAndSramPresets.find((p) => p.name === found.preset.name);
  const bits = spec.bitsPerCell ?? (base === undefined ? undefined : rawParams(base).bitsPerCell);
  return typeof bits === 'number' ? bits : undefined;
}

/** A device block that failed to build, located at the parameter the device names when the block sets it (else at the block). */
function buildProblem(e: unknown, at: readonly PathSegment[], file: string, src: SourceMap): ConfigProblem {
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  // (a dotted parameter such as LPDDR5 timing.tRCD is a nested block here: timing: { tRCD: … })
  const keyPaths = paramsOf(e).flatMap((k) => [[...at, k], [...at, ...k.split('.')]]);
  // a key a --set changed is the likelier culprit than one the file kept (channels=1e12 blamed banksPerChannel's line)
  const setKeys = keyPaths.filter((p) => src.get(formatPath(p))?.value.file.startsWith('--set ') === true);
  const keyed = setKeys[0] ?? keyPaths.find((p) => src.has(formatPath(p))) ?? at;
  const pos = locate(src, keyed);
  return { file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: formatPath(keyed),
    expected: 'a valid device (catalogue preset + parameter overrides, or type: ideal)', found: msg.replace(/^\[[^\]]*\] /, '') };
}

/**
 * Builds each device once on a scratch engine; collects failures as ConfigProblems located at
 * `<prefix>memories[i].device…` in `sources`, then checks every region against its memory's
 * capacity and the other regions of that memory. Throws ConfigErrors when anything is invalid;
 * otherwise returns the built devices by memory id (in SoC order) for further load-time checks
 * (a run's `energyTables:`), so no check builds them again.
 */
export function checkDevices(soc: SocConfig, file: string, sources: SourceMap | undefined, prefix = ''): ReadonlyMap<string, BuiltDevice> {
  const pre = prefix === '' ? [] : (parsePath(prefix.replace(/\.$/, '')) ?? []);
  const src: SourceMap = sources ?? new Map();
  const problems: ConfigProblem[] = [];
  const problem = (path: readonly PathSegment[], expected: string, found: string): void => {
    const pos = locate(src, path);
    problems.push({ file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: formatPath(path), expected, found });
  };
  // a link (or bus) buffer smaller than one request: at its buffer key, or at the link when the default applies
  const bufferProblem = (link: readonly PathSegment[], buffer: number, request: number, whose: string): void => {
    const set = src.has(formatPath([...link, 'buffer']));
    problem(set ? [...link, 'buffer'] : link, `a buffer of at least one request, ${sizeText(request)} (the request size of ${whose}; the link buffer holds whole transfers)`,
      set ? sizeText(buffer) : `${sizeText(buffer)} (the default; the key is missing)`);
  };
  const built = new Map<string, BuiltDevice>();
  soc.memories.forEach((m, i) => {
    const at = [...pre, 'memories', i, 'device'];
    const own = blockProblems(m.device, at, file, src);
    if (own.length > 0) {
      problems.push(...own);
      return;
    }
    try {
      const b = defaultDeviceFactory(m.device, new Engine(), `soc.memory.${m.id}`, 0, m.noise);
      built.set(m.id, b);
      // two storage densities for one memory's area (report-parts.ts areaDensity uses the device block's): they must agree
      const own = deviceAreaDensity(b.device);
      if (m.device.density !== undefined && m.density !== undefined && own !== undefined && Math.abs(own - m.density) > 1e-9 * m.density) {
        problem([...pre, 'memories', i, 'device', 'density'], `the memory's density (${formatQuantity(m.density, 'density', 6)}), or only one of the two keys (the area uses the device block's)`, formatQuantity(own, 'density', 6));
      }
      // the memory's bitsPerCell counts its cells (cells, weightCells, the memory claims): it must be the device's
      const cell = cellBitsOf(m.device);
      if (cell !== undefined && cell !== m.bitsPerCell) {
        const set = src.has(formatPath([...pre, 'memories', i, 'bitsPerCell']));
        problem([...pre, 'memories', i, 'bitsPerCell'], `${cell}, the bits per cell of its device (${String(m.device.preset)})`, set ? String(m.bitsPerCell) : `${m.bitsPerCell} (the default; the key is missing)`);
      }
      // the link buffer holds whole transfers: one smaller than a request holds none (the port would
      // stop at every transfer, whatever the size; 1 B behaved as 64 B)
      const request = m.requestSize ?? b.device.granuleBytes;
      if (soc.interconnect.type !== 'bus' && m.link !== undefined && m.link.buffer < request) bufferProblem([...pre, 'memories', i, 'link'], m.link.buffer, request, `memory '${m.id}'`);
    } catch (e) {
      problems.push(buildProblem(e, at, file, src));
    }
  });
  const bus = soc.interconnect.bus;
  if (soc.interconnect.type === 'bus' && bus !== undefined && built.size === soc.memories.length) {
    const sizes = soc.memories.map((m) => ({ id: m.id, bytes: m.requestSize ?? (built.get(m.id)?.device.granuleBytes ?? 0) }));
    const largest = sizes.reduce((a, x) => (x.bytes > a.bytes ? x : a));
    if (bus.buffer < largest.bytes) bufferProblem([...pre, 'interconnect', 'bus'], bus.buffer, largest.bytes, `memory '${largest.id}', the largest on the bus`);
  }
  if (problems.length === 0) {
    const spans = soc.regions.map((r) => {
      const cap = built.get(r.memory)?.device.capacityBytes;
      return cap === undefined ? undefined : { base: r.base, end: r.base + (r.size ?? Math.max(0, cap - r.base)), cap };
    });
    // at the key that put the region there: its base (past the end, or overlapping) or its size
    const key = (i: number, k: 'base' | 'size'): PathSegment[] => {
      const p = [...pre, 'regions', i, k];
      return src.has(formatPath(p)) ? p : [...pre, 'regions', i];
    };
    soc.regions.forEach((r, i) => {
      const s = spans[i];
      if (s === undefined) return; // unknown memory: reported by the SoC schema
      if (s.base >= s.cap || s.end > s.cap) {
        const at = s.base >= s.cap || r.size === undefined ? key(i, 'base') : key(i, 'size');
        problem(at, `a region inside memory '${r.memory}' (capacity ${bytesText(s.cap)})`, r.size === undefined ? `base ${s.base} B` : `[${s.base}, ${s.end}) B`);
        return;
      }
      for (let j = 0; j < i; j++) {
        const o = spans[j];
        const other = soc.regions[j];
        if (o === undefined || other === undefined || other.memory !== r.memory) continue;
        if (o.base < s.end && s.base < o.end) {
          problem(key(i, 'base'), `a region not overlapping region '${other.id}' [${o.base}, ${o.end}) B of memory '${r.memory}'`, `[${s.base}, ${s.end}) B`);
        }
      }
    });
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return built;
}

/**
 * Runs `load` (a SoC loaded through its schema). When it fails with ConfigErrors, the device
 * blocks of the raw tree (`raw()`: the composed data and its sources, the SoC at `at`) are checked
 * and built too and their problems added, so one pass names a misspelt device parameter alongside the SoC's
 * own schema errors instead of only after those are fixed. Not when the file is of another kind.
 */
export function withDeviceBlockProblems<T>(load: () => T, raw: () => { data: unknown; sources: SourceMap }, file: string, at: readonly PathSegment[] = []): T {
  return withLaterChecks(load, () => {
    const tree = raw();
    let soc: unknown = tree.data;
    for (const seg of at) soc = isMap(soc) ? soc[seg as string] : undefined;
    const memories = isMap(soc) ? soc.memories : undefined;
    return !Array.isArray(memories) ? [] : memories.flatMap((m, i) => {
      const device = isMap(m) ? m.device : undefined;
      if (!isMap(device)) return [];
      const blockAt = [...at, 'memories', i, 'device'];
      const own = blockProblems(device, blockAt, file, tree.sources);
      if (own.length > 0) return own;
      try {
        defaultDeviceFactory(device, new Engine(), `soc.memory.${i}`, 0); // combined-parameter errors (iterationsMax < iterationsMin)
        return [];
      } catch (e) {
        return [buildProblem(e, blockAt, file, tree.sources)];
      }
    });
  });
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
