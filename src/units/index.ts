/** The units layer: branded canonical quantities, the string parser and the formatter. Re-exports only. */
export * from './quantity.js';
export * from './parse.js';
export * from './format.js';
export { unitFor, unitsOf, dimensionOfUnit, SECONDS_PER_YEAR, type UnitDef } from './unit-table.js';
