/**
 * Output directories (--out, --export, the --db folder) are created and checked before any work
 * starts, so a path that is a file, lies under a file or cannot be written is one line and exit 2
 * at once — not after a long run whose results then cannot be saved. A run that then fails before
 * writing anything removes the directories it created (discardIfEmpty), so bad input leaves nothing;
 * a synchronous run checks without creating (checkOutDir), so a signal during it leaves nothing either.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../config/errors.js';

const REASONS: Record<string, string> = {
  EEXIST: 'a file (not a directory)', ENOTDIR: 'a path through a file', EACCES: 'permission denied',
  EPERM: 'permission denied', EROFS: 'read-only file system', ENOSPC: 'no space left on device',
  ENOENT: 'a place where no directory can be created',
};

/**
 * mkdir -p, one level at a time from the deepest existing ancestor; returns the outermost directory
 * it created (undefined: `dir` existed). Node 20's own `mkdirSync(…, { recursive: true })` never
 * returns on a pseudo file system that refuses mkdir with ENOENT (e.g. `--out /proc/x`).
 */
function makeDirs(dir: string): string | undefined {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]!);
  return missing.length > 0 ? missing[missing.length - 1] : undefined;
}

/** A prepared output directory; `discardIfEmpty` removes what prepareOutDir created when nothing was written. */
export interface PreparedOutDir {
  /** Removes the directories this call created (the outermost new one and below) if `dir` is still empty. */
  discardIfEmpty(): void;
}

/** An output directory checked up front and created only when the results are written. */
export interface DeferredOutDir {
  /** Creates the directory (with parents) to write into; throws UserError if that now fails. */
  create(): PreparedOutDir;
}

/**
 * Checks, before a long synchronous computation, that `dir` can be made a writable directory, and
 * leaves nothing behind: the directories the check created are removed again and made only by
 * `create()`, when the results are written. A signal (Ctrl-C, SIGTERM: exit 130 / 143) cannot be
 * handled while synchronous work runs, so directories made up front would be left empty by one.
 */
export function checkOutDir(dir: string, what: string): DeferredOutDir {
  prepareOutDir(dir, what).discardIfEmpty();
  return {
    create() {
      return prepareOutDir(dir, what);
    },
  };
}

/**
 * Creates `dir` (with parents) and checks it is a writable directory. `what` names the option in
 * the message, e.g. `qmcsim run: --out`. Throws UserError (exit 2) otherwise.
 */
export function prepareOutDir(dir: string, what: string): PreparedOutDir {
  const fail = (reason: string): never => {
    throw new UserError(`${what} ${dir}: expected a directory that can be written, found ${reason}`);
  };
  if (dir.trim() === '') fail('an empty path');
  let created: string | undefined;
  try {
    created = makeDirs(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    fail(REASONS[code] ?? (e as Error).message);
  }
  if (!statSync(dir).isDirectory()) fail('a file (not a directory)');
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    fail(REASONS[(e as NodeJS.ErrnoException).code ?? ''] ?? (e as Error).message);
  }
  return {
    discardIfEmpty() {
      // only directories this call made, and only while nothing was written into them
      if (created !== undefined && readdirSync(dir).length === 0) rmSync(created, { recursive: true, force: true });
    },
  };
}
