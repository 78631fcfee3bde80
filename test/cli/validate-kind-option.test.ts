// Regression: an unknown --kind was reported as the file's problem, at the file's own kind: key
// ('a.yaml:1:7: kind: expected a known configuration kind …, found 'rnu''), once per file given.
// It is the option's fault: one line naming --kind, with a did-you-mean, exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

describe('qmcsim validate --kind', () => {
  it('an unknown --kind is one line naming the option', async () => {
    const a = t.write('a.yaml', 'kind: quant\nscheme: fp16\n');
    const b = t.write('b.yaml', 'scheme: fp16\n');
    const r = await runCli('validate', a, b, '--kind', 'quantt');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^qmcsim validate: --kind: expected a known configuration kind \([^)]*quant[^)]*\), found 'quantt'; did you mean 'quant'\?\n$/);
  });

  it('a known --kind still validates a file without kind:', async () => {
    const b = t.write('c.yaml', 'scheme: fp16\n');
    const r = await runCli('validate', b, '--kind', 'quant');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('qmcsim validate, a file without kind:', () => {
  // A model file copied out of configs/models (recognised there by its folder) said only
  // "expected a top-level 'kind:' …, found none"; it now says how to name the kind.
  it('says how to give the kind', async () => {
    const m = t.write('copied-model.yaml', 'name: X\nhiddenSize: 8\n');
    const r = await runCli('validate', m);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/copied-model\.yaml:1:1: kind: expected a top-level 'kind:' .*, found none; add a line such as 'kind: model' or pass --kind KIND \(only files under configs\/models\/ and configs\/quant\/ need no kind:\)\n$/);
  });
});
