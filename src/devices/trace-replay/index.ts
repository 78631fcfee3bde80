/** Device-level trace readers (qmcsim text/binary, Ramulator 2; plain or gzip) and the replay driver. */
export * from './trace-cursor.js';
export * from './byte-source.js';
export * from './gunzip-reader.js';
export * from './text-trace.js';
export * from './binary-trace.js';
export * from './open-trace.js';
export * from './latency-log.js';
export * from './replay.js';
export * from './run-replay.js';
export * from './format-report.js';
