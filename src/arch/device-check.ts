/**
 * Load-time check of every memory's device block (preset name and parameter overrides), so a bad
 * device parameter is reported like any configuration error — file:line:col, key, expected,
 * found — instead of failing when the run starts.
 */
import { Engine } from '../engine/engine.js';
import { ConfigErrors, type ConfigProblem } from '../config/errors.js';
import type { SourceMap } from '../config/yaml.js';
import { defaultDeviceFactory } from './device-factory.js';
import type { SocConfig } from './soc-schema.js';

/**
 * Builds each device once on a scratch engine; collects failures as ConfigProblems located at
 * `<prefix>memories[i].device` in `sources`. Throws ConfigErrors when any device is invalid.
 */
export function checkDevices(soc: SocConfig, file: string, sources: SourceMap | undefined, prefix = ''): void {
  const problems: ConfigProblem[] = [];
  soc.memories.forEach((m, i) => {
    const path = `${prefix}memories[${i}].device`;
    try {
      defaultDeviceFactory(m.device, new Engine(), `soc.memory.${m.id}`, 0, m.noise);
    } catch (e) {
      const pos = sources?.get(path)?.value;
      const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
      problems.push({
        file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path,
        expected: 'a valid device (catalogue preset + parameter overrides, or type: ideal)',
        found: msg.replace(/^soc\.memory\.[^:]+: /, ''),
      });
    }
  });
  if (problems.length > 0) throw new ConfigErrors(problems);
}
