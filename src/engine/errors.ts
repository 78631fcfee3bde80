/** Errors raised by the simulation kernel: a violated invariant is a bug, reported with sim time and path. */
export class SimError extends Error {
  constructor(message: string, readonly simTimePs?: number, readonly path?: string) {
    super(`${path ? `[${path}] ` : ''}${simTimePs !== undefined ? `@${simTimePs} ps: ` : ''}${message}`);
    this.name = 'SimError';
  }
}

/**
 * An event time or run limit outside the integer-ps clock (not a safe integer, i.e. past 2^53 ps).
 * Callers that can blame their input for it (a trace record, a workload) catch this class.
 */
export class TimeRangeError extends SimError {}

/** Throws a SimError when `cond` is false. */
export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new SimError(message);
}
