/**
 * A run's `quant:` naming a quantizer YAML (`kind: quant`, as configs/quant/*.yaml) instead of an
 * inline map: the file is loaded (extends:, its own `quant.`-prefixed overrides, strict schema,
 * errors located in it) and its composed content replaces the name as one more override, so the
 * run is validated, hashed and reported exactly as with the same map written inline.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigErrors } from '../config/errors.js';
import { composeConfig, loadConfig } from '../config/load.js';
import { quantConfigSchema } from '../workloads/quant/config.js';

/**
 * `overrides` with `quant.…` ones moved into the quant file `file`'s run names (when `quant:` is a
 * path), followed by `quant=<its content>`; unchanged when `quant:` is inline.
 */
export function quantFileOverrides(file: string, overrides: readonly string[]): readonly string[] {
  const own = overrides.filter((o) => !o.startsWith('quant.'));
  const probe = composeConfig(file, own.filter((o) => !o.startsWith('soc.')));
  const ref = (probe.data as { quant?: unknown } | undefined)?.quant;
  if (typeof ref !== 'string') return overrides;
  const at = probe.sources.get('quant')?.value;
  const fromSet = at?.file.startsWith('--set ') === true;
  const qFile = resolve(fromSet || at === undefined ? process.cwd() : dirname(resolve(at.file)), ref);
  if (!statSync(qFile, { throwIfNoEntry: false })?.isFile()) {
    throw new ConfigErrors([{ file: at?.file ?? file, line: at?.line ?? 0, col: at?.col ?? 0, path: 'quant',
      expected: 'a kind: quant file (e.g. configs/quant/qmc.yaml; relative to the file that sets quant:, a --set to the working directory) or an inline quant map',
      found: `'${ref}' (${qFile} is not a readable file)` }]);
  }
  const qOv = overrides.filter((o) => o.startsWith('quant.')).map((o) => o.slice(6));
  let raw: unknown;
  try {
    raw = loadConfig(qFile, quantConfigSchema, { overrides: qOv, kind: 'quant' }).raw;
  } catch (e) {
    // an override the quant file received is quoted as the user typed it (--set quant.bits=0)
    if (!(e instanceof ConfigErrors)) throw e;
    throw new ConfigErrors(e.problems.map((p) => (p.file.startsWith('--set ')
      ? { ...p, file: `--set quant.${p.file.slice(6)}`, path: p.path === '' ? 'quant' : `quant.${p.path}` }
      : p)));
  }
  return [...own, `quant=${JSON.stringify(raw)}`];
}
