/**
 * zod 4 building blocks for configuration schemas: quantity fields (`q.time()`, `q.size()`, ...)
 * that take a YAML string such as '3.5 ns' and produce the canonical branded number, strict objects
 * whose unknown keys get a did-you-mean, and integer/number helpers with readable messages.
 */
import { z } from 'zod';
import {
  dimensionExample, type Amperes, type BitsPerMm2, type Bytes, type BytesPerSec, type Dimension, type Hz,
  type Kelvin, type Mm2, type PJ, type PJPerBit, type Ps, type Ratio, type Seconds, type TransfersPerSec,
  type Volts, type Watts,
} from '../units/quantity.js';
import { parseQuantity, showFound } from '../units/parse.js';
import { formatQuantity } from '../units/format.js';

/** Bounds and default for a quantity field. Bounds are canonical numbers or quantity strings. */
export interface QuantityOptions {
  /** Require > 0. */
  readonly positive?: boolean;
  /** Allow values below 0 (default: only voltage and current may be negative). */
  readonly allowNegative?: boolean;
  /** Inclusive lower / upper bound, canonical number or a string of the same dimension. */
  readonly min?: number | string;
  readonly max?: number | string;
  /** Default written as the user would ('3.5 ns'); parsed like any input when the key is absent. */
  readonly default?: string | number;
}

/** The issue params every schema here attaches so errors print "expected …, found …". */
export interface ExpectedFound {
  readonly expected: string;
  readonly found: string;
  /** Sibling keys to locate the problem at when its own key is not written (its value is a default). */
  readonly orAt?: readonly string[];
}

type Ctx = { addIssue(issue: { code: 'custom'; message: string; params: ExpectedFound; path?: PropertyKey[] }): void };

/**
 * Adds an issue carrying structured expected/found (used by the error mapper). In a cross-field
 * check (`.superRefine((v, ctx) => …)`) pass `path`, relative to the refined object, to point the
 * error at the offending key: `reportIssue(ctx, 'a unique id', "'dram'", ['memory', 1, 'id'])`.
 * `orAt` names sibling keys of the last one to point at instead when that key is not written (its
 * value is a default): `reportIssue(ctx, 'a + b ≤ 1', '0.6', ['b'], ['a'])`.
 */
export function reportIssue(ctx: Ctx, expected: string, found: string, path?: readonly (string | number)[], orAt?: readonly string[]): void {
  const params: ExpectedFound = orAt === undefined ? { expected, found } : { expected, found, orAt };
  const issue = { code: 'custom' as const, message: `expected ${expected}, found ${found}`, params };
  ctx.addIssue(path === undefined ? issue : { ...issue, path: [...path] });
}

function bound(v: number | string, dim: Dimension): number {
  if (typeof v === 'number') return v;
  const r = parseQuantity(v, dim);
  if (!r.ok) throw new Error(`schema bound: ${r.message}`);
  return r.value;
}

/** A zod schema for a quantity of dimension `dim`, producing the branded canonical number `B`. */
export function quantity<B extends number>(dim: Dimension, opts: QuantityOptions = {}): z.ZodType<B, unknown> {
  const negOk = opts.allowNegative ?? (dim === 'voltage' || dim === 'current');
  const min = opts.min === undefined ? undefined : bound(opts.min, dim);
  const max = opts.max === undefined ? undefined : bound(opts.max, dim);
  const base = dimensionExample[dim];
  const s = z.unknown().transform((v, ctx): B => {
    let value: number;
    if (typeof v === 'number' && dim === 'ratio') value = v;
    else if (typeof v === 'string') {
      const r = parseQuantity(v, dim);
      if (!r.ok) {
        reportIssue(ctx, base, r.found);
        return z.NEVER;
      }
      value = r.value;
    } else {
      reportIssue(ctx, base, showFound(v));
      return z.NEVER;
    }
    const shown = typeof v === 'string' ? `'${v}'` : String(v);
    if (!Number.isFinite(value)) reportIssue(ctx, base, `${shown} (not finite)`);
    else if (opts.positive && !(value > 0)) reportIssue(ctx, `${base} (> 0)`, `${shown} (${value < 0 ? 'negative' : 'zero'})`);
    else if (!negOk && value < 0) reportIssue(ctx, `${base} (≥ 0)`, `${shown} (negative)`);
    else if (min !== undefined && value < min) reportIssue(ctx, `${base} of at least ${formatQuantity(min, dim)}`, shown);
    else if (max !== undefined && value > max) reportIssue(ctx, `${base} of at most ${formatQuantity(max, dim)}`, shown);
    else return value as B;
    return z.NEVER;
  });
  return (opts.default === undefined ? s : s.prefault(opts.default)) as unknown as z.ZodType<B, unknown>;
}

/**
 * A quantity with a default, typed as such: the key is optional in the schema's input type (as with
 * zod's own `.default()`), and the output is a plain number for configs whose types predate units.
 */
export function quantityWithDefault(dim: Dimension, opts: QuantityOptions & { readonly default: string | number }): z.ZodPrefault<z.ZodType<number, string | number>> {
  return quantity<number>(dim, opts) as unknown as z.ZodPrefault<z.ZodType<number, string | number>>;
}

/** Quantity schemas by dimension: YAML string in, canonical branded number out. */
export const q = {
  time: (o?: QuantityOptions) => quantity<Ps>('time', o),
  duration: (o?: QuantityOptions) => quantity<Seconds>('duration', o),
  energy: (o?: QuantityOptions) => quantity<PJ>('energy', o),
  energyPerBit: (o?: QuantityOptions) => quantity<PJPerBit>('energyPerBit', o),
  power: (o?: QuantityOptions) => quantity<Watts>('power', o),
  size: (o?: QuantityOptions) => quantity<Bytes>('size', o),
  bandwidth: (o?: QuantityOptions) => quantity<BytesPerSec>('bandwidth', o),
  frequency: (o?: QuantityOptions) => quantity<Hz>('frequency', o),
  transferRate: (o?: QuantityOptions) => quantity<TransfersPerSec>('transferRate', o),
  area: (o?: QuantityOptions) => quantity<Mm2>('area', o),
  density: (o?: QuantityOptions) => quantity<BitsPerMm2>('density', o),
  voltage: (o?: QuantityOptions) => quantity<Volts>('voltage', o),
  current: (o?: QuantityOptions) => quantity<Amperes>('current', o),
  temperature: (o?: QuantityOptions) => quantity<Kelvin>('temperature', o),
  ratio: (o?: QuantityOptions) => quantity<Ratio>('ratio', o),
} as const;

/** Allowed keys of objects rejected by a `strictObject`, recorded for the did-you-mean. */
const allowedKeysByInput = new WeakMap<object, readonly string[]>();

/** Allowed keys of the strictObject that rejected `input` (undefined if none did). */
export function allowedKeysOf(input: unknown): readonly string[] | undefined {
  return typeof input === 'object' && input !== null ? allowedKeysByInput.get(input) : undefined;
}

/** A zod strict object: unknown keys are errors, reported with the allowed keys and a did-you-mean. */
export function strictObject<S extends z.ZodRawShape>(shape: S): z.ZodObject<S, z.core.$strict> {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys' && typeof iss.input === 'object' && iss.input !== null) {
        allowedKeysByInput.set(iss.input, keys);
      }
      return undefined;
    },
  });
}

/**
 * Integer schema with readable bounds: `int({ min: 1 })`. `why` is added to the expected text in
 * parentheses, to say where a bound comes from: `int({ min: 1, max: 2 ** 20, why: 'one pool slot each' })`.
 */
export function int(opts: { min?: number; max?: number; why?: string } = {}): z.ZodType<number, unknown> {
  const lo = opts.min ?? Number.MIN_SAFE_INTEGER;
  const hi = opts.max ?? Number.MAX_SAFE_INTEGER;
  const bounds = opts.min !== undefined && opts.max !== undefined ? `an integer from ${lo} to ${hi}`
    : opts.min !== undefined ? `an integer ≥ ${lo}` : opts.max !== undefined ? `an integer ≤ ${hi}` : 'an integer';
  const what = opts.why === undefined ? bounds : `${bounds} (${opts.why})`;
  return z.unknown().transform((v, ctx): number => {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= lo && v <= hi) return v;
    // 1e30 or 2^53 + 1 is an integer ≥ 0 as written: say which bound it breaks (exact integers end at 2^53 − 1)
    const unsafe = typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) && (v > 0 ? opts.max === undefined : opts.min === undefined);
    reportIssue(ctx, unsafe ? `${what} of magnitude ≤ 2^53 − 1 (${Number.MAX_SAFE_INTEGER})` : what, unsafe ? `${showFound(v)} (too large to be held exactly)` : showFound(v));
    return z.NEVER;
  });
}
/** Integer ≥ 1. */
export const positiveInt = (): z.ZodType<number, unknown> => int({ min: 1 });
/** Integer ≥ 0. */
export const nonNegativeInt = (): z.ZodType<number, unknown> => int({ min: 0 });

/** Finite plain number with optional bounds (for dimensionless model parameters). */
export function num(opts: { min?: number; max?: number; positive?: boolean } = {}): z.ZodType<number, unknown> {
  const parts: string[] = [];
  if (opts.positive) parts.push('> 0');
  if (opts.min !== undefined) parts.push(`≥ ${opts.min}`);
  if (opts.max !== undefined) parts.push(`≤ ${opts.max}`);
  const what = `a number${parts.length ? ` ${parts.join(' and ')}` : ''}`;
  return z.unknown().transform((v, ctx): number => {
    const ok = typeof v === 'number' && Number.isFinite(v) && (!opts.positive || v > 0)
      && (opts.min === undefined || v >= opts.min) && (opts.max === undefined || v <= opts.max);
    if (ok) return v as number;
    reportIssue(ctx, what, showFound(v));
    return z.NEVER;
  });
}
/** Number > 0. */
export const positiveNumber = (): z.ZodType<number, unknown> => num({ positive: true });
/** Number ≥ 0. */
export const nonNegativeNumber = (): z.ZodType<number, unknown> => num({ min: 0 });

/** One of a fixed list of strings; a near miss gets a did-you-mean in the error. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T): z.ZodEnum<{ [K in T[number]]: K }> {
  return z.enum(values);
}
