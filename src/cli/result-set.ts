/**
 * All-or-nothing result sets (run, study noise, reproduce --out): every file is first written into a
 * hidden staging folder inside the output directory (same file system), then moved into place; a
 * failure (full disk, a directory where a file must go) restores what was there and names the file.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../config/errors.js';
import { openErrorText } from '../config/open-error.js';

/**
 * The reason in words for a file-system error (config/open-error.ts); ENOENT while writing into a
 * folder that existed means the folder went away.
 */
export function fsReason(e: unknown): string {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? 'the folder disappeared' : openErrorText(e);
}

/** Collects the files of one result set; names are relative paths with '/' (e.g. 'configs/a/resolved.json'). */
export interface ResultSet {
  /** Stages `name` with contents `data`. */
  put(name: string, data: string | Uint8Array): void;
  /** Stages `name` by calling `write` with the path to write it to (for writers such as writeResolved). */
  write(name: string, write: (path: string) => void): void;
}

/** Options of writeResultSet. */
export interface ResultSetOptions {
  /** Files to remove from `dir` (with the others in place) unless this set writes them, e.g. a stale rho-sweep.csv. */
  readonly remove?: readonly string[];
}

class FileFailed extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

/**
 * Writes the files `fill` stages into `dir` (which must exist) all at once: staged in a hidden
 * folder inside `dir`, then renamed into place, replacing files of the same name. If anything fails,
 * the earlier contents of `dir` are restored and a UserError (exit 2) says
 * `<what> <dir>: cannot write <file> (<reason>); nothing was written`. `what` names the option,
 * e.g. 'qmcsim run: --out'. Returns the names written, in the order staged. Synchronous, so no
 * signal handler runs between the first file moved into place and the last.
 */
export function writeResultSet(dir: string, what: string, fill: (set: ResultSet) => void, options: ResultSetOptions = {}): string[] {
  const fail = (file: string, reason: string): never => {
    throw new UserError(`${what} ${dir}: cannot write ${file} (${reason}); nothing was written`);
  };
  let staging: string;
  try {
    staging = mkdtempSync(join(dir, '.qmcsim-staging-'));
  } catch (e) {
    return fail('its results', fsReason(e));
  }
  const names: string[] = [];
  try {
    const stage = (name: string, write: (path: string) => void): void => {
      if (names.includes(name)) throw new Error(`result set: ${name} staged twice`);
      const path = join(staging, 'new', ...name.split('/'));
      try {
        mkdirSync(dirname(path), { recursive: true });
        write(path);
      } catch (e) {
        throw new FileFailed(name, fsReason(e));
      }
      names.push(name);
    };
    try {
      fill({ put: (name, data) => stage(name, (p) => writeFileSync(p, data)), write: stage });
      commit(dir, staging, names, (options.remove ?? []).filter((n) => !names.includes(n)));
    } catch (e) {
      if (e instanceof FileFailed) fail(e.file, e.reason);
      throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return names;
}

/** Where `name` must go in `dir`: refuses a directory in its place or a file on its way (before anything moves). */
function checkTarget(dir: string, name: string): void {
  const parts = name.split('/');
  for (let i = 1; i < parts.length; i++) {
    const p = join(dir, ...parts.slice(0, i));
    if (existsSync(p) && !statSync(p).isDirectory()) throw new FileFailed(name, `${parts.slice(0, i).join('/')} is a file`);
  }
  const target = join(dir, ...parts);
  if (existsSync(target) && statSync(target).isDirectory()) throw new FileFailed(name, 'it is a directory');
}

/**
 * Moves the staged files into `dir` and removes `remove`: each file it replaces (or removes) is
 * moved aside first, so a failure part-way puts every earlier file back as it was.
 */
function commit(dir: string, staging: string, names: readonly string[], remove: readonly string[]): void {
  for (const n of names) checkTarget(dir, n);
  const done: { target: string; old: string | null }[] = [];
  const madeDirs: string[] = [];
  const aside = (name: string): string | null => {
    const target = join(dir, ...name.split('/'));
    if (!existsSync(target)) return null;
    const old = join(staging, 'old', ...name.split('/'));
    mkdirSync(dirname(old), { recursive: true });
    renameSync(target, old);
    return old;
  };
  let current = '';
  try {
    for (const n of remove) {
      current = n;
      done.push({ target: join(dir, ...n.split('/')), old: aside(n) });
    }
    for (const n of names) {
      current = n;
      const target = join(dir, ...n.split('/'));
      for (let d = dirname(target), missing: string[] = []; ; d = dirname(d)) {
        if (existsSync(d)) {
          for (const m of missing.reverse()) {
            mkdirSync(m);
            madeDirs.push(m);
          }
          break;
        }
        missing.push(d);
      }
      const old = aside(n);
      done.push({ target, old });
      renameSync(join(staging, 'new', ...n.split('/')), target);
    }
  } catch (e) {
    for (const { target, old } of done.reverse()) {
      try {
        if (old === null) rmSync(target, { force: true });
        else renameSync(old, target);
      } catch {
        // best effort: the reason below is the one the user must act on
      }
    }
    for (const d of madeDirs.reverse()) rmSync(d, { recursive: true, force: true });
    throw new FileFailed(current, fsReason(e));
  }
}
