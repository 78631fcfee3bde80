#!/usr/bin/env node
// Launcher: registers tsx in this process and runs the TypeScript CLI here, so `npx qmcsim` works
// without a build step and signals (SIGTERM from `timeout`, `kill`) reach the CLI itself; a child
// process would be left running when only the launcher was signalled.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let start;
try {
  const { register } = await import('tsx/esm/api');
  register();
  ({ start } = await import('../src/cli/main.ts'));
} catch (e) {
  process.stderr.write(`qmcsim: cannot load the CLI (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); run npm ci in ${root}\n`);
  process.exit(3);
}
start();
