/**
 * SRAM plug-in declaration: parameter specs → zod schema and `describe` descriptor. Defaults and
 * sources come from the NVMExplorer 2 MB reference preset.
 */
import type { SramParams } from './sram.js';
import { sramActions } from './sram.js';
import { descriptorOf, schemaOf, type ParamSpecs } from '../presets/param-spec.js';
import { nvmexplorerSram2mb, sramPresets } from '../presets/sram.js';

export const sramParamSpecs: ParamSpecs<SramParams> = {
  capacity: { kind: 'size', description: 'capacity of the macro (whole bytes)', positive: true, wholeBytes: true },
  banks: { kind: 'integer', description: 'independent banks (word-interleaved)', min: 1 },
  portsPerBank: { kind: 'integer', description: 'ports per bank', min: 1 },
  width: { kind: 'size', description: 'bytes per port per cycle (one beat; whole bytes ≥ 1 B)', positive: true, wholeBytes: true },
  clock: { kind: 'frequency', description: 'macro clock', positive: true },
  readLatencyCycles: { kind: 'integer', description: 'cycles to the first read beat (≥ 1: the first beat ends one cycle after the bank starts at the earliest)', min: 1 },
  writeLatencyCycles: { kind: 'integer', description: 'cycles until the first write beat is stored (≥ 1)', min: 1 },
  readEnergy: { kind: 'energy', description: 'energy per read beat (width bytes)' },
  writeEnergy: { kind: 'energy', description: 'energy per write beat' },
  leakagePower: { kind: 'power', description: 'leakage power of the macro (a preset value scales with an overridden capacity)' },
  queueDepth: { kind: 'integer', description: 'requests waiting or in service per bank before back-pressure', min: 1 },
};

/** zod schema: YAML strings → canonical SramParams. */
export const sramSchema = schemaOf(sramParamSpecs);

export const sramDescriptor = descriptorOf(
  'sram',
  'Banked SRAM macro: ports, fixed read/write latency in cycles, per-beat energy, leakage',
  sramParamSpecs, nvmexplorerSram2mb, sramActions, sramPresets,
);
