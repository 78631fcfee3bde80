/**
 * zod schema of the `lpddr5` plug-in parameters (YAML strings with units → canonical numbers), built
 * from the config module's q.* quantity schemas. The output is an Lpddr5Params. `preset` takes the
 * plug-in or the device-catalogue name of a preset and yields the plug-in name.
 */
import { z } from 'zod';
import { q, strictObject, positiveInt } from '../../config/schema.js';
import { TIMING_NAMES, type TimingName } from './lpddr5-spec.js';
import { LPDDR5_PRESET_SPELLINGS, lpddr5PresetOf, type Lpddr5Params } from './lpddr5-params.js';

const timingShape = Object.fromEntries(TIMING_NAMES.map((k) => [k, q.time().optional()])) as unknown as Record<TimingName, z.ZodOptional<z.ZodType<number, unknown>>>;

/** Strict schema for an `lpddr5` device node (unknown keys rejected with a did-you-mean). */
export const lpddr5ParamsSchema = strictObject({
  // either spelling of a preset (plug-in or device-catalogue name) → the plug-in preset
  preset: z.enum(LPDDR5_PRESET_SPELLINGS).transform((v) => lpddr5PresetOf(v) ?? v).optional(),
  channels: positiveInt().optional(),
  ranks: positiveInt().optional(),
  density: q.size({ positive: true }).optional(),
  bankMode: z.enum(['BG', '16B', '8B']).optional(),
  addressMapping: z.string().optional(),
  scheduler: z.enum(['fr-fcfs', 'fcfs']).optional(),
  pagePolicy: z.enum(['open', 'closed']).optional(),
  refresh: z.enum(['all-bank', 'per-bank']).optional(),
  readQueue: positiveInt().optional(),
  writeQueue: positiveInt().optional(),
  writeHighWatermark: q.ratio({ max: 1 }).optional(),
  writeLowWatermark: q.ratio({ max: 1 }).optional(),
  powerDownAfter: q.time().optional(),
  selfRefreshAfter: q.time().optional(),
  timing: strictObject(timingShape).optional(),
});

/** Parses raw (YAML-level) params into canonical Lpddr5Params; throws the zod error on bad input. */
export function parseLpddr5Params(raw: unknown): Lpddr5Params {
  const v = lpddr5ParamsSchema.parse(raw);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    if (k === 'timing') {
      const t: Record<string, number> = {};
      for (const [tk, tv] of Object.entries(x as Record<string, number | undefined>)) if (tv !== undefined) t[tk] = tv;
      out.timing = t;
    } else out[k] = x;
  }
  return out as Lpddr5Params;
}
