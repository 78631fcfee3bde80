/**
 * The description of an SoC memory's `device: { type: ideal, ... }` block (arch/device-factory.ts
 * idealSchema, arch/ideal-memory.ts) for `qmcsim describe MemoryDevice ideal`. Not registered as a
 * MemoryDevice plug-in: the ideal device has no presets and no place in a device catalogue
 * (`kind: devices`) or `qmcsim replay`; it exists only inside an SoC. Every value is user-given.
 */
import type { PluginDescriptor } from '../config/plugin.js';
import { MAX_DEVICE_UNITS } from '../devices/param-error.js';
import { MAX_REQUEST_SIZE } from './soc-schema.js';

const USER = 'user configuration (a reference device: no value is taken from a part)';

export const IDEAL_MEMORY_DESCRIPTOR: PluginDescriptor = {
  interface: 'MemoryDevice',
  type: 'ideal',
  summary: 'Reference memory for an SoC memory block only: channels of FIFO servers, latency + size / channel bandwidth per request; no banks, rows or refresh',
  params: [
    { name: 'type', kind: 'enum', values: ['ideal'], description: 'selects this device (instead of preset:)', required: true },
    { name: 'capacity', kind: 'size', description: 'capacity', positive: true, source: USER },
    { name: 'granule', kind: 'size', description: 'interleaving granule across channels (largest request is 1 MiB)', default: '64 B', positive: true, max: MAX_REQUEST_SIZE, source: USER },
    { name: 'channels', kind: 'integer', description: 'independent channels, each modelled individually', min: 1, max: MAX_DEVICE_UNITS, source: USER },
    { name: 'channelBandwidth', kind: 'bandwidth', description: 'bandwidth of one channel', positive: true, source: USER },
    { name: 'latency', kind: 'time', description: 'fixed latency added to every request', source: USER },
    { name: 'queueDepth', kind: 'integer', description: 'requests a channel holds (queued + in service) before back-pressure', default: 64, min: 1, source: USER },
    { name: 'readEnergy', kind: 'energyPerBit', description: 'energy per bit read', default: '0 pJ/bit', source: USER },
    { name: 'writeEnergy', kind: 'energyPerBit', description: 'energy per bit written', default: '0 pJ/bit', source: USER },
  ],
  actions: ['read', 'write', 'readBits', 'writeBits'],
};
