/**
 * Renders the presets as `kind: devices` YAML catalogues (configs/devices/*.yaml), one parameter per
 * line with its source as a trailing comment, so users start from files whose every number is
 * sourced. The files are generated from the presets (a test keeps them in sync).
 */
import type { DevicePreset, SourcedValue } from './param-spec.js';
import { mramPresets } from './mram.js';
import { qmcReramMode, nvmexplorerReramOptimistic, nvmexplorerReramPessimistic } from './reram.js';
import { sramPresets } from './sram.js';

/** An LPDDR5 entry is a reference to the LPDDR5 plug-in's own preset. */
export interface Lpddr5Ref {
  readonly id: string;
  readonly lpddr5Preset: string;
  readonly comment: string;
}

function quote(v: string | number): string {
  if (typeof v === 'number') return String(v);
  return /^[A-Za-z0-9 ._/^+-]+$/.test(v) && !/^(true|false|null|yes|no)$/i.test(v) ? v : JSON.stringify(v);
}

function entry(p: DevicePreset<unknown>): string[] {
  const lines = [`  - type: ${p.type}`, `    id: ${p.name}`, `    # ${p.summary}`];
  for (const [k, v] of Object.entries(p.params) as [string, SourcedValue][]) {
    lines.push(`    ${k}: ${quote(v.value)}  # ${v.estimate === true ? '[estimate] ' : ''}${v.source.replace(/\n/g, ' ')}`);
  }
  return lines;
}

function file(title: string, presets: readonly DevicePreset<unknown>[], lp: readonly Lpddr5Ref[] = []): string {
  const out = [
    `# ${title}`,
    '# Generated from src/devices/presets (UPDATE_DEVICE_CONFIGS=1 npx vitest run test/devices/presets); edit the presets, not this file.',
    '# Every number carries its source as a comment; [estimate] marks numbers without a primary source.',
    'kind: devices',
    'version: 1',
    'devices:',
  ];
  for (const p of presets) out.push(...entry(p));
  for (const r of lp) out.push(`  - type: lpddr5`, `    id: ${r.id}`, `    # ${r.comment}`, `    preset: ${r.lpddr5Preset}`);
  return `${out.join('\n')}\n`;
}

/** File name (under configs/devices) → YAML text. */
export function renderDeviceConfigs(): Record<string, string> {
  const qmcMram = mramPresets[0];
  return {
    'qmc-table1.yaml': file('QMC (arXiv 2601.14549) Table 1 memory system: STT-MRAM, 3-bit MLC ReRAM, LPDDR5', [qmcMram, qmcReramMode(3)] as DevicePreset<unknown>[],
      [{ id: 'qmc-lpddr5', lpddr5Preset: 'qmc-table1', comment: 'LPDDR5 priced at QMC Table 1 3.5 pJ/bit on the Orin 16 × x16 organisation (timings and sources: src/devices/dram)' }]),
    'qmc-reram-modes.yaml': file('QMC ReRAM in 1-, 2- and 3-bit-per-cell modes (2- and 1-bit derived from the 3-bit figures)', [qmcReramMode(1), qmcReramMode(2), qmcReramMode(3)] as DevicePreset<unknown>[]),
    'nvmexplorer-tentpoles.yaml': file('NVMExplorer optimistic / pessimistic tentpoles for STT-MRAM and ReRAM (QMC organisation held fixed)',
      [mramPresets[1], mramPresets[2], nvmexplorerReramOptimistic, nvmexplorerReramPessimistic] as DevicePreset<unknown>[]),
    'sram.yaml': file('SRAM macros', sramPresets as readonly DevicePreset<unknown>[]),
    'orin-lpddr5.yaml': file('Jetson AGX Orin LPDDR5-6400: 256 bit = 16 × x16 channels, 204.8 GB/s', [], [
      { id: 'orin-lpddr5-6400', lpddr5Preset: 'orin-agx', comment: 'orin-lpddr5.md B.1/B.4: 16 × x16 LPDDR5-6400 channels, 12.8 GB/s each; IDD-based energy (src/devices/dram)' },
    ]),
  };
}
