/**
 * Quantizer configurations (configs/quant/*.yaml): FP16/BF16, INT8, RTN INT-b per channel or group,
 * MXINT4, QMC. Defaults follow qmc-paper.md §2; every unknown of §7 is a documented parameter.
 */
import { z } from 'zod';
import { loadYamlFile } from '../config-load.js';
import { reportIssue } from '../../config/schema.js';

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

const common = {
  name: z.string().optional(),
  scope: scopeSchema,
  /** Bits of tensors left unquantized (FP16/BF16 storage). */
  keepBits: z.number().int().min(8).max(32).default(16),
  /** Bits per stored scale (FP16 scales by default). */
  scaleBits: z.number().int().min(1).max(32).default(16),
};

const gridSchema = z.strictObject({
  /** Candidate scales are maxAbs/qmax × f for `steps` values of f evenly spaced in [from, to]. */
  from: z.number().positive().default(0.2),
  to: z.number().positive().default(1.0),
  steps: z.number().int().min(1).max(10000).default(81),
}).prefault({});

export const quantConfigSchema = z.discriminatedUnion('scheme', [
  z.strictObject({ scheme: z.literal('fp16'), ...common }),
  z.strictObject({ scheme: z.literal('bf16'), ...common }),
  z.strictObject({
    scheme: z.literal('int8'), ...common,
    granularity: z.enum(['channel', 'group']).default('channel'),
    groupSize: z.number().int().positive().default(128),
    symmetric: z.boolean().default(true),
  }),
  z.strictObject({
    scheme: z.literal('rtn'), ...common,
    bits: z.number().int().min(2).max(8).default(4),
    granularity: z.enum(['channel', 'group']).default('channel'),
    groupSize: z.number().int().positive().default(128),
    symmetric: z.boolean().default(true),
  }),
  z.strictObject({
    scheme: z.literal('mxint4'), ...common,
    blockSize: z.number().int().positive().default(32),
    elementBits: z.number().int().min(2).max(8).default(4),
    /** Shared E8M0 exponent per block. */
    scaleBits: z.number().int().min(1).max(16).default(8),
  }),
  z.strictObject({
    scheme: z.literal('qmc'), ...common,
    /** Fraction of weights per tensor kept as outliers (paper operating point 0.3). */
    rho: z.number().min(0).max(1).default(0.3),
    inlierBits: z.number().int().min(1).max(8).default(3),
    outlierBits: z.number().int().min(1).max(8).default(5),
    symmetric: z.boolean().default(true),
    grid: gridSchema,
    /**
     * MLC read-error probabilities used by the noise-aware inlier scale search. Default: mean over
     * levels of the nvmFI 3-bit proxy (qmc-paper.md §6) — estimate, the paper's Fig. 2 is not recovered.
     */
    pMinus: z.number().min(0).max(1).default(1.904e-3),
    pPlus: z.number().min(0).max(1).default(1.916e-3),
    /** Outlier position encoding: bitmap (1 bit/weight), flat index list, or CSR (column idx + row ptrs). */
    outlierIndex: z.enum(['bitmap', 'index', 'csr']).default('bitmap'),
    /** Bits per CSR row pointer. */
    rowPtrBits: z.number().int().min(8).max(64).default(32),
  }).superRefine((c, ctx) => {
    // p₋ and p₊ are probabilities of exclusive outcomes of one read (one level low, one level high)
    if (c.pMinus + c.pPlus > 1) reportIssue(ctx, `pMinus + pPlus ≤ 1 (exclusive outcomes of one read; pMinus is ${c.pMinus})`, String(c.pPlus), ['pPlus']);
  }),
]);

export type QuantConfig = z.output<typeof quantConfigSchema>;
export type QuantConfigInput = z.input<typeof quantConfigSchema>;
export type QuantScheme = QuantConfig['scheme'];
export type QmcConfig = Extract<QuantConfig, { scheme: 'qmc' }>;
export type RtnConfig = Extract<QuantConfig, { scheme: 'rtn' | 'int8' }>;
export type MxintConfig = Extract<QuantConfig, { scheme: 'mxint4' }>;

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
