/**
 * The `qmcsim` command line (commander 14). One global error policy: user errors print one line
 * per problem and exit 2, failed checks exit 1, anything unexpected prints one short line (stack
 * only with QMCSIM_DEBUG=1) and exits 3. Commands are listed in ./commands/index.ts.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { ExitCode, isUserError } from './errors.js';
import { err, setIo, takeExitCode, type CliIo } from './io.js';
import { registerPlugins } from './plugins.js';

/** Builds the program with every command registered (output through `io`). */
export function buildProgram(): Command {
  const program = new Command('qmcsim')
    .description('Event-driven simulator of memory systems for on-device small-language-model inference')
    .version('0.1.0')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => require_io().stdout(s),
      writeErr: (s) => require_io().stderr(s),
      // commander's option and argument errors as one line, like every other error:
      // "qmcsim: unknown option '--jsn' (Did you mean --json?) (run with --help for usage)"
      outputError: (s, write) => write(`${s.trim().replace(/^error: /, 'qmcsim: ').replace(/\s*\n\s*/g, ' ')} (run with --help for usage)\n`),
    });
  registerPlugins();
  for (const register of commands) register(program);
  return program;
}

let activeIo: CliIo | undefined;
const fallbackIo: CliIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };
function require_io(): CliIo {
  return activeIo ?? fallbackIo;
}

const FS_CODES: Record<string, string> = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied', EISDIR: 'is a directory',
  ENOTDIR: 'not a directory', EEXIST: 'already exists', ENOSPC: 'no space left on device', EROFS: 'read-only file system',
};

/** Maps any thrown value to an exit code, printing it as the policy says. */
export function reportError(e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return e.exitCode === 0 ? 0 : ExitCode.BadInput;
    return e.exitCode === 0 ? 0 : ExitCode.BadInput; // commander already printed the message
  }
  if (isUserError(e)) {
    for (const line of e.format().split('\n')) err(line);
    return e.exitCode;
  }
  const errno = e as NodeJS.ErrnoException;
  if (errno instanceof Error && typeof errno.code === 'string' && FS_CODES[errno.code] !== undefined) {
    err(`qmcsim: ${errno.path ? `${errno.path}: ` : ''}${FS_CODES[errno.code]}`);
    return ExitCode.BadInput;
  }
  if (e instanceof Error && e.name === 'ZodError') {
    err(`qmcsim: invalid input: ${e.message.split('\n').slice(0, 20).join(' ')}`);
    return ExitCode.BadInput;
  }
  const msg = e instanceof Error ? `${e.name}: ${(e.message.split('\n')[0] ?? '').slice(0, 500)}` : String(e);
  err(`qmcsim: internal error: ${msg}`);
  if (process.env.QMCSIM_DEBUG === '1' && e instanceof Error && e.stack) err(e.stack);
  else err('qmcsim: this is a bug; set QMCSIM_DEBUG=1 to print the stack trace');
  return ExitCode.Internal;
}

/**
 * Runs the CLI on `argv` (arguments after the program name) and resolves to the exit code.
 * `io` redirects output (in-process tests); by default stdout/stderr of the process.
 */
export async function main(argv: readonly string[], io?: CliIo): Promise<number> {
  activeIo = io;
  setIo(io);
  takeExitCode();
  try {
    const program = buildProgram();
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return ExitCode.BadInput;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return takeExitCode();
  } catch (e) {
    return reportError(e);
  } finally {
    activeIo = undefined;
    setIo(undefined);
  }
}

function isEntryPoint(): boolean {
  const arg = process.argv[1];
  if (arg === undefined) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * Runs the CLI as this process's command: exit-code, EPIPE and fatal-error handling, then main() on
 * the process arguments. Called when main.ts is the entry point (tsx src/cli/main.ts) and by the
 * `qmcsim` launcher (bin/qmcsim.js), which loads it in its own process so signals reach it.
 */
export function start(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  // A reader that stops early (`qmcsim run bad.yaml 2>&1 | head -1`) must not turn the exit code of
  // the error being reported (2) into an internal error (3): lines it no longer reads are dropped.
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const fatal = (e: unknown): void => {
    process.exitCode = reportError(e);
    process.exit();
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fatal);
}

if (isEntryPoint()) start();
