// Files under configs/models/ and configs/quant/ need no `kind:`; that holds for the resolved path,
// so `cd configs/quant && qmcsim validate qmc.yaml` is valid too (the typed path 'qmc.yaml' names no folder).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from './cli-helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('validate: kind from the folder of the resolved path', () => {
  for (const [dir, file, kind] of [['configs/quant', 'qmc.yaml', 'quant'], ['configs/models', 'smollm2-135m.yaml', 'model']] as const) {
    it(`cd ${dir} && validate ${file}`, async () => {
      const before = process.cwd();
      process.chdir(join(ROOT, dir));
      try {
        const r = await runCli('validate', file);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^${file}: valid ${kind} configuration`));
      } finally {
        process.chdir(before);
      }
    });
  }
});
