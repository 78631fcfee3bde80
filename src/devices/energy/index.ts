/** Energy accounting: tables, pricing, per-device tables and the two LPDDR5 pricings. */
export * from './energy-table.js';
export * from './device-tables.js';
export * from './lpddr5-tables.js';
