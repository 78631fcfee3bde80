/**
 * The MLC step-rate sweep of a noise study (`mlc.stepRates`): QMC's direct noise form, a stored level
 * read one level low (p₋) or high (p₊), rates as parameters (qmc-paper.md §2, §6), as the level-step
 * model per cell mode. Entry schema, checks against the cell modes, each point's model and labels.
 */
import { z } from 'zod';
import { reportIssue, strictObject } from '../config/schema.js';
import { parseQuantity, showFound } from '../units/parse.js';
import { levelStepConfusion, meanCellFaultProbability, type LevelCoding, type LevelStepSpec } from '../devices/noise/index.js';

/** One probability for every level, or one per level (list; one element = every level). */
export type StepRate = number | readonly number[];

/** An `mlc.stepRates` entry: p₋ (read one level low) and p₊ (one level high) per cell read. */
export interface StepRatesEntry {
  readonly pDown: StepRate;
  readonly pUp: StepRate;
}

/** A probability in [0, 1] written as a number (1.0e-3) or a ratio ('0.1 %'); undefined otherwise. */
function prob(x: unknown): number | undefined {
  let v: number | undefined;
  if (typeof x === 'number') v = x;
  else if (typeof x === 'string') {
    const r = parseQuantity(x, 'ratio');
    if (r.ok) v = r.value;
  }
  return v !== undefined && Number.isFinite(v) && v >= 0 && v <= 1 ? v : undefined;
}

/** A step rate: a probability in [0, 1], or a list of them (a one-element list is one value for every level). */
const stepRateSchema = z.unknown().transform((v, ctx): StepRate => {
  const one = prob(v);
  if (one !== undefined) return one;
  if (Array.isArray(v) && v.length > 0) {
    const out = v.map((x, i) => {
      const p = prob(x);
      if (p === undefined) reportIssue(ctx, "a probability in [0, 1] (1.0e-3 or '0.1 %')", showFound(x), [i]);
      return p;
    });
    if (out.some((p) => p === undefined)) return z.NEVER;
    return out.length === 1 ? out[0]! : (out as number[]);
  }
  reportIssue(ctx, "a probability in [0, 1] (1.0e-3 or '0.1 %') for every level, or a list of one per level", Array.isArray(v) ? 'an empty list' : showFound(v));
  return z.NEVER;
});

/** Schema of an `mlc.stepRates` entry, `{ pDown: 1.0e-3, pUp: 1.0e-3 }`. */
export const stepRatesEntrySchema = strictObject({ pDown: stepRateSchema, pUp: stepRateSchema });

/** Levels a per-level entry is written for (its lists' length), or undefined: one value for every level. */
export function entryLevels(e: StepRatesEntry): number | undefined {
  if (typeof e.pDown !== 'number') return e.pDown.length;
  return typeof e.pUp === 'number' ? undefined : e.pUp.length;
}

const perLevel = (r: StepRate, levels: number): number[] => (typeof r === 'number' ? new Array<number>(levels).fill(r) : [...r]);

/**
 * The per-level rates of `e` in cells of `bits` bits as the level-step model applies them (no move
 * below level 0 or above the top level), or undefined when `e` is written per level for another mode.
 */
export function expandSteps(e: StepRatesEntry, bits: number): { pDown: number[]; pUp: number[] } | undefined {
  const L = 2 ** bits;
  const n = entryLevels(e);
  if (n !== undefined && n !== L) return undefined;
  const pDown = perLevel(e.pDown, L);
  const pUp = perLevel(e.pUp, L);
  pDown[0] = 0;
  pUp[L - 1] = 0;
  return { pDown, pUp };
}

/** The entries (with their index in `mlc.stepRates`) that apply to cells of `bits` bits. */
export function stepEntriesFor(entries: readonly StepRatesEntry[], bits: number): { index: number; entry: StepRatesEntry }[] {
  return entries.flatMap((entry, index) => (expandSteps(entry, bits) === undefined ? [] : [{ index, entry }]));
}

/** The level-step model of entry `e` for cells of `bits` bits (rates per level as applied). */
export function stepModel(bits: number, e: StepRatesEntry, levelCoding: LevelCoding): LevelStepSpec {
  const x = expandSteps(e, bits);
  if (x === undefined) throw new RangeError(`stepRates entry with ${entryLevels(e)} per-level values does not fit ${bits}-bit cells`);
  return { kind: 'level-step', levels: 2 ** bits, pDown: x.pDown, pUp: x.pUp, levelCoding };
}

/** Mean over levels of p₋ + p₊ as applied: the probability a cell reads a wrong level at uniform level occupancy. */
export function meanStepRate(m: LevelStepSpec): number {
  return meanCellFaultProbability(levelStepConfusion(m));
}

/** '0.001' or '[0, 0.00024, …]' (a step rate as written). */
export function stepRateText(r: StepRate): string {
  return typeof r === 'number' ? String(r) : `[${r.join(', ')}]`;
}

/** 'p₋ 0.001, p₊ 0.001' for an entry. */
export function stepEntryText(e: StepRatesEntry): string {
  return `p₋ ${stepRateText(e.pDown)}, p₊ ${stepRateText(e.pUp)}`;
}

type Ctx = Parameters<typeof reportIssue>[0];

/**
 * Checks of `mlc` beyond each key's schema, reported at the offending key: at least one of
 * levelSpreadScale and stepRates; per-level lists of one cell mode's level count (pDown and pUp
 * alike); no move off the boundary levels; p₋ + p₊ ≤ 1 per level; each entry once per cell mode.
 */
export function checkMlcSweeps(mlc: { readonly presets?: unknown; readonly cellModes: readonly number[]; readonly levelSpreadScale: readonly number[]; readonly stepRates?: readonly StepRatesEntry[] | undefined }, ctx: Ctx): void {
  const entries = mlc.stepRates ?? [];
  if (mlc.levelSpreadScale.length === 0 && entries.length === 0) {
    reportIssue(ctx, "'levelSpreadScale:' (level-spread sweep) or 'stepRates:' ((p₋, p₊) sweep), or both", 'neither');
    return;
  }
  if (mlc.levelSpreadScale.length > 0 && mlc.presets === undefined) {
    reportIssue(ctx, "'presets:' naming the level sets whose σ levelSpreadScale scales ({ '2': nvmexplorer-2bit, '3': nvmexplorer-3bit })", 'no presets');
  }
  const modes = [...new Set(mlc.cellModes)].sort((a, b) => b - a);
  const fits = modes.map((b) => `${2 ** b} (${b}-bit cells)`).join(' or ');
  entries.forEach((e, i) => {
    const at = ['stepRates', i];
    const lists = (['pDown', 'pUp'] as const).filter((k) => typeof e[k] !== 'number');
    const n = entryLevels(e);
    if (n === undefined) return;
    if (typeof e.pDown !== 'number' && typeof e.pUp !== 'number' && e.pDown.length !== e.pUp.length) {
      reportIssue(ctx, 'pDown and pUp lists of the same length (one value per level)', `${e.pDown.length} and ${e.pUp.length} values`, at);
      return;
    }
    if (!modes.some((b) => 2 ** b === n)) {
      reportIssue(ctx, `one value for every level, or ${fits} per-level values (mlc.cellModes)`, `${n} values`, [...at, lists[0] ?? 'pDown']);
      return;
    }
    const L = n;
    if (typeof e.pDown !== 'number' && (e.pDown[0] ?? 0) !== 0) {
      reportIssue(ctx, '0 at level 0 (the lowest level cannot be read one level lower)', String(e.pDown[0]), [...at, 'pDown', 0]);
    }
    if (typeof e.pUp !== 'number' && (e.pUp[L - 1] ?? 0) !== 0) {
      reportIssue(ctx, `0 at level ${L - 1} (the top level cannot be read one level higher)`, String(e.pUp[L - 1]), [...at, 'pUp', L - 1]);
    }
  });
  entries.forEach((e, i) => {
    for (const b of modes) {
      const x = expandSteps(e, b);
      if (x === undefined) continue;
      const bad = x.pDown.findIndex((d, l) => d + (x.pUp[l] ?? 0) > 1);
      if (bad >= 0) {
        reportIssue(ctx, `p₋ + p₊ ≤ 1 at every level`, `${(x.pDown[bad] ?? 0) + (x.pUp[bad] ?? 0)} at level ${bad} of ${b}-bit cells`, ['stepRates', i]);
        return;
      }
      const same = entries.findIndex((f, j) => j < i && JSON.stringify(expandSteps(f, b)) === JSON.stringify(x));
      if (same >= 0) {
        reportIssue(ctx, 'each (p₋, p₊) listed once', `the same per-level rates in ${b}-bit cells as stepRates[${same}]`, ['stepRates', i]);
        return;
      }
    }
  });
}
