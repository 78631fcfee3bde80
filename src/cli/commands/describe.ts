/**
 * `qmcsim describe [INTERFACE [TYPE]]`: prints the registered plug-ins straight from their
 * PluginDescriptors (parameters with kind, unit, default, source, estimate flag, range; actions; stats;
 * presets, with the device-catalogue names of each MemoryDevice type) and the registered
 * configuration kinds. Unknown names exit 2 with a did-you-mean, or the type a preset belongs to.
 */
import type { Command } from 'commander';
import { suggest } from '../../config/did-you-mean.js';
import { allConfigKinds } from '../../config/kinds.js';
import type { ParamDoc, PluginDescriptor, Source } from '../../config/plugin.js';
import { allDescriptors, descriptorsOf, findDescriptor, registeredInterfaces } from '../../config/registry.js';
import { canonicalJson } from '../../config/dump.js';
import { deviceCatalog } from '../../devices/index.js';
import type { EnergyTable } from '../../devices/energy/energy-table.js';
import { IDEAL_MEMORY_DESCRIPTOR } from '../../arch/ideal-descriptor.js';
import { canonicalUnit, type Dimension } from '../../units/quantity.js';
import { UserError } from '../errors.js';
import { out } from '../io.js';

/** Left-aligned text table; cells never wrap. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A parameter's allowed range as the schema checks it: '[2, 8]', '>= 1', '<= 3', '> 0' (positive quantities), or ''. */
export function rangeOf(p: ParamDoc): string {
  if (p.min !== undefined && p.max !== undefined) return `[${p.min}, ${p.max}]`;
  if (p.min !== undefined) return `>= ${p.min}`;
  if (p.max !== undefined) return `<= ${p.max}`;
  return p.positive === true ? '> 0' : '';
}

function unitOf(p: ParamDoc): string {
  return p.kind in canonicalUnit ? canonicalUnit[p.kind as Dimension] : p.kind === 'enum' ? (p.values ?? []).join('|') : '';
}

/**
 * Presets of a plug-in: its descriptor's, plus (MemoryDevice) the device-catalogue names an SoC's
 * `device: { preset: NAME }` takes, e.g. qmc-lpddr5 for lpddr5, whose descriptor lists only its
 * organisation presets.
 */
function presetsOf(d: PluginDescriptor): Record<string, Source> {
  const all: Record<string, Source> = { ...(d.presets ?? {}) };
  if (d.interface !== 'MemoryDevice') return all;
  for (const e of deviceCatalog) {
    if (e.type === d.type && all[e.name] === undefined) all[e.name] = { source: `device catalogue: ${e.summary}`, ...(e.estimates.length > 0 ? { estimate: true } : {}) };
  }
  return all;
}

/** Full text description of one plug-in. */
export function describePlugin(d: PluginDescriptor): string {
  const lines = [`${d.interface} ${d.type}: ${d.summary}`, ''];
  const rows = d.params.map((p) => [
    p.name, p.kind, unitOf(p),
    p.default === undefined ? (p.required === false ? '(optional)' : '(required)') : String(p.default),
    p.estimate ? 'yes' : '',
    p.source ?? (p.default === undefined ? '' : '(no source)'),
    p.description,
    rangeOf(p),
  ]);
  // 'range' comes last so the earlier columns stay where scripts and tests expect them
  lines.push(rows.length > 0 ? table(['param', 'kind', 'unit', 'default', 'estimate', 'source', 'description', 'range'], rows) : '(no parameters)');
  if (d.actions && d.actions.length > 0) lines.push('', `actions counted: ${d.actions.join(', ')}`);
  const stats = Object.entries(d.stats ?? {});
  if (stats.length > 0) lines.push('', table(['statistic', 'unit'], stats.map(([k, u]) => [k, u])));
  const presets = Object.entries(presetsOf(d));
  if (presets.length > 0) lines.push('', table(['preset', 'estimate', 'source'], presets.map(([k, s]) => [k, s.estimate ? 'yes' : '', s.source])));
  const energy = energyRows(d);
  if (energy.length > 0) {
    lines.push('', 'energy tables of its presets (counts are priced after the run; each preset reports every table, its own first):',
      table(['table', 'presets', 'action', 'pJ', 'per', 'estimate', 'source'], energy));
  }
  return lines.join('\n');
}

/**
 * A device type whose energy is no parameter (LPDDR5: per-command energies from IDD currents, QMC's
 * per-bit figure): every energy table of its catalogue presets, one row per priced action and one for
 * background power, with source and estimate flag.
 */
function energyRows(d: PluginDescriptor): string[][] {
  if (d.interface !== 'MemoryDevice' || d.params.some((p) => p.kind === 'energy' || p.kind === 'energyPerBit')) return [];
  const byTable = new Map<string, { table: EnergyTable; presets: string[] }>();
  for (const e of deviceCatalog) {
    if (e.type !== d.type) continue;
    for (const t of e.energyTables()) {
      const seen = byTable.get(t.name);
      if (seen === undefined) byTable.set(t.name, { table: t, presets: [e.name] });
      else seen.presets.push(e.name);
    }
  }
  const rows: string[][] = [];
  for (const { table: t, presets } of byTable.values()) {
    const names = presets.join(', ');
    for (const [action, x] of Object.entries(t.actions)) rows.push([t.name, names, action, String(Number(x.pj.toPrecision(6))), x.per, x.estimate ? 'yes' : '', x.source]);
    if (t.otherActions !== undefined) rows.push([t.name, names, '(other commands)', String(Number(t.otherActions.pj.toPrecision(6))), t.otherActions.per, t.otherActions.estimate ? 'yes' : '', t.otherActions.source]);
    const bg = t.background;
    rows.push([t.name, names, 'background', `${Number(bg.watts.toPrecision(6))} W`, '(power)', bg.estimate ? 'yes' : '', bg.source]);
  }
  return rows;
}

/**
 * The types `describe` shows for an interface: the registered ones, plus for MemoryDevice the ideal
 * reference device, which an SoC memory may use but which is no registered plug-in (ideal-descriptor.ts).
 */
function typesOf(iface: string): PluginDescriptor[] {
  const ds = descriptorsOf(iface);
  return iface === 'MemoryDevice' ? [...ds, IDEAL_MEMORY_DESCRIPTOR] : [...ds];
}

function listing(): string {
  const ifaces = registeredInterfaces();
  const lines: string[] = [];
  if (ifaces.length === 0) lines.push('No plug-ins are registered.');
  else {
    lines.push('Plug-in interfaces (qmcsim describe INTERFACE [TYPE] for details):', '');
    lines.push(table(['interface', 'types'], ifaces.map((i) => [i, typesOf(i).map((d) => d.type).join(', ') + (i === 'MemoryDevice' ? ' (ideal: SoC memories only)' : '')])));
  }
  const kinds = allConfigKinds();
  if (kinds.length > 0) {
    lines.push('', 'Configuration kinds (top-level `kind:` of a YAML file; qmcsim validate FILE):', '');
    lines.push(table(['kind', 'description'], kinds.map((k) => [k.kind, k.description])));
  }
  return lines.join('\n');
}

/**
 * The one candidate containing `name` (case-insensitive, 4 letters or more): 'memory' → 'MemoryDevice',
 * 'noise' → 'NoiseModel', which are too far for an edit-distance did-you-mean.
 */
function partOf(name: string, candidates: readonly string[]): string | undefined {
  if (name.length < 4) return undefined;
  const hits = candidates.filter((c) => c.toLowerCase().includes(name.toLowerCase()));
  return hits.length === 1 ? hits[0] : undefined;
}

function pickInterface(name: string): string {
  const ifaces = registeredInterfaces();
  if (ifaces.includes(name)) return name;
  const ci = ifaces.find((i) => i.toLowerCase() === name.toLowerCase());
  if (ci !== undefined) return ci;
  const hint = suggest(name, ifaces) ?? partOf(name, ifaces);
  // a type or a preset given without its interface ('describe qmc', 'describe qmc-reram-3bit')
  const owners = allDescriptors().filter((d) => d.type.toLowerCase() === name.toLowerCase() || presetsOf(d)[name] !== undefined);
  const where = owners.map((d) => (d.type.toLowerCase() === name.toLowerCase() ? `qmcsim describe ${d.interface} ${d.type}` : `qmcsim describe ${d.interface} ${d.type} (a preset of it)`));
  // a configuration kind ('describe run'): plug-in descriptors do not cover it; say where it is checked
  const kind = allConfigKinds().find((k) => k.kind === name.toLowerCase());
  const more = kind !== undefined ? `; '${kind.kind}' is a configuration kind (${kind.description}), not a plug-in interface: qmcsim validate FILE checks a kind: ${kind.kind} file`
    : hint ? `; did you mean '${hint}'?` : where.length > 0 ? `; '${name}' is a type or preset: ${where.join(', ')}` : '';
  throw new UserError(`describe: unknown interface '${name}'; expected one of ${ifaces.join(', ') || '(none registered)'}${more}`);
}

/** 'describe MemoryDevice qmc-reram-3bit': the type whose presets include `name`, as a hint. */
function presetHint(iface: string, name: string): string {
  const d = descriptorsOf(iface).find((x) => presetsOf(x)[name] !== undefined);
  return d === undefined ? '' : `; '${name}' is a preset of type ${d.type} (qmcsim describe ${iface} ${d.type} lists it)`;
}

export function register(program: Command): void {
  program
    .command('describe')
    .description('list plug-ins and their parameters (units, defaults, sources) from their descriptors')
    .argument('[interface]', "plug-in interface, e.g. 'MemoryDevice'")
    .argument('[type]', "plug-in type, e.g. 'stt-mram'")
    .option('--all', 'describe every registered plug-in in full')
    .option('--json', 'print descriptors as JSON')
    .action((iface: string | undefined, type: string | undefined, opts: { all?: boolean; json?: boolean }) => {
      let selected: PluginDescriptor[];
      if (iface === undefined) {
        if (!opts.all && !opts.json) {
          out(listing());
          return;
        }
        selected = registeredInterfaces().flatMap(typesOf);
      } else {
        const i = pickInterface(iface);
        if (type === undefined) {
          selected = typesOf(i);
          if (!opts.all && !opts.json) {
            out(`${i} types (qmcsim describe ${i} TYPE for parameters):\n`);
            out(table(['type', 'summary'], selected.map((d) => [d.type, d.summary])));
            return;
          }
        } else {
          // Types match case-insensitively, like interfaces ('STT-MRAM' is stt-mram).
          const d = findDescriptor(i, type) ?? typesOf(i).find((x) => x.type.toLowerCase() === type.toLowerCase());
          if (d === undefined) {
            const types = typesOf(i).map((x) => x.type);
            const hint = suggest(type, types);
            throw new UserError(`describe: unknown ${i} type '${type}'; expected one of ${types.join(', ')}${hint ? `; did you mean '${hint}'?` : presetHint(i, type)}`);
          }
          selected = [d];
        }
      }
      // JSON carries what the text table shows: each parameter's canonical unit ('' when unitless)
      if (opts.json) out(canonicalJson(selected.map((d) => ({ ...d, params: d.params.map((p) => ({ ...p, unit: unitOf(p) })) })), 2));
      else out(selected.map(describePlugin).join('\n\n'));
    });
}
