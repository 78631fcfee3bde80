/** Report building blocks: tables, CSV, claim comparison, Vega-Lite plots → SVG, the HTML report. */
export * from './table.js';
export * from './csv.js';
export * from './claims.js';
export * from './plots.js';
export * from './vega-svg.js';
export * from './html.js';
export * from './estimate-uses.js';
