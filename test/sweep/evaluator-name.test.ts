// Regression: `evaluator: run-confg` was taken as a module path and refused without a hint that
// the built-in 'run-config' was meant (every other misspelt sweep name gets a did-you-mean).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/points.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { TOY_BASE, tempDir } from './helpers.js';

async function message(evaluator: string): Promise<string> {
  const file = join(tempDir(), 's.yaml');
  writeFileSync(file, `kind: sweep\nname: t\nbase: ${TOY_BASE}\nevaluator: ${evaluator}\naxes:\n  - quantizer.rho: [0.1]\n`);
  try {
    await expandSweep(loadSweepSpec(file));
  } catch (e) {
    return (e as Error).message.replaceAll(file, 'FILE');
  }
  throw new Error('expected the evaluator to be refused');
}

describe('sweep evaluator: key', () => {
  it('a name close to run-config gets a did-you-mean, at file:line:col of evaluator:', async () => {
    expect(await message('run-confg')).toMatch(/^FILE:4:12: evaluator: expected 'run-config' or a module .*; did you mean 'run-config'\?$/);
  });
  it('a module path gets no guess', async () => {
    expect(await message('./my-evaluator.ts')).not.toContain('did you mean');
  });
});
