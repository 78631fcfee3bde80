/**
 * Where CLI commands write: stdout/stderr of the process, or buffers injected by in-process tests.
 * Commands call out()/err() instead of console.log so tests can capture them.
 */

export interface CliIo {
  /** Writes text (add your own '\n'). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};
let current: CliIo = processIo;
let exitCode = 0;

/** Runs `fn` with output redirected to `io` (used by main()). */
export function setIo(io: CliIo | undefined): void {
  current = io ?? processIo;
}
/** Prints one line (or several) to standard output. */
export function out(line = ''): void {
  current.stdout(line.endsWith('\n') ? line : `${line}\n`);
}
/** Prints one line (or several) to standard error. */
export function err(line: string): void {
  current.stderr(line.endsWith('\n') ? line : `${line}\n`);
}
/** The active writer pair (for progress bars and similar). */
export function io(): CliIo {
  return current;
}
/** Sets the exit code the command finishes with unless an error overrides it (e.g. 1 = check failed). */
export function setExitCode(code: number): void {
  exitCode = code;
}
/** Reads and resets the pending exit code (used by main()). */
export function takeExitCode(): number {
  const c = exitCode;
  exitCode = 0;
  return c;
}
