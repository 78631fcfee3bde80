/**
 * STT-MRAM plug-in declaration: one spec per parameter (units, meaning), from which the zod schema
 * and the `describe` descriptor are derived. Defaults and their sources come from the QMC preset.
 */
import type { SttMramParams } from './stt-mram.js';
import { sttMramActions } from './stt-mram.js';
import { descriptorOf, schemaOf, type ParamSpecs } from '../presets/param-spec.js';
import { mramPresets, qmcMram } from '../presets/mram.js';

export const sttMramParamSpecs: ParamSpecs<SttMramParams> = {
  capacity: { kind: 'size', description: 'usable capacity (whole bytes)', positive: true, wholeBytes: true },
  channels: { kind: 'integer', description: 'independent channels, each with its own data bus', min: 1 },
  banksPerChannel: { kind: 'integer', description: 'banks behind each channel (sense/program in parallel)', min: 1 },
  granule: { kind: 'size', description: 'interleave granule and natural transfer size (whole bytes ≥ 1 B)', positive: true, wholeBytes: true },
  channelBandwidth: { kind: 'bandwidth', description: 'data bandwidth of one channel', positive: true },
  readLatency: { kind: 'time', description: 'array read (sense) latency before data leaves the bank', positive: true },
  writeLatency: { kind: 'time', description: 'array write latency per granule (write pulse + periphery)', positive: true },
  readEnergy: { kind: 'energyPerBit', description: 'read energy per bit' },
  writeEnergy: { kind: 'energyPerBit', description: 'write energy per bit' },
  leakagePower: { kind: 'power', description: 'leakage / background power of the whole device (a preset value scales with an overridden capacity)' },
  density: { kind: 'density', description: 'storage density (area reports)', positive: true },
  queueDepth: { kind: 'integer', description: 'requests waiting or in service per channel before back-pressure', min: 1 },
};

/** zod schema: YAML strings → canonical SttMramParams. */
export const sttMramSchema = schemaOf(sttMramParamSpecs);

export const sttMramDescriptor = descriptorOf(
  'stt-mram',
  'STT-MRAM: banks behind channels with per-channel bus bandwidth, asymmetric read/write latency and energy',
  sttMramParamSpecs, qmcMram, sttMramActions, mramPresets,
);
