/**
 * Self-descriptions of the SoC-level plug-ins for `qmcsim describe`: initiators, interconnects,
 * arbiters, links and placement policies. Parameters mirror src/arch/soc-schema.ts and
 * src/arch/placement/policies.ts (the schemas are the authority; these add units, defaults and
 * sources for people). Defaults quoted here are those of configs/soc/orin-agx-baseline.yaml and
 * orin-agx-qmc.yaml.
 */
import type { ParamDoc, PluginDescriptor } from '../config/plugin.js';

const initiatorParams: readonly ParamDoc[] = [
  { name: 'id', kind: 'string', required: true, description: 'initiator name (component path segment)' },
  { name: 'window', kind: 'integer', required: true, min: 1, max: 2 ** 20, description: 'maximum outstanding requests; a full window stalls the initiator (at most 2^20 each and 2^22 over all initiators: the request pool preallocates a slot per outstanding request)', source: 'GPU 1024: covers 204.8 GB/s × ~150 ns round trip (orin-agx-baseline.yaml)', estimate: true },
  { name: 'priority', kind: 'integer', default: 0, description: 'fixed-priority rank at a port, lower wins' },
  { name: 'weight', kind: 'integer', default: 1, description: 'share under the weighted arbiter' },
  { name: 'sms', kind: 'integer', required: false, description: 'streaming multiprocessors (GPU, informational)', source: 'orin-lpddr5.md B.1: 16 SM' },
  { name: 'source', kind: 'string', required: false, description: 'where the values come from (documentation)' },
  { name: 'compute', kind: 'object', required: false, description: "compute throughput (units × ops per unit cycle × clock); needed when the run sets compute.enabled and traffic.compute names this initiator; the compute.* keys marked '(required)' are required inside it" },
  { name: 'compute.units', kind: 'integer', description: 'compute units (tensor cores, DLA MAC arrays, CPU cores)', source: 'orin-lpddr5.md B.1: 64 tensor cores' },
  { name: 'compute.clock', kind: 'frequency', description: 'compute clock', source: 'orin-lpddr5.md B.1: GPU 1.3 GHz (MAXN)' },
  { name: 'compute.fp16OpsPerUnitCycle', kind: 'number', description: 'dense FP16 FLOP per unit per cycle', source: 'orin-lpddr5.md B.1: 512 per tensor core [derived, uncertain]' },
  { name: 'compute.int8OpsPerUnitCycle', kind: 'number', description: 'dense INT8 ops per unit per cycle', source: 'orin-lpddr5.md B.1: 1024 per tensor core' },
  { name: 'compute.efficiency', kind: 'ratio', default: 1, description: 'fraction of peak reached on GEMV/GEMM', estimate: true },
];

const initiator = (type: string, summary: string): PluginDescriptor => ({ interface: 'Initiator', type, summary, params: initiatorParams });

const linkParams: readonly ParamDoc[] = [
  { name: 'transferRate', kind: 'transferRate', required: true, description: 'transfers per second per IO', source: 'UCIe MRAM link 64 GT/s; ReRAM bus 3.3 GHz × 2 (QMC §3; DDR reading is an estimate)' },
  { name: 'width', kind: 'size', required: true, description: 'bytes moved per transfer (bandwidth = transferRate × width)', source: 'UCIe 64 IOs = 64 bit; ReRAM bus 64 B IO (QMC §3)' },
  { name: 'latency', kind: 'time', required: true, description: 'one-way link latency', source: 'UCIe die-to-die < 2 ns; off-chip 5 ns', estimate: true },
  { name: 'energyPerBit', kind: 'energyPerBit', required: true, description: 'interconnect energy per bit moved (E_net)', source: 'derived from QMC 10.98× total-energy ratio: 0.09 pJ/bit', estimate: true },
  { name: 'buffer', kind: 'size', default: '64 KiB', description: 'bytes queued on the link before the port is back-pressured; at least one request (the memory\'s requestSize or device granule)', estimate: true },
];

const arbiter = (type: string, summary: string): PluginDescriptor => ({
  interface: 'Arbiter', type, summary,
  params: [{ name: 'interconnect.arbiter', kind: 'enum', values: ['round-robin', 'fixed-priority', 'weighted'], required: true, description: `set to '${type}' to select this arbiter; per-initiator 'priority' and 'weight' feed it` }],
});

const regionParams: readonly ParamDoc[] = [
  { name: 'regions.weights', kind: 'string', default: 'dram-weights', description: 'region of every weight part (all-lpddr5)', source: 'region names of the built-in SoCs (configs/soc)' },
  { name: 'regions.outliers', kind: 'string', default: 'mram-weights', description: 'region of the 5-bit outliers (qmc)', source: 'region names of the built-in SoCs (configs/soc)' },
  { name: 'regions.inliers', kind: 'string', default: 'reram-weights', description: 'region of the 3-bit inliers (qmc)', source: 'region names of the built-in SoCs (configs/soc)' },
  { name: 'regions.nvm', kind: 'string', default: 'reram-weights', description: 'the single NVM region of all 4-bit weights (emems)', source: 'region names of the built-in SoCs (configs/soc)' },
  { name: 'regions.kv', kind: 'string', default: 'dram-kv', description: 'region of the KV cache and SSM state', source: 'region names of the built-in SoCs (configs/soc)' },
  { name: 'regions.activations', kind: 'string', default: 'sram-act', description: 'region of activations (scratchpad)', source: 'region names of the built-in SoCs (configs/soc)' },
];

const policy = (type: string, summary: string, extra: readonly ParamDoc[] = []): PluginDescriptor => ({
  interface: 'PlacementPolicy', type, summary, params: [...regionParams, ...extra],
});

/** Every SoC-level plug-in, in the order `describe` lists them. */
export const archDescriptors: readonly PluginDescriptor[] = [
  initiator('gpu', 'GPU initiator: outstanding-request window, tensor-core compute throughput (Jetson AGX Orin Ampere GPU)'),
  initiator('dla', 'Deep-learning accelerator initiator (Orin DLA): window and INT8/FP16 throughput'),
  initiator('cpu', 'CPU initiator (Orin Cortex-A78AE cluster): window and compute'),
  initiator('weight-controller', "QMC Model Weight Controller: fetches a layer's MRAM and ReRAM parts concurrently and merges them through a clock-domain crossing (QMC §3.3)"),
  {
    interface: 'Interconnect', type: 'crossbar',
    summary: 'one link per memory; initiators contend per memory port under the arbiter (finite queues, back-pressure with retry)',
    params: [{ name: 'arbiter', kind: 'enum', values: ['round-robin', 'fixed-priority', 'weighted'], required: true, description: 'arbiter at every memory port' }],
  },
  {
    interface: 'Interconnect', type: 'bus',
    summary: "one shared link (interconnect.bus) replaces every memory's own link (a memory's link: is then optional and not used); all traffic contends for it",
    params: [
      { name: 'arbiter', kind: 'enum', values: ['round-robin', 'fixed-priority', 'weighted'], required: true, description: 'bus arbiter' },
      ...linkParams.map((p) => ({ ...p, name: `bus.${p.name}` })),
    ],
  },
  { interface: 'Link', type: 'link', summary: 'a point-to-point link owning its bandwidth, latency and energy per bit (SST-style link latency)', params: linkParams },
  arbiter('round-robin', 'grants rotate over eligible initiators'),
  arbiter('fixed-priority', "lowest 'priority' value among eligible initiators wins"),
  arbiter('weighted', "weighted round-robin: grants in proportion to integer 'weight'"),
  policy('all-lpddr5', 'every weight part (FP16, INT4, MXINT4 baselines) and the KV cache in LPDDR5'),
  policy('qmc', 'QMC: outliers → STT-MRAM, inliers → MLC ReRAM, metadata → MRAM, KV/SSM state → LPDDR5, activations → SRAM (qmc-paper.md §1-§3)'),
  policy('emems', 'eMEMs: all 4-bit weights in one NVM region (MRAM or MLC ReRAM), KV in LPDDR5'),
  policy('rules', 'ordered user rules: first rule matching kind/part/role/tensor regex picks the region', [
    { name: 'rules', kind: 'list', default: '[]', description: 'list of { kind?, part?, role?, tensor? (regex), region }' },
  ]),
];
