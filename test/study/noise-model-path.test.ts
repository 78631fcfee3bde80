// Regression: a noise study's `model:` given as a YAML path was resolved against the working
// directory, not the study file's folder as every other path in a study or run file is, so
// `model: models/my.yaml` beside the study failed as "unknown model" unless run from that folder;
// and a model file's own located error was wrapped into the study's 'model' line.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'noise-small.yaml'), 'utf8')
  .replace(/\.\.\/\.\.\/\.\.\/experiments\/qmc\//g, join(import.meta.dirname, '..', '..', 'experiments', 'qmc') + '/');

async function study(text: string): Promise<{ code: number; err: string }> {
  const file = join(dir, 'n.yaml');
  writeFileSync(file, text);
  let err = '';
  const code = await main(['study', 'noise', file, '--no-progress'], { stdout: () => {}, stderr: (t) => { err += t; } });
  return { code, err };
}

describe('noise study model path', () => {
  it('is relative to the study file', async () => {
    mkdirSync(join(dir, 'models'), { recursive: true });
    writeFileSync(join(dir, 'models', 'my.yaml'), readFileSync(join(import.meta.dirname, '..', '..', 'configs', 'models', 'smollm2-135m.yaml')));
    // a misspelt tensor stops the study at its checks: the message shows the model file was loaded
    const r = await study(fixture.replace('model: hymba-1.5b', 'model: models/my.yaml').replace(/tensors: \[.*\]/, 'tensors: [model.layers.0.mlp.up_proj.weightt]'));
    expect(r.err).toMatch(/n\.yaml:\d+:\d+: weights\.tensors\[0\]: expected a tensor of model 'models\/my\.yaml'.*did you mean 'model\.layers\.0\.mlp\.up_proj\.weight'\?/);
    expect(r.code).toBe(2);
  });
  it("a model file's own error is reported at its own position", async () => {
    writeFileSync(join(dir, 'models', 'bad.yaml'), readFileSync(join(import.meta.dirname, '..', '..', 'configs', 'models', 'smollm2-135m.yaml'), 'utf8').replace(/^numLayers: .*$/m, 'numLayers: 0'));
    const r = await study(fixture.replace('model: hymba-1.5b', 'model: models/bad.yaml'));
    expect(r.err).toMatch(/^.*models\/bad\.yaml:\d+:12: numLayers: expected a value > 0, found 0\n$/);
    expect(r.code).toBe(2);
  });
});
