// A `model:` YAML path in a sweep axis (or `set:`) was read from the working directory, so the same
// sweep ran from its own folder and failed from the checkout ("no such file"). It is relative to the
// base run file, as a `soc:` path in a sweep axis is, wherever the sweep is started.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyModelYaml } from '../cli/fixtures.js';
import { resumeSweep, tempDir } from './helpers.js';

describe('sweep axis paths', () => {
  it('a relative model path in an axis and in set: is read relative to the base run file', async () => {
    const dir = tempDir();
    for (const d of ['runs', 'models', 'sweeps']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'models', 'tiny.yaml'), tinyModelYaml({ hiddenSize: 128, numLayers: 2, vocabSize: 512, numHeads: 2, numKvHeads: 1, intermediateSize: 256 }));
    writeFileSync(join(dir, 'models', 'tiny3.yaml'), tinyModelYaml({ hiddenSize: 128, numLayers: 3, vocabSize: 512, numHeads: 2, numKvHeads: 1, intermediateSize: 256 }));
    writeFileSync(join(dir, 'runs', 'r.yaml'), `extends: ${resolve('configs/runs/fp16-hymba.yaml')}\nworkload: { contextLength: 8 }\n`);
    const sweep = join(dir, 'sweeps', 's.yaml');
    writeFileSync(sweep, 'kind: sweep\nname: paths\nbase: ../runs/r.yaml\nset:\n  model: ../models/tiny.yaml\naxes:\n  - model: [../models/tiny.yaml, ../models/tiny3.yaml]\nmetrics: [weightBytes]\n');
    expect(process.cwd()).not.toBe(join(dir, 'runs')); // started from elsewhere (the checkout)
    const r = await resumeSweep(sweep, join(dir, 'out'));
    expect(r.ran).toBe(2);
    const bytes = r.points.map((p) => p.metrics['weightBytes']!);
    expect(bytes[1]!).toBeGreaterThan(bytes[0]!); // 3 layers read more than 2: each file was the one named
  }, 120_000);
});
