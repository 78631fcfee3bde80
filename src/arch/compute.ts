/**
 * Per-layer compute time from tensor-core throughput: time = ops / (units × ops-per-unit-cycle ×
 * clock × efficiency), dense rates from orin-lpddr5.md B.1 (Ampere tensor core: 512 FP16 FLOP/clk,
 * 1024 INT8 op/clk). INT4 GEMVs are charged at the INT8 rate (Simplification: weights are
 * dequantized to INT8 on the fly; Ampere's INT4 tensor-core path is not modelled). Compute overlaps
 * weight streaming within a layer (replay.ts): a layer ends at max(stream end, start + compute).
 */
import type { InitiatorConfig } from './soc-schema.js';
import { UserError } from '../config/errors.js';

/** Dense throughput of an initiator in ops/s per dtype (0 when it has no compute block). */
export function throughputOf(c: InitiatorConfig): { fp16: number; int8: number; int4: number } {
  const k = c.compute;
  if (!k) return { fp16: 0, int8: 0, int4: 0 };
  const perCycle = k.units * k.clock * k.efficiency;
  const int8 = perCycle * k.int8OpsPerUnitCycle;
  return { fp16: perCycle * k.fp16OpsPerUnitCycle, int8, int4: int8 };
}

/** Compute time of a layer's ops on `c`, integer ps. Throws if the initiator cannot compute. */
export function computeTimePs(flops: Readonly<Record<'fp16' | 'int8' | 'int4', number>>, c: InitiatorConfig): number {
  const t = throughputOf(c);
  let s = 0;
  for (const d of ['fp16', 'int8', 'int4'] as const) {
    const ops = flops[d];
    if (ops === 0) continue;
    // Bad input (compute.enabled on an initiator without that rate), not a bug: exit 2, one line.
    if (!(t[d] > 0)) throw new UserError(`compute: initiator '${c.id}' has no ${d} compute throughput, which this run's ${d} operations need (set its compute: block, or compute.enabled: false)`);
    s += ops / t[d];
  }
  return Math.ceil(s * 1e12);
}
