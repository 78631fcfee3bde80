/** The configuration layer: YAML with positions, extends/overrides, strict schemas, registries, dumps. Re-exports only. */
export * from './errors.js';
export * from './paths.js';
export * from './schema.js';
export * from './did-you-mean.js';
export * from './yaml.js';
export * from './resolve.js';
export * from './issues.js';
export * from './load.js';
export * from './dump.js';
export * from './registry.js';
export * from './kinds.js';
export * from './descriptor-schema.js';
export * from './builtin-kinds.js';
export type * from './plugin.js';
export * from './provenance.js';
