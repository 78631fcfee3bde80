/**
 * The composition root's list of plug-ins and configuration kinds. Everything `describe` prints and
 * `validate` checks is registered here, once, before any command runs. Owners append their
 * `registerDescriptors([...])` / `registerConfigKind(...)` calls below. Kinds whose command loads
 * more than one schema checks (run, soc, sweep, devices, noise-study, qmc-study) also register that loader for `validate`.
 */
import { dirname, resolve } from 'node:path';
import { archDescriptors } from '../arch/descriptors.js';
import { checkDevices, withDeviceBlockProblems } from '../arch/device-check.js';
import { loadRunConfig, registerArchKinds, socSetSource } from '../arch/run-config.js';
import { quantFileTree } from '../arch/quant-file.js';
import { resolvedRun } from '../arch/resolved-run.js';
import { socSchema } from '../arch/soc-schema.js';
import { devicesKindSchema, registerBuiltinKinds } from '../config/builtin-kinds.js';
import { UserError, withLaterChecks } from '../config/errors.js';
import { registerConfigKind } from '../config/kinds.js';
import { pluginSchema } from '../config/descriptor-schema.js';
import { composeConfig, loadConfig } from '../config/load.js';
import { displayName } from '../config/resolve.js';
import { registerDescriptors } from '../config/registry.js';
import type { SourceMap, SourcePos } from '../config/yaml.js';
import { devicePlugins, type DeviceSpec } from '../devices/index.js';
import { checkDeviceEntries, deviceEntryProblems } from '../devices/presets/check-entries.js';
import { noiseDescriptors } from '../devices/noise/descriptors.js';
import { registerStudyKinds } from '../study/kinds.js';
import { checkNoiseStudy } from '../study/noise-checks.js';
import { noiseStudySchema } from '../study/noise-config.js';
import { prepareReproduction } from '../study/reproduce-prepare.js';
import { checkSweepFile, sweepFileSchema } from '../sweep/sweep-kind.js';
import { workloadDescriptors } from '../workloads/descriptors.js';
import { modelShapeSchema } from '../workloads/model-shape.js';
import { quantConfigSchema } from '../workloads/quant/config.js';
import { registerKindLoader, type KindLoader } from './commands/validate.js';

/** True if `file` (resolved against the working directory, so `cd configs/quant && validate qmc.yaml` counts) lies in a folder named `dir` (e.g. 'configs/models'). */
const inFolder = (dir: string) => (file: string): boolean => resolve(file).replace(/\\/g, '/').includes(`/${dir}/`);

/**
 * `kind: run` as `qmcsim run` loads it (loadRunConfig: `soc.…` overrides go into the SoC file a
 * path `soc:` names, `quant.…` ones into the quant file a path `quant:` names; device blocks are
 * built). Sources and files of every file, for --provenance and the file count.
 */
const loadRun: KindLoader = (file, overrides) => {
  const cfg = loadRunConfig(file, overrides);
  const { socFile, ...value } = cfg; // socFile: absolute path, not hashed
  const hashed = resolvedRun(cfg).config; // the hash resolved.json records for this run
  const quant = quantFileTree(file, overrides); // `quant: FILE`: its quant.… overrides go there
  const own = quant?.runOverrides ?? overrides;
  const run = composeConfig(file, socFile === undefined ? own : own.filter((o) => !o.startsWith('soc.')));
  const sources: SourceMap = new Map(run.sources);
  const files = [...run.files];
  if (socFile !== undefined) {
    const soc = composeConfig(displayName(socFile), own.filter((o) => o.startsWith('soc.')).map((o) => o.slice(4)));
    const setSoc = (p: SourcePos): SourcePos => ({ ...p, file: socSetSource(p.file) });
    for (const [k, v] of soc.sources) {
      sources.set(k === '' ? 'soc' : k.startsWith('[') ? `soc${k}` : `soc.${k}`, { value: setSoc(v.value), ...(v.key !== undefined ? { key: setSoc(v.key) } : {}) });
    }
    files.push(...soc.files);
  }
  if (quant !== undefined) {
    for (const k of [...sources.keys()]) if (k.startsWith('quant.') || k.startsWith('quant[')) sources.delete(k);
    const shown = (p: SourcePos): SourcePos => (p.file.startsWith('--set ') ? p : { ...p, file: displayName(p.file) });
    for (const [k, v] of quant.sources) {
      if (k === 'quant' && sources.has('quant')) continue; // keep where the run names the file
      sources.set(k, { value: shown(v.value), ...(v.key !== undefined ? { key: shown(v.key) } : {}) });
    }
    files.push(...quant.files);
  }
  return { value, hashed, files, sources };
};

/** `kind: soc` as loadRunConfig loads an SoC file: schema, then every device block built. */
const loadSoc: KindLoader = (file, overrides) => {
  const loaded = withDeviceBlockProblems(() => loadConfig(file, socSchema, { overrides, kind: 'soc' }), () => composeConfig(file, overrides), file);
  checkDevices(loaded.value, file, loaded.sources);
  return { value: loaded.value, files: loaded.files, sources: loaded.sources };
};

/**
 * `kind: devices` as `qmcsim replay --device FILE#id` loads it: schema, then every entry built
 * once (combined-parameter errors such as iterationsMax < iterationsMin are caught there).
 */
const loadDevices: KindLoader = (file, overrides) => {
  const loaded = withEntryBuildProblems(() => loadConfig(file, devicesKindSchema(), { overrides, kind: 'devices' }), file, overrides);
  checkDeviceEntries((loaded.value as { devices: DeviceSpec[] }).devices, file, loaded.sources);
  return { value: loaded.value, files: loaded.files, sources: loaded.sources };
};

/**
 * Runs `load`; when the file fails its schema, the entries that pass their own (MemoryDevice
 * descriptor) schema are built too and their build problems reported in the same pass.
 */
function withEntryBuildProblems<T>(load: () => T, file: string, overrides: readonly string[]): T {
  return withLaterChecks(load, () => {
    const tree = composeConfig(file, overrides);
    const entries = (tree.data as { devices?: unknown } | null)?.devices;
    const entry = pluginSchema('MemoryDevice');
    const parsed = Array.isArray(entries) ? entries.map((d) => {
      const r = entry.safeParse(d);
      return r.success ? (r.data as DeviceSpec) : undefined;
    }) : [];
    return deviceEntryProblems(parsed, file, tree.sources);
  });
}

/**
 * `kind: noise-study` as `qmcsim study noise` loads it: schema, then checkNoiseStudy (the model's
 * tensors, the noise presets, the replayed run files with `replay.set`, their memory ids).
 */
const loadNoiseStudy: KindLoader = (file, overrides) => {
  const loaded = loadConfig(file, noiseStudySchema, { overrides, kind: 'noise-study' });
  checkNoiseStudy(loaded.value, file, loaded.sources, dirname(resolve(file)), (loaded.raw as { quant?: unknown }).quant);
  return { value: loaded.value, files: loaded.files, sources: loaded.sources };
};

/**
 * `kind: qmc-study` as `qmcsim reproduce` loads it before its first replay: the study file, its
 * expected values, each configuration's run file (it exists; loaded with its `set:`), the ρ-sweep
 * points and design-value paths. No replay runs. `--set` overrides apply to the study file.
 */
const loadQmcStudy: KindLoader = (file, overrides) => {
  const p = prepareReproduction({ studyFile: file, studyOverrides: overrides });
  return { value: p.study, files: p.files, sources: p.sources, note: `${p.study.configurations.length} configurations, ${p.tasks.length} replays` };
};

/** `kind: sweep`: every check `qmcsim sweep` makes before the first point runs. */
const loadSweep: KindLoader = async (file, overrides) => {
  if (overrides.length > 0) throw new UserError(`--set: a sweep file takes no overrides; put them under 'set:' in ${file}`);
  const { expanded } = await checkSweepFile(file);
  const tree = composeConfig(file);
  const skipped = expanded.skipped.length;
  return { value: tree.data, files: tree.files, sources: tree.sources, note: `${expanded.points.length} points${skipped > 0 ? `, ${skipped} more skipped by constraints` : ''}` };
};

let done = false;

/** Registers every plug-in descriptor and configuration kind (idempotent). */
export function registerPlugins(): void {
  if (done) return;
  done = true;
  registerDescriptors(devicePlugins);
  registerDescriptors(noiseDescriptors);
  registerDescriptors(workloadDescriptors);
  registerDescriptors(archDescriptors);
  registerBuiltinKinds();
  registerArchKinds();
  registerStudyKinds();
  registerConfigKind('model', modelShapeSchema, { description: 'a decoder-only model shape (configs/models)', matches: inFolder('configs/models') });
  registerConfigKind('quant', quantConfigSchema, { description: 'a quantization scheme (configs/quant)', matches: inFolder('configs/quant') });
  registerConfigKind('sweep', sweepFileSchema, { description: 'a design-space sweep: base run config, axes, sampler, constraints, metrics (qmcsim sweep)'});
  registerKindLoader('run', loadRun);
  registerKindLoader('soc', loadSoc);
  registerKindLoader('sweep', loadSweep);
  registerKindLoader('devices', loadDevices);
  registerKindLoader('noise-study', loadNoiseStudy);
  registerKindLoader('qmc-study', loadQmcStudy);
}
