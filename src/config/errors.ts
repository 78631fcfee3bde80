/**
 * Errors caused by the user's input. `UserError` is printed as one line (never a stack) and the CLI
 * exits 2; `ConfigErrors` lists every problem found in a configuration, one line each, as
 * `file:line:col: key.path: expected …, found …`.
 */

/** An error in the user's input or usage: the CLI prints its message and exits 2. */
export class UserError extends Error {
  /** Duck-type marker so errors from another copy of this module are recognised too. */
  readonly isUserError = true;
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UserError';
  }
  /** The text the CLI prints (one line per problem). */
  format(): string {
    return this.message;
  }
}

/** One problem in a configuration, located in its source. */
export interface ConfigProblem {
  /** File as given by the user (or `--set a.b=c` for an override); '' when unknown. */
  readonly file: string;
  /** 1-based; 0 when the position is unknown (overrides, computed values). */
  readonly line: number;
  readonly col: number;
  /** Key path such as 'soc.memory[1].device.programPulse'; '' for the whole document. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  /** e.g. "did you mean 'programPulse'?" */
  readonly hint?: string;
}

/** `file:line:col: path: expected …, found …; hint`. */
export function formatProblem(p: ConfigProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
  const parts = [where, p.path].filter((s) => s !== '');
  return `${parts.join(': ')}: expected ${p.expected}, found ${p.found}${p.hint ? `; ${p.hint}` : ''}`;
}

/** Every problem found in one configuration. Thrown by loadConfigFile. */
export class ConfigErrors extends UserError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigErrors';
  }
  override format(): string {
    return this.message;
  }
}

/** True for UserError/ConfigErrors, including instances from a duplicated module copy. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError || (typeof e === 'object' && e !== null && (e as { isUserError?: unknown }).isUserError === true);
}
