// Shared helpers of the trace-replay tests: catching the TraceParseError a bad trace must raise;
// a per-file temporary folder for the trace files a test writes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { TraceParseError } from '../../../src/devices/trace-replay/trace-cursor.js';

/**
 * A temporary folder made before the test file's tests and removed after them (call at top level);
 * `file(name, data)` writes a trace into it and returns the path.
 */
export function traceFolder(prefix: string): { file(name: string, data: Buffer | string): string } {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), prefix)); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    file(name, data) {
      const f = join(dir, name);
      writeFileSync(f, data);
      return f;
    },
  };
}

/** The TraceParseError `f` throws; any other error is rethrown, and no error fails the test. */
export function traceParseError(f: () => unknown): TraceParseError {
  try {
    f();
  } catch (e) {
    if (e instanceof TraceParseError) return e;
    throw e;
  }
  throw new Error('expected a TraceParseError');
}
