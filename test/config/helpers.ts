// Helpers for config tests: a temp directory that writes YAML files and removes itself afterwards;
// the ConfigErrors a load throws.
import { expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigErrors } from '../../src/config/errors.js';

export interface TempDir {
  readonly dir: string;
  /** Writes `text` to `dir/name` and returns the full path. */
  write(name: string, text: string): string;
  remove(): void;
}

export function tempDir(prefix = 'qmcsim-test-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, text) {
      const p = join(dir, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
      return p;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The ConfigErrors `fn` throws; the test fails if it throws anything else, or nothing. */
export function configErrorsOf(fn: () => unknown): ConfigErrors {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigErrors);
    return e as ConfigErrors;
  }
  throw new Error('expected ConfigErrors');
}
