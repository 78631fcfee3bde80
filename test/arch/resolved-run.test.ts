// resolved.json and its content hash cover what a run's results rest on: a model YAML is recorded by
// its content, not its path, so editing the model file changes the hash, and two paths to identical
// content hash alike; validate prints the same hash as the run records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tinyModelYaml, writeTinySramRun } from '../cli/fixtures.js';
import { runCli } from '../cli/cli-helpers.js';

interface Resolved {
  readonly schemaVersion: number;
  readonly contentHash: string;
  readonly meta: Record<string, unknown>;
  readonly config: { readonly model: { readonly name: string; readonly vocabSize: number }; readonly socFile?: string };
}

const sizes = { hiddenSize: 128, numLayers: 2, vocabSize: 256, numHeads: 2, numKvHeads: 1, intermediateSize: 256 };
let dir: string;
let run: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-resolved-'));
  run = writeTinySramRun(dir, sizes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runOut(name: string, ...set: string[]): Promise<Resolved> {
  const out = join(dir, name);
  const r = await runCli('run', run, '--out', out, ...set.flatMap((s) => ['--set', s]));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(join(out, 'resolved.json'), 'utf8')) as Resolved;
}

describe('resolved.json of qmcsim run', () => {
  it('records the model by content: editing the model file changes the hash; the same content elsewhere does not', async () => {
    const before = await runOut('before');
    expect(before.config.model.name).toBe('Tiny');
    expect(before.config.model.vocabSize).toBe(256);
    expect(before.meta.modelFile).toBe(join(dir, 'tiny.yaml'));
    expect(before.meta.socFile).toBe(join(dir, 'soc.yaml'));
    expect(before.config.socFile).toBeUndefined(); // a path: provenance in meta, not hashed

    // identical content at another path (given with --set, relative to the working directory) hashes alike
    mkdirSync(join(dir, 'copy'));
    copyFileSync(join(dir, 'tiny.yaml'), join(dir, 'copy', 'model.yaml'));
    const copy = await runOut('copy', `model=${join(dir, 'copy', 'model.yaml')}`);
    expect(copy.meta.modelFile).toBe(join(dir, 'copy', 'model.yaml'));
    expect(copy.contentHash).toBe(before.contentHash);

    // same path, edited content: a new hash
    writeFileSync(join(dir, 'tiny.yaml'), tinyModelYaml({ ...sizes, vocabSize: 512 }));
    const after = await runOut('after');
    expect(after.config.model.vocabSize).toBe(512);
    expect(after.contentHash).not.toBe(before.contentHash);

    // validate prints the hash the run records
    const v = await runCli('validate', run);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`hash ${after.contentHash.slice(0, 12)}`);
  });
});
