/**
 * ReRAM plug-in declaration: parameter specs → zod schema and `describe` descriptor. Defaults and
 * sources come from the QMC 3-bit preset.
 */
import type { ReramParams } from './reram.js';
import { reramActions } from './reram.js';
import { sensingSchemes } from './sensing.js';
import { MAX_PROGRAM_ROUNDS } from './program-verify.js';
import { descriptorOf, schemaOf, type ParamSpecs } from '../presets/param-spec.js';
import { qmcReramMode, reramPresets } from '../presets/reram.js';

export const reramParamSpecs: ParamSpecs<ReramParams> = {
  capacity: { kind: 'size', description: 'usable capacity in this cell mode (whole bytes)', positive: true, wholeBytes: true },
  bitsPerCell: { kind: 'integer', description: 'bits stored per cell: 1 (SLC), 2 or 3 (MLC)', min: 1, max: 3 },
  channels: { kind: 'integer', description: 'channels (request queues, optional bus)', min: 1 },
  banksPerChannel: { kind: 'integer', description: 'banks per channel (one program-and-verify at a time per bank)', min: 1 },
  arraysPerBank: { kind: 'integer', description: 'independently sensing arrays per bank', min: 1 },
  arrayRows: { kind: 'integer', description: 'rows of one array (documentation; cells per array = rows × cols)', min: 1 },
  arrayCols: { kind: 'integer', description: 'columns of one array', min: 1 },
  interleave: { kind: 'size', description: 'interleave granule across arrays (whole bytes ≥ 1 B)', positive: true, wholeBytes: true },
  arrayBandwidth: { kind: 'bandwidth', description: 'sustained read bandwidth of one array in this mode', positive: true },
  sensing: { kind: 'enum', description: 'reference-comparison scheme of multi-level reads: sequential (2^b − 1 comparisons one after another), binary (b, successive approximation), parallel (2^b − 1 at once); read energy follows the comparisons made: binary is priced at b/(2^b − 1) of readEnergy', values: sensingSchemes as unknown as readonly [string, ...string[]] },
  senseBase: { kind: 'time', description: 'decode + wordline + bitline settle before the first comparison' },
  senseStep: { kind: 'time', description: 'time of one reference comparison' },
  channelBandwidth: { kind: 'bandwidth', description: 'per-channel bus bandwidth; 0 B/s = not modelled' },
  programPulse: { kind: 'time', description: 'program pulse width', positive: true },
  verifyRead: { kind: 'time', description: 'verify read after each pulse' },
  iterationsMin: { kind: 'integer', description: 'fewest program-and-verify rounds per cell', min: 1 },
  iterationSuccessProbability: { kind: 'number', description: 'probability a further round lands the cell in its window', min: 1e-9, max: 1 },
  iterationsMax: { kind: 'integer', description: `round cap per cell (≤ ${MAX_PROGRAM_ROUNDS})`, min: 1, max: MAX_PROGRAM_ROUNDS },
  parallelCells: { kind: 'integer', description: 'cells programmed in parallel per array', min: 1 },
  readEnergy: { kind: 'energyPerBit', description: 'read energy per bit in this mode with all 2^b − 1 reference comparisons made (sequential or parallel sensing); binary sensing is priced at b/(2^b − 1) of it' },
  programPulseEnergy: { kind: 'energy', description: 'energy of one program pulse on one cell' },
  verifyEnergy: { kind: 'energy', description: 'energy of one verify read of one cell' },
  leakagePower: { kind: 'power', description: 'leakage / background power of the whole device (a preset value scales with an overridden capacity)' },
  density: { kind: 'density', description: 'storage density in this mode', positive: true },
  queueDepth: { kind: 'integer', description: 'requests waiting or in service per bank before back-pressure', min: 1 },
};

/** zod schema: YAML strings → canonical ReramParams. */
export const reramSchema = schemaOf(reramParamSpecs);

export const reramDescriptor = descriptorOf(
  'reram',
  'ReRAM SLC/MLC (1-3 bit/cell): arrays in banks and channels, multi-reference sensing, program-and-verify writes',
  reramParamSpecs, qmcReramMode(3), reramActions, reramPresets,
);
