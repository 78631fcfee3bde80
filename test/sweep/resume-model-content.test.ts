// Regression: a sweep point's id hashed the model's name or path, so after a model YAML file was
// edited, --resume answered from rows computed with the old model. Point ids of the run-config
// evaluator now hash the model's content, as a run's resolved.json does (src/arch/resolved-run.ts).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyModelYaml } from '../cli/fixtures.js';
import { resumeSweep, tempDir } from './helpers.js';


describe('sweep --resume and the model file', () => {
  it('re-runs a point whose model file changed; reuses it while the content is the same, whatever its path', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const base = resolve('configs/runs/fp16-hymba.yaml');
    const model = (file: string, layers: number): string => {
      const f = join(dir, file);
      writeFileSync(f, tinyModelYaml({ hiddenSize: 128, numLayers: layers, vocabSize: 512, numHeads: 2, numKvHeads: 1, intermediateSize: 256 }));
      return f;
    };
    const spec = (m: string, name: string): string => {
      const f = join(dir, name);
      writeFileSync(f, `kind: sweep\nname: m\nbase: ${base}\nset:\n  model: ${m}\n  workload.contextLength: 8\naxes:\n  - workload.contextLength: [8]\nmetrics: [latencyPerTokenPs]\n`);
      return f;
    };
    const m = model('tiny.yaml', 2);
    const first = await resumeSweep(spec(m, 'a.yaml'), out);
    expect(first.ran).toBe(1);
    const again = await resumeSweep(spec(m, 'a.yaml'), out);
    expect([again.ran, again.reused]).toEqual([0, 1]);
    const copy = await resumeSweep(spec(model('same-content.yaml', 2), 'b.yaml'), out);
    expect([copy.ran, copy.reused]).toEqual([0, 1]);

    model('tiny.yaml', 3); // the user edits the model file in place
    const edited = await resumeSweep(spec(m, 'a.yaml'), out);
    expect(edited.ran).toBe(1);
    expect(edited.points[0]!.id).not.toBe(first.points[0]!.id);
    expect(edited.points[0]!.metrics['latencyPerTokenPs']).not.toBe(first.points[0]!.metrics['latencyPerTokenPs']);
  }, 120_000);
});
