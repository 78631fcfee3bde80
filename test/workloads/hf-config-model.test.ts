// A Hugging Face config.json given as a model (run `model:`, --set model=, reproduce --model, a noise
// study's model:) produced one unknown-key error per HF field plus one missing-key error per shape key
// (16 lines for a small Llama config), and a bare 'config.json' was looked up as a catalogue name.
// It is one located line now, naming what is expected and which catalogue file to start from.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigErrors } from '../../src/config/errors.js';
import { loadModel } from '../../src/workloads/catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-hf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HF config.json as a model', () => {
  it('is one located problem with the catalogue file to copy', () => {
    const f = join(dir, 'config.json');
    writeFileSync(f, JSON.stringify({ model_type: 'phi', hidden_size: 2048, num_hidden_layers: 24, vocab_size: 51200 }));
    let err: unknown;
    try { loadModel(f); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ConfigErrors);
    expect((err as ConfigErrors).message).toBe(`${f}:1:1: expected a qmcsim model shape YAML (keys name, hfId, family, hiddenSize, numLayers, vocabSize, …), found a Hugging Face config.json (model_type 'phi'); copy configs/models/phi-1.5.yaml and set its values from this file (hidden_size → hiddenSize, num_hidden_layers → numLayers, …)`);
  });
  it('a JSON file that is not an HF config still gets the shape errors', () => {
    const f = join(dir, 'other.json');
    writeFileSync(f, JSON.stringify({ name: 'x' }));
    expect(() => loadModel(f)).toThrow(/other\.json:1:1: hfId: expected a string, found nothing/);
  });
});
