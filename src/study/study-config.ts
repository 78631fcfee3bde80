/**
 * Schemas of the reproduction study (experiments/qmc/study.yaml) and its expected values
 * (experiments/qmc/expected.yaml): which run configurations are replayed, which one plays which
 * role in the claims, the area model (Table 1 densities + an estimated Flash density), the ρ sweep,
 * and the design values printed in the report with how each was derived.
 */
import { z } from 'zod';
import { num, oneOf, q, reportIssue, strictObject } from '../config/schema.js';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { didYouMean } from '../config/did-you-mean.js';
import { isUserError } from '../config/errors.js';
import { loadModel, MODELS_DIR } from '../workloads/catalog.js';

const configurationSchema = strictObject({
  /** Id used in tables and result.json ('fp16', 'qmc-3bit'). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  label: z.string().min(1),
  /** Run config file, relative to the study file. */
  file: z.string().min(1),
  /** `--set` overrides applied to this configuration (SoC lists cannot be deep-merged by extends). */
  set: z.array(z.string().min(1)).default([]),
});

const densitySchema = strictObject({
  density: q.density({ positive: true }),
  /** Bits per cell at which `density` holds (ReRAM Table 1 density is for 3-bit mode). */
  bitsPerCell: z.number().int().min(1).max(4),
  source: z.string().min(1),
});

const designValueSchema = strictObject({
  /** Shown name, e.g. 'ReRAM arrays'. */
  name: z.string().min(1),
  /** Configuration id whose resolved config holds the value, or 'study' for this file. */
  config: z.string().min(1),
  /** Key path inside that resolved config, e.g. 'soc.memories[1].device.arraysPerBank'. */
  path: z.string().min(1),
  /** Physical dimension of the (canonical) value, for printing with a unit. */
  dimension: oneOf(['time', 'energyPerBit', 'power', 'size', 'bandwidth', 'frequency', 'transferRate', 'density', 'area']).optional(),
  /** How the value was derived. */
  derivation: z.string().min(1),
  estimate: z.boolean(),
  /** Claims whose result rests on this value. */
  affects: z.array(z.string()).default([]),
  /**
   * Paper figures this value was solved from (claim ids, or 'rho sweep'): a PASS of such a claim
   * shows the replay realises the fit, not an independent prediction; the report says so.
   */
  fittedTo: z.array(z.string()).default([]),
  /**
   * Where the paper allows two readings and this value takes one: what the other reading would
   * change (the report lists these, so a PASS that rests on the reading says so).
   */
  alternative: z.string().min(1).optional(),
  /** With `alternative`: the value (as the table prints it) under the reading taken; another value makes the note say so. */
  reading: z.string().min(1).optional(),
});

export const studySchema = strictObject({
  version: z.literal(1),
  /** Default model (the paper's). */
  model: z.string().min(1),
  /** Key path of the model name in a run config, used by --model. */
  modelKey: z.string().min(1),
  seed: z.number().int().min(0),
  expected: z.string().min(1),
  /** Replay only weight reads (the paper's system accounting: no KV cache, no activations). */
  weightTrafficOnly: z.boolean(),
  /** Holder for the YAML anchor of the shared QMC hardware overrides (not read directly). */
  qmcHardware: z.array(z.string()).optional(),
  configurations: z.array(configurationSchema).min(1),
  roles: strictObject({
    fp16: z.string(), int4: z.string(), qmc3: z.string(), qmc2: z.string(),
    ememsMram: z.string(), ememsReram: z.string(),
  }),
  area: strictObject({
    lpddr5: densitySchema,
    'stt-mram': densitySchema,
    reram: densitySchema,
    flash: strictObject({ density: q.density({ positive: true }), bitsPerCell: z.number().int().min(1).max(4), derivation: z.string().min(1) }),
  }),
  /** For emems-energy: the eMEMs memory whose per-bit read energy would close the gap. */
  ememsReadEnergy: strictObject({ config: z.string(), memory: z.string(), name: z.string() }),
  rhoSweep: strictObject({
    config: z.string(),
    /** Key path of ρ in the run config. */
    key: z.string(),
    values: z.array(num({ positive: true, max: 1 })).min(2),
    /** Extra overrides for the sweep points (added after the configuration's own `set`). */
    set: z.array(z.string().min(1)).default([]),
  }),
  designValues: z.array(designValueSchema),
}).superRefine((st, ctx) => {
  // Every reference to a configuration names one the study lists (was found only after replaying).
  const ids = st.configurations.map((c) => c.id);
  const check = (id: string, path: (string | number)[]): void => {
    if (ids.includes(id)) return;
    const hint = didYouMean(id, ids);
    reportIssue(ctx, `the id of a listed configuration (${ids.join(', ')})`, `'${id}'${hint ? `; ${hint}` : ''}`, path);
  };
  const seen = new Set<string>();
  st.configurations.forEach((c, i) => {
    if (seen.has(c.id)) reportIssue(ctx, 'a unique configuration id', `'${c.id}' (listed twice)`, ['configurations', i, 'id']);
    seen.add(c.id);
  });
  for (const [role, id] of Object.entries(st.roles)) check(id, ['roles', role]);
  check(st.ememsReadEnergy.config, ['ememsReadEnergy', 'config']);
  check(st.rhoSweep.config, ['rhoSweep', 'config']);
  st.designValues.forEach((d, i) => {
    if (d.config !== 'study') check(d.config, ['designValues', i, 'config']); // 'study': a value of this file
  });
});
export type StudyConfig = z.output<typeof studySchema>;

/**
 * The claims `reproduce` computes (claims-calc.ts computeClaims) and the unit each value is in:
 * ratios 'x', areas mm^2, per-token times ms and energies mJ. An expected claim names one of these,
 * in its unit (test/study/expected-schema.test.ts keeps this table equal to computeClaims' keys).
 */
export const CLAIM_UNITS = {
  compression: 'x', 'memory-3bit': 'x', 'memory-2bit': 'x', 'memory-vs-flash': 'x', transfers: 'x',
  'energy-device': 'x', 'energy-total': 'x', 'latency-vs-fp16': 'x', 'latency-vs-int4': 'x',
  'emems-memory': 'x', 'emems-latency': 'x', 'emems-energy': 'x',
  'area-net-mm2': 'mm^2', 'area-reram-mm2': 'mm^2', 'area-qmc-mm2': 'mm^2', 'area-saved-mm2': 'mm^2',
  'fp16-latency-ms': 'ms', 'int4-latency-ms': 'ms', 'qmc-latency-ms': 'ms',
  'fp16-energy-mj': 'mJ', 'qmc-energy-mj': 'mJ',
} as const satisfies Record<string, string>;
type ClaimId = keyof typeof CLAIM_UNITS;
const CLAIM_IDS = Object.keys(CLAIM_UNITS) as [ClaimId, ...ClaimId[]];
const CLAIM_UNIT_NAMES = [...new Set(Object.values(CLAIM_UNITS))] as [string, ...string[]];

const claimSchema = strictObject({
  /** A claim the tool computes (CLAIM_UNITS); a misspelt one gets a did-you-mean. */
  id: oneOf(CLAIM_IDS),
  paper: z.number().positive(),
  /** The unit of the claim's simulated value (CLAIM_UNITS[id]). */
  unit: oneOf(CLAIM_UNIT_NAMES),
  /** Relative tolerance: a number (0.03) or a ratio ('3 %'), as the claims table prints it. */
  tolerance: q.ratio({ positive: true, max: 1 }),
  required: z.boolean(),
  source: z.string().min(1),
  title: z.string().min(1),
  /** Printed with the claim: why the simulated value may differ (informational claims). */
  note: z.string().min(1).optional(),
  /**
   * Where the reference value comes from: 'paper' (stated by the paper) or 'reconstruction' (our
   * closed-form estimate, qmc-paper.md RECON; the report says it is not the paper's figure).
   */
  basis: oneOf(['paper', 'reconstruction']).default('paper'),
}).superRefine((c, ctx) => {
  const unit = CLAIM_UNITS[c.id];
  if (c.unit !== unit) reportIssue(ctx, `'${unit}' (the unit ${c.id} is computed in)`, `'${c.unit}'`, ['unit']);
});

/**
 * `model:` is a catalogue model (name, Hugging Face id or file stem, as reproduce --model takes it)
 * or a model YAML path (read from the working directory, as reproduce reads it): the problem with
 * it, or undefined when it loads.
 */
function modelProblem(model: string): { expected: string; found: string } | undefined {
  try {
    loadModel(model);
    return undefined;
  } catch (e) {
    if (!isUserError(e)) throw e;
    const stems = readdirSync(MODELS_DIR).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')).sort();
    const expected = `a catalogue model (${stems.join(', ')}) or a model YAML path (relative to the working directory)`;
    if (/\.(ya?ml|json)$/.test(model) || model.includes('/')) return { expected, found: `'${model}' (${e.format().split('\n')[0] ?? ''})` };
    const hint = didYouMean(model, stems);
    return { expected, found: `'${model}'${hint ? `; ${hint}` : ''}` };
  }
}

export const expectedSchema = strictObject({
  version: z.literal(1),
  model: z.string().min(1),
  claims: z.array(claimSchema).min(1),
}).superRefine((ex, ctx) => {
  const m = modelProblem(ex.model);
  if (m !== undefined) reportIssue(ctx, m.expected, m.found, ['model']);
  const seen = new Map<string, number>();
  ex.claims.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined) reportIssue(ctx, 'a claim id listed once', `'${c.id}' again (also claims[${first}])`, ['claims', i, 'id']);
    else seen.set(c.id, i);
  });
});
export type ExpectedClaims = z.output<typeof expectedSchema>;
