#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx so `npx qmcsim` works without a build step.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const r = spawnSync(tsx, [join(root, 'src', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
if (r.error) {
  process.stderr.write(`qmcsim: cannot start ${tsx} (${r.error.message}); run npm ci in ${root}\n`);
  process.exit(3);
}
// Interrupted (Ctrl-C): the shell convention 128 + signal number, not 2 (which means bad input).
process.exit(r.status ?? 128 + (constants.signals[r.signal] ?? 0));
