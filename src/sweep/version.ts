/**
 * What identifies the code that computed a sweep point: the tool version (package.json) and a build
 * fingerprint (sha256 of every source file under src/ plus package-lock.json, line endings
 * normalised), so a stored point is reused by --resume only when the same code computed it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** e.g. 'qmcsim@0.1.0'. */
export const TOOL_VERSION = `qmcsim@${pkg.version}`;

/** Source files that decide what a point computes: code and data under src/ (not tests or docs). */
const SOURCE = /\.(ts|mts|js|mjs|cjs|json|ya?ml)$/;

/** Every file under `dir` matching SOURCE, as paths relative to `root`, sorted. */
function sourceFiles(root: string, dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(root, p, out);
    else if (e.isFile() && SOURCE.test(e.name)) out.push(relative(root, p).split('\\').join('/'));
  }
  return out;
}

/** sha256 hex over (path, content) of every source file and the lock file; `root` is the package root. */
export function codeFingerprint(root: string): string {
  const h = createHash('sha256');
  const files = sourceFiles(root, join(root, 'src'), []).sort();
  if (existsSync(join(root, 'package-lock.json'))) files.push('package-lock.json');
  for (const f of files) {
    // CRLF and LF checkouts of the same commit are the same code
    const text = readFileSync(join(root, f), 'utf8').replace(/\r\n/g, '\n');
    h.update(f).update('\0').update(text).update('\0');
  }
  return h.digest('hex');
}

let build: string | null = null;
/**
 * The tool version and build fingerprint, e.g. 'qmcsim@0.1.0+3f9a1c2e7b40': goes into every point
 * id and stored row. Computed on first use (reads the source tree once, a few ms).
 */
export function buildId(): string {
  if (build === null) build = `${TOOL_VERSION}+${codeFingerprint(fileURLToPath(new URL('../../', import.meta.url))).slice(0, 12)}`;
  return build;
}
