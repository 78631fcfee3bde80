/** Errors raised by the simulation kernel: a violated invariant is a bug, reported with sim time and path. */
export class SimError extends Error {
  constructor(message: string, readonly simTimePs?: number, readonly path?: string) {
    super(`${path ? `[${path}] ` : ''}${simTimePs !== undefined ? `@${simTimePs} ps: ` : ''}${message}`);
    this.name = 'SimError';
  }
}

/** Throws a SimError when `cond` is false. */
export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new SimError(message);
}
