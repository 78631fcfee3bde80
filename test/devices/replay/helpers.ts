// Shared helpers of the trace-replay tests: catching the TraceParseError a bad trace must raise.
import { TraceParseError } from '../../../src/devices/trace-replay/trace-cursor.js';

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
