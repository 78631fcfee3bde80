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

/**
 * `e` with `extra` problems found by a later check of the same input added (those not already in
 * `e`, same place and key), sorted into document order within each file (files in the order they
 * first appear): one pass can then report schema errors and build errors together.
 */
export function withMoreProblems(e: ConfigErrors, extra: readonly ConfigProblem[]): ConfigErrors {
  const key = (p: ConfigProblem): string => `${p.file}:${p.line}:${p.col}:${p.path}`;
  const seen = new Set(e.problems.map(key));
  const added = extra.filter((p) => !seen.has(key(p)));
  if (added.length === 0) return e;
  return new ConfigErrors(inDocumentOrder([...e.problems, ...added]));
}

/**
 * `problems` sorted into document order within each file (files in the order they first appear;
 * problems at one place keep their order), e.g. when several checks each found some.
 */
export function inDocumentOrder<P extends ConfigProblem>(problems: readonly P[]): P[] {
  const fileRank = new Map<string, number>();
  for (const p of problems) if (!fileRank.has(p.file)) fileRank.set(p.file, fileRank.size);
  return [...problems].sort((a, b) => fileRank.get(a.file)! - fileRank.get(b.file)! || a.line - b.line || a.col - b.col);
}

/**
 * Runs `load`; when it fails with ConfigErrors (other than a wrong `kind:`), runs `more` (a later
 * check over what did parse) and throws the union, so one pass reports both. A `more` that itself
 * fails leaves the original errors as they are.
 */
export function withLaterChecks<T>(load: () => T, more: () => readonly ConfigProblem[]): T {
  try {
    return load();
  } catch (e) {
    if (!(e instanceof ConfigErrors) || e.problems.some((p) => p.path === 'kind')) throw e;
    let extra: readonly ConfigProblem[];
    try {
      extra = more();
    } catch {
      throw e; // the tree itself does not compose: its own errors are e
    }
    throw withMoreProblems(e, extra);
  }
}
