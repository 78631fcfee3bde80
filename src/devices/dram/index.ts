/**
 * LPDDR5 plug-in entry point: descriptor, factory and the public pieces (spec, constraints,
 * energy table, independent command checker) other modules and tests import.
 */
import type { Engine } from '../../engine/engine.js';
import { StatScope } from '../../engine/stats.js';
import { Lpddr5Device } from './lpddr5-device.js';
import { resolveLpddr5, type Lpddr5Params } from './lpddr5-params.js';

export { lpddr5Descriptor, resolveLpddr5, LPDDR5_DEFAULTS, type Lpddr5Params } from './lpddr5-params.js';
export { Lpddr5Device, type Lpddr5DeviceConfig } from './lpddr5-device.js';
export type { CommandObserver, SchedulerKind, PagePolicy } from './controller.js';
export type { RefreshMode } from './refresh.js';
export * from './lpddr5-spec.js';
export * from './lpddr5-constraints.js';
export { lpddr5EnergyTable, type Lpddr5EnergyTable, type EnergyEntry } from './lpddr5-energy.js';
export { CommandChecker, type Violation } from './command-checker.js';
export { ADDRESS_MAPPINGS, parseMappingOrder } from './address-mapper.js';

/**
 * Creates an LPDDR5 device from canonical params (see Lpddr5Params). Statistics are registered
 * under `stats` (default: a fresh scope named `path`).
 */
export function createLpddr5(engine: Engine, params: Lpddr5Params, path: string, stats?: StatScope): Lpddr5Device {
  const cfg = resolveLpddr5(params);
  return new Lpddr5Device(engine, cfg, path, stats ?? StatScope.root().child(path));
}
export { lpddr5ParamsSchema, parseLpddr5Params } from './lpddr5-schema.js';
