/**
 * Test helpers: a small SoC config built in code (no YAML) over IdealMemory devices, so fabric
 * behaviour can be checked against closed forms.
 */
import { buildIdeal, type DeviceFactory } from '../../src/arch/device-factory.js';
import type { SocConfig } from '../../src/arch/soc-schema.js';

export interface IdealMemSpec {
  id: string;
  channels: number;
  channelBandwidth: number; // B/s
  latencyPs: number;
  queueDepth?: number;
  linkBandwidth?: number; // B/s
  linkLatencyPs?: number;
  energyPerBit?: number;
  capacity?: number;
  readEnergy?: number;
}

/** Factory for `type: ideal` devices (quantity strings, as in YAML). */
export const idealFactory: DeviceFactory = (spec, engine, path) => buildIdeal(spec, engine, path);

export function idealSoc(mems: IdealMemSpec[], opts: { window?: number; initiators?: string[]; arbiter?: SocConfig['interconnect']['arbiter']; bus?: number } = {}): SocConfig {
  const inis = opts.initiators ?? ['gpu'];
  const cfg = {
    kind: 'soc', name: 'test',
    initiators: inis.map((id, i) => ({ id, type: 'gpu', window: opts.window ?? 256, priority: i, weight: i + 1 })),
    interconnect: {
      type: opts.bus ? 'bus' : 'crossbar', arbiter: opts.arbiter ?? 'round-robin',
      ...(opts.bus ? { bus: { transferRate: opts.bus, width: 1, latency: 0, energyPerBit: 0.1, buffer: 1 << 20 } } : {}),
    },
    memories: mems.map((m) => ({
      id: m.id,
      device: {
        type: 'ideal', capacity: `${m.capacity ?? 2 ** 34} B`, granule: '64 B', channels: m.channels, channelBandwidth: `${m.channelBandwidth} B/s`,
        latency: `${m.latencyPs} ps`, queueDepth: m.queueDepth ?? 64, readEnergy: `${m.readEnergy ?? 1} pJ/bit`, writeEnergy: `${m.readEnergy ?? 1} pJ/bit`,
      },
      link: { transferRate: m.linkBandwidth ?? 1e15, width: 1, latency: m.linkLatencyPs ?? 0, energyPerBit: m.energyPerBit ?? 0, buffer: 1 << 20 },
      bitsPerCell: 1, external: true,
    })),
    regions: mems.map((m) => ({ id: `${m.id}-all`, memory: m.id, base: 0 })),
  };
  return cfg as unknown as SocConfig;
}

import type { TraceRecord } from '../../src/workloads/trace/types.js';
import type { RunConfig } from '../../src/arch/run-config.js';
import { quantConfig } from '../../src/workloads/quant/config.js';

/** A synthetic decode trace: per layer, weight parts of the given sizes plus a KV read and write. */
export function syntheticTrace(layers: number, parts: Record<string, number>, kvBytes = 0): TraceRecord[] {
  const out: TraceRecord[] = [];
  for (let l = 0; l < layers; l++) {
    for (const [part, bytes] of Object.entries(parts)) {
      out.push({ kind: 'weightRead', layer: l, tensor: `layers.${l}.w`, role: 'mlp_up', part: part as 'dense', bytes });
    }
    if (kvBytes > 0) {
      out.push({ kind: 'kvRead', layer: l, tensor: `layers.${l}.kv`, role: 'kv_cache', bytes: kvBytes });
      out.push({ kind: 'kvWrite', layer: l, tensor: `layers.${l}.kv`, role: 'kv_cache', bytes: 128 });
    }
    out.push({ kind: 'compute', layer: l, op: 'gemv', flops: 2 * Object.values(parts).reduce((a, b) => a + b, 0), bytes: 0, dtype: 'fp16' });
    out.push({ kind: 'layerEnd', layer: l });
  }
  return out;
}

/** A run config over `soc` with a rules placement putting weight parts/KV in the given regions. */
export function testRun(soc: SocConfig, rules: { kind?: 'weight' | 'kv'; part?: string; region: string }[]): RunConfig {
  return {
    name: 'test', model: 'none', quant: quantConfig({ scheme: 'fp16' }),
    placement: { policy: 'rules', regions: { weights: '', outliers: '', inliers: '', nvm: '', kv: '', activations: '' }, rules },
    workload: { phase: 'decode', contextLength: 0, batch: 1, metadata: 'paper' }, compute: { enabled: false },
    traffic: { weights: 'gpu', kv: 'gpu', activations: 'gpu', compute: 'gpu' }, energyTables: {}, estimates: [], soc,
  };
}
