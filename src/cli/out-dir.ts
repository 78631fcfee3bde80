/**
 * Output directories (--out, --export, the --db folder) are created and checked before any work
 * starts, so a path that is a file, lies under a file or cannot be written is one line and exit 2
 * at once — not after a long run whose results then cannot be saved.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { UserError } from '../config/errors.js';

const REASONS: Record<string, string> = {
  EEXIST: 'a file (not a directory)', ENOTDIR: 'a path through a file', EACCES: 'permission denied',
  EPERM: 'permission denied', EROFS: 'read-only file system', ENOSPC: 'no space left on device',
};

/**
 * Creates `dir` (with parents) and checks it is a writable directory. `what` names the option in
 * the message, e.g. `qmcsim run: --out`. Throws UserError (exit 2) otherwise.
 */
export function prepareOutDir(dir: string, what: string): void {
  const fail = (reason: string): never => {
    throw new UserError(`${what} ${dir}: expected a directory that can be written, found ${reason}`);
  };
  if (dir.trim() === '') fail('an empty path');
  try {
    mkdirSync(dir, { recursive: true });
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
}
