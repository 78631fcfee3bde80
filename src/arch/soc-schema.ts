/**
 * YAML schema of an SoC (`kind: soc`): initiators with outstanding windows and compute throughput,
 * the interconnect (crossbar of per-memory links, or one shared bus) and its arbiter, memories
 * (device spec passed to the device factory + the link that reaches it), the memory map, the QMC
 * Model Weight Controller and the memory power budget (QMC Eq. 4).
 */
import { z } from 'zod';
import { int, num, oneOf, positiveInt, q, reportIssue, strictObject } from '../config/schema.js';
import { didYouMean } from '../config/did-you-mean.js';
import { noiseModelSchema } from '../devices/noise/from-config.js';

/** Compute throughput of an initiator: units × ops per unit per cycle × clock. */
const computeSchema = strictObject({
  /** Compute units (tensor cores, DLA MAC arrays, CPU cores). */
  units: positiveInt(),
  clock: q.frequency({ positive: true }),
  /** Dense FP16 FLOP per unit per cycle (orin-lpddr5.md B.1: 512 per Ampere tensor core). */
  fp16OpsPerUnitCycle: num({ min: 0 }),
  /** Dense INT8 ops per unit per cycle (orin-lpddr5.md B.1: 1024 per tensor core). */
  int8OpsPerUnitCycle: num({ min: 0 }),
  /** Fraction of peak reached on GEMV/GEMM (estimate). */
  efficiency: num({ positive: true, max: 1 }).default(1),
});

/**
 * Largest outstanding window of one initiator, and of all together. The request pool (request-pool.ts)
 * preallocates a slot per outstanding request (20 B each); Little's law for 1 TB/s × 1 µs / 64 B
 * needs ≈ 16 k, so 2^20 leaves ample headroom while a typo (1e12) is refused instead of crashing.
 */
export const MAX_WINDOW = 2 ** 20;
export const MAX_TOTAL_WINDOW = 2 ** 22;
/** Largest request granule a port issues (memory requests are 32 B to a few KiB; the pool holds sizes as 32-bit integers). */
export const MAX_REQUEST_SIZE = 2 ** 20;

const initiatorSchema = strictObject({
  id: z.string().min(1),
  type: oneOf(['gpu', 'dla', 'cpu', 'weight-controller']),
  /** Maximum outstanding requests. */
  window: int({ min: 1, max: MAX_WINDOW, why: "outstanding requests, one preallocated request-pool slot each; Little's law for 1 TB/s × 1 µs / 64 B needs ≈ 16384" }),
  /** Fixed-priority rank, lower wins. */
  priority: int({ min: 0 }).default(0),
  /** Weighted-arbiter share. */
  weight: positiveInt().default(1),
  /** Streaming multiprocessors (GPU only, informational; throughput comes from `compute`). */
  sms: positiveInt().optional(),
  compute: computeSchema.optional(),
  source: z.string().optional(),
});

/** A link: bandwidth = transferRate × width. */
const linkSchema = strictObject({
  transferRate: q.transferRate({ positive: true }),
  width: q.size({ positive: true }),
  latency: q.time(),
  energyPerBit: q.energyPerBit(),
  /** Bytes the link may hold queued ahead of time before the port is back-pressured. */
  buffer: q.size({ positive: true, default: '64 KiB' }),
  source: z.string().optional(),
});

const memorySchema = strictObject({
  id: z.string().min(1),
  /**
   * Device: `{ preset: <catalogue name>, <param>: <override>... }` (src/devices/index.ts) or
   * `{ type: ideal, ... }` (ideal-memory.ts). Validated by the device layer when built.
   */
  device: z.record(z.string(), z.unknown()),
  /** Read-noise model attached to the device (src/devices/noise), e.g. { type: level-step, preset: nvmexplorer-3bit-steps }. */
  noise: noiseModelSchema.optional(),
  /** The memory's own link: required under a crossbar; optional and not used under a shared bus (interconnect.type: bus). */
  link: linkSchema.optional(),
  /** Request granule issued by the port (default: the device granule). */
  requestSize: q.size({ positive: true, max: MAX_REQUEST_SIZE }).optional(),
  /** Bits stored per cell (MLC ReRAM 3 or 2; default 1). */
  bitsPerCell: int({ min: 1, max: 4 }).default(1),
  /** Storage density for the area metric (QMC Table 1). */
  density: q.density({ positive: true }).optional(),
  /** Off-package memory: its link transfers count as external transfers. */
  external: z.boolean().default(true),
});

const regionSchema = strictObject({
  id: z.string().min(1),
  memory: z.string().min(1),
  base: q.size({ default: '0 B' }),
  /** Region size; default: the rest of the device. */
  size: q.size({ positive: true }).optional(),
});

const weightControllerSchema = strictObject({
  /** Clock of the merge side of the dual-clock FIFO. */
  clock: q.frequency({ positive: true }),
  /** Synchronisation cycles per merge (QMC §3.3: 2–4). */
  cdcCycles: int({ min: 0, max: 16 }),
  /** CDC power while the token runs (QMC §3.3: 1–2 mW). */
  cdcPower: q.power(),
});

export const socSchema = strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  initiators: z.array(initiatorSchema).min(1),
  interconnect: strictObject({
    type: oneOf(['crossbar', 'bus']),
    arbiter: oneOf(['round-robin', 'fixed-priority', 'weighted']),
    /** The shared bus (type: bus) replaces every memory's link bandwidth by one shared link. */
    bus: linkSchema.optional(),
  }),
  memories: z.array(memorySchema).min(1),
  regions: z.array(regionSchema).min(1),
  weightController: weightControllerSchema.optional(),
  powerBudget: strictObject({ budget: q.power({ positive: true }) }).optional(),
}).superRefine((soc, ctx) => {
  // Cross-field checks: ids unique, regions name declared memories, a bus (and only a bus) has its shared link.
  const unique = (list: readonly { id: string }[], key: string, what: string): void => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) reportIssue(ctx, `a unique ${what} id`, `'${x.id}' (defined twice)`, [key, i, 'id']);
      seen.add(x.id);
    });
  };
  unique(soc.initiators, 'initiators', 'initiator');
  unique(soc.memories, 'memories', 'memory');
  unique(soc.regions, 'regions', 'region');
  // the request pool holds every initiator's window at once
  const total = soc.initiators.reduce((a, x) => a + x.window, 0);
  if (total > MAX_TOTAL_WINDOW) {
    const last = soc.initiators.length - 1;
    reportIssue(ctx, `windows summing to at most ${MAX_TOTAL_WINDOW} over all initiators (the request pool preallocates a slot per outstanding request)`,
      `${soc.initiators.map((x) => x.window).join(' + ')} = ${total}`, ['initiators', last, 'window']);
  }
  const memIds = soc.memories.map((m) => m.id);
  soc.regions.forEach((r, i) => {
    if (memIds.includes(r.memory)) return;
    const hint = didYouMean(r.memory, memIds);
    reportIssue(ctx, `the id of a memory of this SoC (${memIds.join(', ')})`, `'${r.memory}'${hint ? `; ${hint}` : ''}`, ['regions', i, 'memory']);
  });
  if (soc.interconnect.type === 'bus' && soc.interconnect.bus === undefined) {
    reportIssue(ctx, "a shared link 'bus:' (interconnect.type is 'bus')", 'none', ['interconnect', 'bus']);
  }
  if (soc.interconnect.type !== 'bus' && soc.interconnect.bus !== undefined) {
    reportIssue(ctx, `no 'bus:' (interconnect.type is '${soc.interconnect.type}': every memory uses its own link; set type: bus to share one)`, 'a bus: block, which would be ignored', ['interconnect', 'bus']);
  }
  // Each memory has its own link under a crossbar. Under a bus the shared link replaces them all, so
  // a memory needs none; one it keeps (e.g. inherited through extends: from a crossbar SoC, so that
  // `--set soc.interconnect.type=bus` works) is not used, and the report lists only the bus link.
  soc.memories.forEach((m, i) => {
    if (soc.interconnect.type !== 'bus' && m.link === undefined) {
      reportIssue(ctx, `a 'link:' { transferRate, width, latency, energyPerBit } (interconnect.type is '${soc.interconnect.type}': each memory has its own link)`, 'none', ['memories', i, 'link']);
    }
  });
});

export type SocConfig = z.output<typeof socSchema>;
export type MemoryConfig = SocConfig['memories'][number];
export type InitiatorConfig = SocConfig['initiators'][number];
export type LinkConfig = z.output<typeof linkSchema>;
