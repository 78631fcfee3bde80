/**
 * Load-time build of every entry of a `kind: devices` file (catalogEntryFromSpec, what `replay
 * --device FILE#id` runs), so `validate` rejects the parameter combinations no single key's check
 * sees (ReRAM iterationsMax < iterationsMin, an SRAM cycle rounding to 0 ps), located at the key.
 */
import { ConfigErrors, type ConfigProblem } from '../../config/errors.js';
import { formatPath, type PathSegment } from '../../config/paths.js';
import type { SourceMap } from '../../config/yaml.js';
import { catalogEntryFromSpec, deviceTypes, type DeviceCatalogEntry, type DeviceSpec } from './catalog.js';
import { paramsOf } from '../param-error.js';

/**
 * Builds each built-in-type entry of `devices` (validated `kind: devices` entries) as replay does at load; every
 * failure becomes a ConfigProblem at `devices[i].<param>` when the device names the parameter
 * (DeviceParamError) and the entry sets it, else at `devices[i]`. Throws ConfigErrors if any fails.
 * With `only`, builds just the entry at that index (replay --device FILE#ID). Returns the built
 * entries by index (undefined where an entry was not built: another plug-in's type, or not `only`).
 */
export function checkDeviceEntries(devices: readonly DeviceSpec[], file: string, sources: SourceMap, only?: number): (DeviceCatalogEntry | undefined)[] {
  const { problems, built } = buildEntries(devices, file, sources, only);
  if (problems.length > 0) throw new ConfigErrors(problems);
  return built;
}

/**
 * The build problems of the entries that passed their own schema (undefined: an entry that did
 * not), for a file whose schema check failed elsewhere: reported in the same pass.
 */
export function deviceEntryProblems(devices: readonly (DeviceSpec | undefined)[], file: string, sources: SourceMap): ConfigProblem[] {
  return buildEntries(devices, file, sources).problems;
}

function buildEntries(devices: readonly (DeviceSpec | undefined)[], file: string, sources: SourceMap, only?: number): { problems: ConfigProblem[]; built: (DeviceCatalogEntry | undefined)[] } {
  const problems: ConfigProblem[] = [];
  const built: (DeviceCatalogEntry | undefined)[] = devices.map(() => undefined);
  devices.forEach((spec, i) => {
    if (spec === undefined || (only !== undefined && i !== only)) return;
    // Types other plug-ins registered (descriptor-checked only) have no catalogue build to run.
    if (!(deviceTypes as readonly string[]).includes(spec.type)) return;
    try {
      built[i] = catalogEntryFromSpec(spec);
    } catch (e) {
      const msg = ((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '');
      const key = paramsOf(e).find((k) => sources.has(formatPath(['devices', i, k])));
      const keyed: PathSegment[] = key !== undefined ? ['devices', i, key] : ['devices', i];
      const pos = sources.get(formatPath(keyed))?.value;
      problems.push({
        file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: formatPath(keyed),
        expected: 'parameters the device can be built with', found: msg,
      });
    }
  });
  return { problems, built };
}
