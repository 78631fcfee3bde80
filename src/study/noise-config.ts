/**
 * Schema of a noise study (experiments/noise/*.yaml, `qmcsim study noise FILE`): weights (synthetic by
 * default, seeded), quantizer, MLC sweeps (level spread and/or QMC's (p₋, p₊) step rates × cell mode),
 * MRAM write-error rates, and the run configurations replayed with the noise attached to their devices.
 */
import { z } from 'zod';
import { num, oneOf, q, reportIssue, strictObject } from '../config/schema.js';
import { quantConfigSchema } from '../workloads/quant/config.js';
import { checkMlcSweeps, stepRatesEntrySchema } from './noise-steps.js';

/**
 * A sweep list without repeats: a value listed twice (1 and 1.0) gave the same point twice, with
 * duplicate checks, and --export overwrote its file. The repeat is reported at its position.
 */
function distinct<T extends z.ZodType<number>>(item: T) {
  return z.array(item).min(1).superRefine((xs, ctx) => {
    xs.forEach((x, i) => {
      const first = xs.indexOf(x);
      if (first < i) reportIssue(ctx, 'values listed once', `${x} again (already at index ${first})`, [i]);
    });
  });
}

export const noiseStudySchema = strictObject({
  version: z.literal(1),
  seed: z.number().int().min(0),
  model: z.string().min(1),
  weights: strictObject({
    /** Tensor ids of the model inventory to evaluate (a few representative ones). */
    tensors: z.array(z.string().min(1)).min(1),
    /** Only the first rows of each tensor (keeps the study fast; statistics are per weight). */
    maxRows: z.number().int().positive().optional(),
    distribution: oneOf(['gaussian', 'laplace', 'student-t']).default('student-t'),
    dof: z.number().int().min(3).default(4),
  }),
  quant: quantConfigSchema,
  mlc: strictObject({
    /** Level-set presets per cell mode (bits per cell → noise preset name); required with levelSpreadScale. */
    presets: strictObject({ '2': z.string().min(1), '3': z.string().min(1) }).optional(),
    cellModes: distinct(z.literal([2, 3])),
    /** Multiplies every level σ of the Gaussian level model (0 = noiseless); none: no spread sweep (stepRates instead). */
    levelSpreadScale: distinct(num({ min: 0 })).default([]),
    /**
     * QMC's direct form (qmc-paper.md §2): per cell read, p₋ one level low and p₊ one level high, one
     * value for every level or a list per level (a list applies to the cell mode with that many levels).
     */
    stepRates: z.array(stepRatesEntrySchema).min(1).optional(),
    levelCoding: oneOf(['gray', 'binary']).default('gray'),
    /** 'cells': exact cell errors under the encoding; 'qmc-step': the paper's ±1 step model. */
    valueModel: oneOf(['cells', 'qmc-step']).default('cells'),
  // Only on an otherwise valid block: a misspelt 'stepRate:' is reported at that key, not also as "neither".
  }).superRefine((m, ctx) => checkMlcSweeps(m, ctx), { when: (payload) => payload.issues.length === 0 }),
  mram: strictObject({
    /**
     * Per-bit write-error rates (a wrongly written bit reads wrong on every access): a number or a
     * ratio ('0.1 %'), as the step rates and `replay --bit-error-rate` take them.
     */
    writeErrorRate: distinct(q.ratio({ max: 1 })),
  }),
  replay: strictObject({
    /** Run configuration per cell mode (relative to this file), replayed with the noise attached. */
    runs: strictObject({ '2': z.string().min(1), '3': z.string().min(1) }),
    /** Extra `--set` overrides for the replays (e.g. a smaller model for speed). */
    set: z.array(z.string().min(1)).default([]),
    /** Memory ids (SoC) that get the MLC and MRAM noise models. */
    mlcMemory: z.string().min(1),
    mramMemory: z.string().min(1),
  }),
});
export type NoiseStudyConfig = z.output<typeof noiseStudySchema>;
