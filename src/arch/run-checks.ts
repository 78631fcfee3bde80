/**
 * Load-time checks of a run configuration against its SoC and the model catalogue: traffic names
 * initiators of the SoC, placement rules name its regions and compile (only policy: rules has
 * rules), energyTables name its memories and one of their devices' tables, the model exists. Each
 * problem is located at the run file's key (file:line:col) so bad input never reaches the replay.
 */
import { ConfigErrors, isUserError, type ConfigProblem } from '../config/errors.js';
import { didYouMean } from '../config/did-you-mean.js';
import { formatPath, type PathSegment } from '../config/paths.js';
import type { SourceMap } from '../config/yaml.js';
import { locate } from '../config/issues.js';
import { loadModel } from '../workloads/catalog.js';
import { POLICY_REGION_KEYS, type PlacementConfig } from './placement/policies.js';
import type { SocConfig } from './soc-schema.js';
import type { BuiltDevice } from './device-factory.js';

/** The parts of a run configuration these checks read. */
export interface RunParts {
  readonly model: string;
  readonly placement: PlacementConfig;
  readonly quant: { readonly scheme: string };
  readonly traffic: Readonly<Record<string, string>>;
  readonly energyTables: Readonly<Record<string, string>>;
  readonly workload: { readonly contextLength: number };
  readonly compute: { readonly enabled: boolean };
}

/**
 * Checks `run` against `soc`; `sources` locates the run file's keys; `built` holds the SoC's
 * devices as checkDevices built them (their energy tables). Throws ConfigErrors listing every
 * problem. The model check loads the model shape (cached catalogue), nothing is simulated.
 */
export function checkRunAgainstSoc(run: RunParts, soc: SocConfig, file: string, sources: SourceMap, built: ReadonlyMap<string, Pick<BuiltDevice, 'energyTables'>>): void {
  const problems: ConfigProblem[] = [];
  const problem = (path: readonly PathSegment[], expected: string, found: string, at: readonly PathSegment[] = path): void => {
    const pos = locate(sources, at);
    problems.push({ file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: formatPath(path), expected, found });
  };
  const hinted = (value: string, names: readonly string[]): string => {
    const h = didYouMean(value, names);
    return `'${value}'${h ? `; ${h}` : ''}`;
  };

  const initiators = soc.initiators.map((i) => i.id);
  for (const [k, v] of Object.entries(run.traffic)) {
    // a default ('gpu') the SoC has no initiator for says so: the user never wrote it
    const dflt = sources.has(formatPath(['traffic', k])) ? '' : ` (the default; the key traffic.${k} is missing)`;
    if (!initiators.includes(v)) problem(['traffic', k], `an initiator of SoC '${soc.name}' (${initiators.join(', ')})`, `${hinted(v, initiators)}${dflt}`);
  }

  const computeIni = soc.initiators.find((i) => i.id === run.traffic.compute);
  if (run.compute.enabled && computeIni !== undefined && computeIni.compute === undefined) {
    problem(['compute', 'enabled'], `compute off, or a compute: block on initiator '${computeIni.id}' (traffic.compute)`, `compute.enabled: true and initiator '${computeIni.id}' has no compute: block`);
  }

  const regions = soc.regions.map((r) => r.id);
  const expectRegion = `a region of SoC '${soc.name}' (${regions.join(', ')})`;
  const p = run.placement;
  // policy qmc splits QMC's outliers (MRAM) from its inliers (ReRAM); another scheme has neither
  // part, so its rule for other weights would silently put every weight in the outlier region
  if (p.policy === 'qmc' && run.quant.scheme !== 'qmc') {
    problem(['placement', 'policy'], `quant scheme qmc for placement policy qmc (outliers → '${p.regions.outliers}', inliers → '${p.regions.inliers}'); for scheme ${run.quant.scheme} use policy all-lpddr5, emems or rules`,
      `policy qmc with quant scheme ${run.quant.scheme}, which has no outlier/inlier split (every weight would go to '${p.regions.outliers}')`);
  }
  if (p.policy !== 'rules' && p.rules.length > 0) {
    problem(['placement', 'rules'], `no rules (policy '${p.policy}' places by placement.regions; set policy: rules to use rules)`, `${p.rules.length} rule${p.rules.length === 1 ? '' : 's'}, which would be ignored`);
  }
  if (p.policy === 'rules') {
    if (p.rules.length === 0) problem(['placement', 'rules'], 'at least one placement rule (policy: rules)', 'none');
    p.rules.forEach((r, i) => {
      if (!regions.includes(r.region)) problem(['placement', 'rules', i, 'region'], expectRegion, hinted(r.region, regions));
      if (r.tensor !== undefined) {
        try {
          new RegExp(r.tensor);
        } catch (e) {
          problem(['placement', 'rules', i, 'tensor'], 'a regular expression on the tensor id', `'${r.tensor}' (${(e as Error).message})`);
        }
      }
    });
  } else {
    for (const key of POLICY_REGION_KEYS[p.policy]) {
      const region = p.regions[key];
      if (regions.includes(region)) continue;
      const path = ['placement', 'regions', key];
      const written = sources.has(formatPath(path));
      problem(path, `${expectRegion} for the ${key} of policy '${p.policy}'`,
        `${hinted(region, regions)}${written ? '' : ' (the default; set placement.regions.' + key + ')'}`, written ? path : ['placement', 'policy']);
    }
  }

  const memories = soc.memories.map((m) => m.id);
  for (const [mem, name] of Object.entries(run.energyTables)) {
    const m = soc.memories.find((x) => x.id === mem);
    if (m === undefined) {
      problem(['energyTables', mem], `a memory of SoC '${soc.name}' (${memories.join(', ')})`, `key ${hinted(mem, memories)}`, ['energyTables', mem]);
      continue;
    }
    const b = built.get(mem);
    if (b === undefined) continue; // a device that did not build is reported by checkDevices
    const names = (b.energyTables ?? []).map((t) => t.name);
    if (!names.includes(name)) problem(['energyTables', mem], `an energy table of memory '${mem}' (${names.join(', ')})`, hinted(name, names));
  }

  try {
    const shape = loadModel(run.model);
    const max = shape.maxPositionEmbeddings;
    // Decoding one token after contextLength cached ones needs contextLength + 1 positions.
    if (max !== undefined && run.workload.contextLength + 1 > max) {
      problem(['workload', 'contextLength'], `at most ${max - 1} cached tokens (${shape.name} has ${max} positions)`, String(run.workload.contextLength));
    }
  } catch (e) {
    if (e instanceof ConfigErrors) problems.push(...e.problems); // a model YAML file's own located problems
    else if (!isUserError(e)) throw e;
    else problem(['model'], 'a model of configs/models or a model YAML path', e.message.replace(/^model: /, ''));
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
}
