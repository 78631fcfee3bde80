/**
 * Quantizer configurations (configs/quant/*.yaml): FP16/BF16, INT8, RTN INT-b per channel or group,
 * MXINT4, QMC. Defaults follow qmc-paper.md §2; every unknown of §7 is a documented parameter.
 */
import { z } from 'zod';
import { loadYamlFile } from '../config-load.js';
import { quantityWithDefault, reportIssue } from '../../config/schema.js';

/**
 * Which tensors a quantizer touches. Linear weights always; the rest keep `keepBits` (FP16).
 * Default (QMC-like): embeddings quantized too (a tied embedding is the lm_head GEMV, the largest
 * single per-token read); norms, biases, conv1d, SSM A_log/D and meta tokens stay FP16.
 */
const scopeSchema = z.strictObject({
  embeddings: z.boolean().default(true),
  conv: z.boolean().default(false),
  metaTokens: z.boolean().default(false),
}).prefault({});

/** Keys of the schemes that quantize: which tensors, what unquantized tensors keep, scale width. */
const quantizing = {
  name: z.string().optional(),
  scope: scopeSchema,
  /**
   * Bits of tensors left unquantized: 16 (FP16 storage) or 32 (FP32). Only these two, because the
   * quality metrics (metrics/quality.ts) round-trip kept tensors through exactly those formats.
   */
  keepBits: z.literal([16, 32]).default(16),
  /** Bits per stored scale (FP16 scales by default). */
  scaleBits: z.number().int().min(1).max(32).default(16),
};

const gridSchema = z.strictObject({
  /** Candidate scales are maxAbs/qmax × f for `steps` values of f evenly spaced in [from, to]. */
  from: z.number().positive().default(0.2),
  to: z.number().positive().default(1.0),
  steps: z.number().int().min(1).max(10000).default(81),
}).superRefine((g, ctx) => {
  // from ≥ to would search a reversed or one-point grid (no scale below maxAbs/qmax × from): refuse it
  if (g.from >= g.to) reportIssue(ctx, `grid.from < grid.to (0 < from < to; to is ${g.to})`, String(g.from), ['from']);
}).prefault({});

/** Default columns per group of `granularity: group` (applied after the check that it was not given with 'channel'). */
const GROUP_SIZE = 128;
/** Default bits per CSR row pointer (applied after the check that it was not given without 'csr'). */
const ROW_PTR_BITS = 32;

/** int8/rtn: `groupSize` only with `granularity: group` (with 'channel' it would be ignored silently). */
const grouping = {
  granularity: z.enum(['channel', 'group']).default('channel'),
  groupSize: z.number().int().positive().optional(),
  symmetric: z.boolean().default(true),
};
type Grouped = { granularity: 'channel' | 'group'; groupSize?: number | undefined };
const checkGrouping = (c: Grouped, ctx: z.RefinementCtx): void => {
  if (c.granularity === 'channel' && c.groupSize !== undefined) {
    reportIssue(ctx, 'groupSize only with granularity group (granularity channel has one scale per row)', String(c.groupSize), ['groupSize']);
  }
};
const withGroupSize = <C extends Grouped>({ groupSize, ...c }: C): Omit<C, 'groupSize'> & { groupSize: number } =>
  ({ ...c, groupSize: groupSize ?? GROUP_SIZE });

/**
 * One member per scheme, each with only the keys that scheme reads: a key of another scheme (e.g.
 * keepBits under fp16, which stores every tensor at 16 bits) is an error naming the schemes it
 * applies to (src/config/issues.ts), never silently ignored.
 */
export const quantConfigSchema = z.discriminatedUnion('scheme', [
  z.strictObject({ scheme: z.literal('fp16'), name: z.string().optional() }),
  z.strictObject({ scheme: z.literal('bf16'), name: z.string().optional() }),
  z.strictObject({ scheme: z.literal('int8'), ...quantizing, ...grouping }).superRefine(checkGrouping).transform(withGroupSize),
  z.strictObject({
    scheme: z.literal('rtn'), ...quantizing,
    bits: z.number().int().min(2).max(8).default(4),
    ...grouping,
  }).superRefine(checkGrouping).transform(withGroupSize),
  z.strictObject({
    scheme: z.literal('mxint4'), ...quantizing,
    blockSize: z.number().int().positive().default(32),
    elementBits: z.number().int().min(2).max(8).default(4),
    /** Shared E8M0 exponent per block. */
    scaleBits: z.number().int().min(1).max(16).default(8),
  }),
  z.strictObject({
    scheme: z.literal('qmc'), ...quantizing,
    /** Fraction of weights per tensor kept as outliers (paper operating point 0.3). */
    rho: quantityWithDefault('ratio', { max: 1, default: 0.3 }),
    inlierBits: z.number().int().min(1).max(8).default(3),
    outlierBits: z.number().int().min(1).max(8).default(5),
    symmetric: z.boolean().default(true),
    grid: gridSchema,
    /**
     * MLC read-error probabilities used by the noise-aware inlier scale search. Default: mean of the
     * eight per-level (down, up) rates of the nvmFI 3-bit proxy listed in qmc-paper.md §6 (preset
     * nvmexplorer-3bit-steps): 15.28e-3 / 8 = 1.910e-3 and 15.33e-3 / 8 = 1.916e-3. (The same
     * section's Gaussian level parameters give 1.898e-3 / 1.913e-3, src/devices/noise/README.md.)
     * Estimate: the paper's own Fig. 2 rates are not recovered.
     */
    pMinus: quantityWithDefault('ratio', { max: 1, default: 1.910e-3 }),
    pPlus: quantityWithDefault('ratio', { max: 1, default: 1.916e-3 }),
    /** Outlier position encoding: bitmap (1 bit/weight), flat index list, or CSR (column idx + row ptrs). */
    outlierIndex: z.enum(['bitmap', 'index', 'csr']).default('bitmap'),
    /** Bits per CSR row pointer (only with outlierIndex csr). */
    rowPtrBits: z.number().int().min(8).max(64).optional(),
  }).superRefine((c, ctx) => {
    // p₋ and p₊ are probabilities of exclusive outcomes of one read (one level low, one level high)
    // (only when each is a probability: pMinus: 2 is reported at pMinus alone, not also here at the unwritten pPlus)
    const probability = (p: unknown): boolean => typeof p === 'number' && p >= 0 && p <= 1;
    if (probability(c.pMinus) && probability(c.pPlus) && c.pMinus + c.pPlus > 1) {
      reportIssue(ctx, `pMinus + pPlus ≤ 1 (exclusive outcomes of one read; pMinus is ${c.pMinus})`, String(c.pPlus), ['pPlus'], ['pMinus']);
    }
    if (c.outlierIndex !== 'csr' && c.rowPtrBits !== undefined) {
      reportIssue(ctx, `rowPtrBits only with outlierIndex csr (outlierIndex ${c.outlierIndex} has no row pointers)`, String(c.rowPtrBits), ['rowPtrBits']);
    }
  }).transform(({ rowPtrBits, ...c }) => ({ ...c, rowPtrBits: rowPtrBits ?? ROW_PTR_BITS })),
]);

export type QuantConfig = z.output<typeof quantConfigSchema>;
export type QuantConfigInput = z.input<typeof quantConfigSchema>;
export type QuantScheme = QuantConfig['scheme'];
export type QmcConfig = Extract<QuantConfig, { scheme: 'qmc' }>;
export type RtnConfig = Extract<QuantConfig, { scheme: 'rtn' | 'int8' }>;
export type MxintConfig = Extract<QuantConfig, { scheme: 'mxint4' }>;
/** The schemes that quantize (and so have scope, keepBits and scaleBits): all but fp16/bf16. */
export type QuantizingConfig = Exclude<QuantConfig, { scheme: 'fp16' | 'bf16' }>;

/** Fill defaults and validate a quantizer config given in code; throws a zod error on bad input. */
export function quantConfig(input: QuantConfigInput): QuantConfig {
  return quantConfigSchema.parse(input);
}

/** Load a quantizer YAML (configs/quant/*.yaml) with optional `path=value` overrides; errors name file:line:col. */
export function loadQuantConfig(file: string, overrides: readonly string[] = []): QuantConfig {
  return loadYamlFile(file, quantConfigSchema, overrides);
}

/** Short label for reports ('qmc-rho0.3-3b5b', 'rtn4-channel'...). */
export function quantLabel(c: QuantConfig): string {
  if (c.name) return c.name;
  switch (c.scheme) {
    case 'fp16': case 'bf16': return c.scheme;
    case 'int8': return `int8-${c.granularity === 'group' ? `g${c.groupSize}` : 'channel'}`;
    case 'rtn': return `rtn${c.bits}-${c.granularity === 'group' ? `g${c.groupSize}` : 'channel'}${c.symmetric ? '' : '-asym'}`;
    case 'mxint4': return `mxint${c.elementBits}-b${c.blockSize}`;
    case 'qmc': return `qmc-rho${c.rho}-${c.inlierBits}b${c.outlierBits}b`;
  }
}
