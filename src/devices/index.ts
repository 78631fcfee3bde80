/**
 * Public entry point of the device layer: the explicit list of device plug-ins (`devicePlugins`:
 * SRAM, STT-MRAM, ReRAM, LPDDR5), `createDevice` by type, the preset catalogue and devices from
 * configuration entries. The implementation lives in src/devices/presets/catalog.ts.
 */
export type { MemoryDevice, ActionCounts, ErrorStats, TagErrorStats, CompletionFn } from './device.js';
export type { AccessNoiseLike } from './nvm/device-core.js';
export {
  devicePlugins, deviceTypes, deviceSchemas, deviceCatalog, createDevice, createDeviceFromSpec, energyTablesForSpec,
  catalogEntryFromSpec, findDevicePreset, presetEstimatesByName,
  type DeviceParamsByType, type DeviceType, type CreateDeviceOptions, type DeviceCatalogEntry, type DeviceSpec,
} from './presets/catalog.js';
