// `qmcsim run` on a file of another kind that has no `kind:` (a configs/models or configs/quant
// file, recognised by its folder): one line at kind:, exit 2 — not one line per non-run key.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

describe('qmcsim run on a model or quant file', () => {
  for (const [file, kind] of [['configs/models/phi-2.yaml', 'model'], ['configs/quant/qmc.yaml', 'quant']] as const) {
    it(`${file}: one line naming the kind it is`, async () => {
      const r = await runCli('run', file);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${file}:1:1: kind: expected a kind: run file, found a ${kind} file (no kind:, recognised by its folder)\n`);
    });
  }

  it('validate still recognises the same file as a valid model', async () => {
    const r = await runCli('validate', 'configs/models/phi-2.yaml');
    expect(r.code).toBe(0);
  });
});
