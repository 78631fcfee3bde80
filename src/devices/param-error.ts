/**
 * A device model refusing its parameters: a value or a combination it cannot be built with.
 * `param` names the key a configuration should change, so configuration checks (kind: devices
 * files, SoC device blocks) point at that key's line instead of parsing the message; `related`
 * names the other keys of the same constraint (iterationsMin beside iterationsMax), where a check
 * points when the configuration does not set `param` itself.
 */
import { SimError } from '../engine/errors.js';

export class DeviceParamError extends SimError {
  constructor(readonly param: string, message: string, path?: string, readonly related: readonly string[] = []) {
    super(message, undefined, path);
    this.name = 'DeviceParamError';
  }
}

/** The parameter a device build error names, or undefined for any other error. */
export function paramOf(e: unknown): string | undefined {
  return e instanceof DeviceParamError ? e.param : undefined;
}

/** The parameters a device build error names, `param` first then `related`; empty for any other error. */
export function paramsOf(e: unknown): readonly string[] {
  return e instanceof DeviceParamError ? [e.param, ...e.related] : [];
}

/** Throws DeviceParamError unless every `keys` value of `params` is an integer ≥ min (0 or 1). */
export function requireIntegers<K extends string>(params: Readonly<Record<K, number>>, keys: readonly K[], min: 0 | 1, path: string): void {
  for (const k of keys) {
    const v = params[k];
    if (!Number.isInteger(v) || v < min) throw new DeviceParamError(k, `${k} must be a ${min === 0 ? 'non-negative' : 'positive'} integer, got ${v}`, path);
  }
}

/**
 * Throws DeviceParamError (at `key`) unless `bytes` is a whole number of bytes ≥ 1: an interleave
 * granule or beat width splits addresses into units, and a fraction of a byte (0.3 B) made every
 * address its own unit and the transfer sizes meaningless.
 */
export function requireWholeBytes(key: string, bytes: number, path: string): void {
  if (!Number.isInteger(bytes) || bytes < 1) throw new DeviceParamError(key, `${key} must be a whole number of bytes ≥ 1 B, got ${bytes} B`, path);
}

/**
 * Throws DeviceParamError (at 'capacity', `unitKey` related) unless `capacity` is a whole number of
 * bytes holding at least one `unitKey` unit (granule, interleave, beat width): addresses are folded
 * modulo the capacity, so '1.5 B' or '3 bit' was accepted and folded every access onto one unit,
 * giving the timings of a device that cannot exist.
 */
export function requireCapacity(capacity: number, unit: number, unitKey: string, path: string): void {
  if (!Number.isInteger(capacity) || !(capacity >= unit)) {
    throw new DeviceParamError('capacity', `capacity must be a whole number of bytes of at least one ${unitKey} (${unit} B), got ${capacity} B`, path, [unitKey]);
  }
}

/** Most individually simulated units (channels, banks, arrays, ports) one device may have. */
export const MAX_DEVICE_UNITS = 2 ** 24;

/**
 * Returns the product of the `keys` values of `params` (a device's count of `what`), or throws a
 * DeviceParamError at the last key (the others as related) when it exceeds MAX_DEVICE_UNITS: each
 * unit keeps its own state, so a 10¹⁰-bank organisation failed inside a typed-array allocation.
 */
export function requireUnitCount<K extends string>(params: Readonly<Record<K, number>>, keys: readonly K[], what: string, path: string): number {
  const n = keys.reduce((p, k) => p * params[k], 1);
  if (n > MAX_DEVICE_UNITS) {
    const last = keys[keys.length - 1]!;
    const expr = keys.length > 1 ? `${keys.join(' × ')} = ${n}` : `${last} = ${n}`;
    throw new DeviceParamError(last, `${expr} ${what}, more than the ${MAX_DEVICE_UNITS} a device may simulate (each is modelled individually)`, path, keys.slice(0, -1));
  }
  return n;
}
