/**
 * YAML → NoiseModelSpec: a zod schema (built from the NoiseModel descriptors with the config
 * engineer's descriptorSchema, so quantities go through q.*) plus the mapping of validated, canonical
 * values onto the model parameter types, presets first and explicit keys on top.
 */
import { z } from 'zod';
import { descriptorSchema } from '../../config/descriptor-schema.js';
import { didYouMean, misspeltKey } from '../../config/did-you-mean.js';
import { reportIssue } from '../../config/schema.js';
import { showFound } from '../../units/parse.js';
import { noiseDescriptors } from './descriptors.js';
import { accessNoiseFor, noisePreset, type NoiseModelSpec } from './models.js';
import { MTJ_DEFAULTS } from './mtj-switching.js';
import { SRAM_DEFAULTS } from './sram-lowvoltage.js';
import { DRAM_RETENTION_DEFAULTS } from './dram-retention.js';
import type { LevelCoding } from './cell-encoding.js';

type Obj = Readonly<Record<string, unknown>>;

function numList(v: unknown, key: string): number[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new RangeError(`${key}: expected a list of numbers, found ${showFound(v)}`);
  }
  return v as number[];
}
const num = (v: unknown, d: number): number => (typeof v === 'number' ? v : d);
const bool = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d);

function mlcCommon(c: Obj, base: Obj): { levelCoding: LevelCoding; occupancy?: number[] } {
  const occ = numList(c.occupancy, 'occupancy') ?? numList(base.occupancy, 'occupancy');
  const levelCoding = (c.levelCoding ?? base.levelCoding ?? 'binary') as LevelCoding;
  return occ === undefined ? { levelCoding } : { levelCoding, occupancy: occ };
}

function stuck(c: Obj): { stuckAt?: { sa0: number; sa1: number } } {
  const sa0 = num(c.stuckAt0, 0);
  const sa1 = num(c.stuckAt1, 0);
  return sa0 === 0 && sa1 === 0 ? {} : { stuckAt: { sa0, sa1 } };
}

/**
 * Build a NoiseModelSpec from a validated config object (`type`, optional `preset`, canonical values:
 * durations in s, voltages in V). Throws RangeError (one line) on inconsistent parameters.
 */
export function noiseModelFromConfig(c: Obj): NoiseModelSpec {
  const base: Obj = typeof c.preset === 'string' ? (noisePreset(c.preset) as Obj) : {};
  switch (c.type) {
    case 'gaussian-levels': {
      const means = numList(c.means, 'means') ?? numList(base.means, 'means');
      const sigmas = numList(c.sigmas, 'sigmas') ?? numList(base.sigmas, 'sigmas');
      if (means === undefined || sigmas === undefined) throw new RangeError("gaussian-levels: 'means' and 'sigmas' are required without a preset");
      const nu = num(c.driftNu, 0);
      const t = num(c.timeSinceProgram, 0);
      return {
        kind: 'gaussian-levels', means, sigmas,
        levelSpreadScale: num(c.levelSpreadScale, 1), programSigma: num(c.programSigma, 0), readSigma: num(c.readSigma, 0),
        ...(nu > 0 || num(c.driftNuSigma, 0) > 0
          ? { drift: { nu, nuSigma: num(c.driftNuSigma, 0), t0Seconds: num(c.driftT0, 20), timeSeconds: t,
            thresholdsTrackDrift: bool(c.thresholdsTrackDrift, false) } }
          : {}),
        ...stuck(c), ...mlcCommon(c, base),
      };
    }
    case 'level-step': {
      const levels = num(c.levels, num(base.levels, NaN));
      const pick = (k: 'pDown' | 'pUp'): number | number[] => {
        const l = numList(c[k], k);
        if (l === undefined) {
          const b = base[k];
          if (b === undefined) throw new RangeError(`level-step: '${k}' is required without a preset`);
          return b as number | number[];
        }
        return l.length === 1 ? (l[0] ?? 0) : l;
      };
      if (!Number.isInteger(levels)) throw new RangeError("level-step: 'levels' is required without a preset");
      return { kind: 'level-step', levels, pDown: pick('pDown'), pUp: pick('pUp'), ...stuck(c), ...mlcCommon(c, base) };
    }
    case 'stt-mram':
      return {
        kind: 'stt-mram',
        thermalStability: num(c.thermalStability, MTJ_DEFAULTS.thermalStability),
        attemptTimeSeconds: num(c.attemptTime, MTJ_DEFAULTS.attemptTimeSeconds ?? 1e-9),
        readCurrentRatio: num(c.readCurrentRatio, MTJ_DEFAULTS.readCurrentRatio),
        readPulseSeconds: num(c.readPulse, MTJ_DEFAULTS.readPulseSeconds),
        barrierExponent: num(c.barrierExponent, MTJ_DEFAULTS.barrierExponent ?? 1),
        writeCurrentRatio: num(c.writeCurrentRatio, MTJ_DEFAULTS.writeCurrentRatio),
        writePulseSeconds: num(c.writePulse, MTJ_DEFAULTS.writePulseSeconds),
        precessionTimeSeconds: num(c.precessionTime, MTJ_DEFAULTS.precessionTimeSeconds ?? 1e-9),
        timeSinceWriteSeconds: num(c.timeSinceWrite, MTJ_DEFAULTS.timeSinceWriteSeconds),
        includeWriteErrors: bool(c.includeWriteErrors, false),
      };
    case 'sram-lowvoltage':
      return { kind: 'sram-lowvoltage', vdd: num(c.vdd, SRAM_DEFAULTS.vdd), v50: num(c.v50, SRAM_DEFAULTS.v50),
        sigmaV: num(c.sigmaV, SRAM_DEFAULTS.sigmaV) };
    case 'dram-retention':
      return { kind: 'dram-retention', refreshWindowSeconds: num(c.refreshWindow, DRAM_RETENTION_DEFAULTS.refreshWindowSeconds),
        medianRetentionSeconds: num(c.medianRetention, DRAM_RETENTION_DEFAULTS.medianRetentionSeconds),
        sigmaLn: num(c.sigmaLn, DRAM_RETENTION_DEFAULTS.sigmaLn) };
    case 'bit-flip':
      return { kind: 'bit-flip', pBit: num(c.pBit, NaN) };
    case 'none':
      return { kind: 'none' };
    default:
      throw new RangeError(`unknown noise type ${showFound(c.type)}`);
  }
}

const byType = new Map(noiseDescriptors.map((d) => [d.type, descriptorSchema(d)] as const));
const typeNames = noiseDescriptors.map((d) => d.type).join(', ');

/** zod schema: a YAML noise block (`{ type: gaussian-levels, preset: nvmexplorer-3bit, ... }`) → NoiseModelSpec. */
export const noiseModelSchema: z.ZodType<NoiseModelSpec, unknown> = z.unknown().transform((v, ctx) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    reportIssue(ctx, `a noise model such as { type: gaussian-levels, preset: nvmexplorer-3bit }`, showFound(v));
    return z.NEVER;
  }
  const t = (v as Obj).type;
  const schema = typeof t === 'string' ? byType.get(t) : undefined;
  if (schema === undefined) {
    // no type: because the key is misspelt (tpye:): name that key, as the schema's own did-you-mean does
    const misspelt = t === undefined ? misspeltKey(v as Obj, ['type'])?.key : undefined;
    if (misspelt !== undefined) {
      const found = `unknown key '${misspelt}'; did you mean 'type'?`;
      ctx.addIssue({ code: 'custom', path: [misspelt], message: `expected 'type:' naming one of ${typeNames}, found ${found}`,
        params: { expected: `'type:' naming one of ${typeNames}`, found } });
      return z.NEVER;
    }
    const hint = typeof t === 'string' ? didYouMean(t, noiseDescriptors.map((d) => d.type)) : '';
    const found = `${showFound(t)}${hint ? `; ${hint}` : ''}`;
    ctx.addIssue({ code: 'custom', path: ['type'], message: `expected one of ${typeNames}, found ${found}`,
      params: { expected: `one of ${typeNames}`, found } });
    return z.NEVER;
  }
  const r = schema.safeParse(v);
  if (!r.success) {
    for (const iss of r.error.issues) ctx.addIssue({ ...iss, input: (iss as { input?: unknown }).input } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  }
  try {
    const spec = noiseModelFromConfig(r.data as Obj);
    accessNoiseFor(spec); // validates the parameters (level counts, ranges) at load time
    return spec;
  } catch (e) {
    reportIssue(ctx, 'consistent noise-model parameters', (e as Error).message);
    return z.NEVER;
  }
});
