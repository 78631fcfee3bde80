// Regression: `evaluator: run-confg` was taken as a module path and refused without a hint that
// the built-in 'run-config' was meant (every other misspelt sweep name gets a did-you-mean).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOY_BASE, preRunRefusal, tempDir } from './helpers.js';

async function message(evaluator: string): Promise<string> {
  const file = join(tempDir(), 's.yaml');
  writeFileSync(file, `kind: sweep\nname: t\nbase: ${TOY_BASE}\nevaluator: ${evaluator}\naxes:\n  - quantizer.rho: [0.1]\n`);
  return preRunRefusal(file);
}

describe('sweep evaluator: key', () => {
  it('a name close to run-config gets a did-you-mean, at file:line:col of evaluator:', async () => {
    expect(await message('run-confg')).toMatch(/^FILE:4:12: evaluator: expected 'run-config', 'analytic' or a module .*; did you mean 'run-config'\?$/);
  });
  it('a module path gets no guess', async () => {
    expect(await message('./my-evaluator.ts')).not.toContain('did you mean');
  });
});

// Audit: `evaluator: analytc` listed only 'run-config' as built-in and showed Node's 'imported from
// <path of src/sweep/evaluator.ts>', a path inside qmcsim that says nothing about the user's file.
describe('sweep evaluator: a misspelt built-in', () => {
  it('lists every built-in evaluator and no internal source path', async () => {
    const msg = await message('analytc');
    expect(msg).toMatch(/^FILE:4:12: evaluator: expected 'run-config', 'analytic' or a module exporting evaluator: \{ resolve, evaluate \}, found '[^']*analytc' \(Cannot find module '[^']*analytc'\); did you mean 'analytic'\?$/);
    expect(msg).not.toContain('imported from');
    expect(msg).not.toContain('src/sweep');
  });
});
