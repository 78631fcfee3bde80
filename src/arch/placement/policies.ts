/**
 * Built-in placement policies as rule lists (qmc-paper.md §1–§3):
 * - all-lpddr5: every weight part (FP16, INT4, MXINT4 baselines) and the KV cache in LPDDR5.
 * - qmc: outliers → STT-MRAM, inliers → MLC ReRAM, metadata and unquantized (dense) tensors →
 *   MRAM (reliable, small), KV cache and SSM state → LPDDR5, activations → SRAM scratchpad.
 * - emems: all weight parts in one NVM region (MRAM or MLC ReRAM), KV in LPDDR5.
 * - rules: the user's own ordered rules from YAML.
 */
import { z } from 'zod';
import { oneOf, strictObject } from '../../config/schema.js';
import type { PlacementRule } from './placement.js';

const ruleSchema = strictObject({
  kind: oneOf(['weight', 'kv', 'state', 'activation']).optional(),
  part: z.string().optional(),
  role: z.string().optional(),
  /** Regular expression on the tensor id. */
  tensor: z.string().optional(),
  region: z.string().min(1),
});

/** Region names the presets use; each defaults to a region of the built-in SoCs. */
const regionsSchema = strictObject({
  weights: z.string().default('dram-weights'),
  outliers: z.string().default('mram-weights'),
  inliers: z.string().default('reram-weights'),
  /** emems: the single NVM region holding all 4-bit weights. */
  nvm: z.string().default('reram-weights'),
  kv: z.string().default('dram-kv'),
  activations: z.string().default('sram-act'),
}).prefault({});

export const placementSchema = strictObject({
  policy: oneOf(['all-lpddr5', 'qmc', 'emems', 'rules']),
  regions: regionsSchema,
  rules: z.array(ruleSchema).default([]),
});
export type PlacementConfig = z.output<typeof placementSchema>;

/**
 * The `regions` keys each preset policy's rules (rulesFor, below) place into; the run's load-time
 * check (run-checks.ts) requires each to name a region of the SoC. Keep the two in step.
 */
export const POLICY_REGION_KEYS: Readonly<Record<Exclude<PlacementConfig['policy'], 'rules'>, readonly (keyof PlacementConfig['regions'])[]>> = {
  'all-lpddr5': ['weights', 'kv', 'activations'],
  qmc: ['outliers', 'inliers', 'kv', 'activations'],
  emems: ['nvm', 'kv', 'activations'],
};

/** The ordered rule list of a placement config. */
export function rulesFor(c: PlacementConfig): PlacementRule[] {
  const g = c.regions;
  const common: PlacementRule[] = [
    { kind: 'kv', region: g.kv },
    { kind: 'state', region: g.kv },
    { kind: 'activation', region: g.activations },
  ];
  switch (c.policy) {
    case 'all-lpddr5':
      return [{ kind: 'weight', region: g.weights }, ...common];
    case 'qmc':
      return [
        { kind: 'weight', part: 'outlier', region: g.outliers },
        { kind: 'weight', part: 'inlier', region: g.inliers },
        { kind: 'weight', region: g.outliers },
        ...common,
      ];
    case 'emems':
      return [{ kind: 'weight', region: g.nvm }, ...common];
    case 'rules':
      return c.rules.map((r) => {
        const out: { -readonly [K in keyof PlacementRule]: PlacementRule[K] } = { region: r.region };
        if (r.kind !== undefined) out.kind = r.kind;
        if (r.part !== undefined) out.part = r.part;
        if (r.role !== undefined) out.role = r.role;
        if (r.tensor !== undefined) out.tensor = r.tensor;
        return out;
      });
  }
}
