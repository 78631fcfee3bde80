// Regression: `study noise --json` printed an exact SQNR (+∞, zero error) as null (JSON.stringify),
// indistinguishable from NaN and unlike result.json, which writes "Infinity". It is "Infinity" now.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { encodeFloat, writeSafetensors } from '../../src/workloads/weights/safetensors-writer.js';

describe('study noise --json with an exact SQNR', () => {
  it('a tensor kept exactly (F16 layernorm) shows "Infinity" in --json as in result.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-json-'));
    const ck = join(dir, 'ck.safetensors');
    const name = 'model.layers.0.input_layernorm.weight';
    writeSafetensors(ck, [{ name, dtype: 'F16', shape: [576] }], () => encodeFloat(new Float32Array(576).fill(1), 'F16'));
    const qmc = join(import.meta.dirname, '..', '..', 'experiments', 'qmc');
    const file = join(dir, 'n.yaml');
    writeFileSync(file, readFileSync(join(import.meta.dirname, 'fixtures', 'noise-small.yaml'), 'utf8')
      .replace('model: hymba-1.5b', 'model: smollm2-135m')
      .replace(/tensors: \[.*\]/, `tensors: [${name}]`)
      .replace('cellModes: [3, 2]', 'cellModes: [3]').replace('levelSpreadScale: [0, 1.5, 2.5]', 'levelSpreadScale: [0]')
      .replace('writeErrorRate: [0, 1.0e-3]', 'writeErrorRate: [0]')
      .replace(/\.\.\/\.\.\/\.\.\/experiments\/qmc\//g, `${qmc}/`));
    let out = '';
    const code = await main(['study', 'noise', file, '--weights', ck, '--json', '--out', join(dir, 'o'), '--no-progress'], { stdout: (t) => { out += t; }, stderr: () => {} });
    expect(code).toBe(0);
    const j = JSON.parse(out) as { points: { noisySqnrDb: unknown; tensors: { cleanSqnrDb: unknown }[] }[] };
    expect(j.points.map((p) => p.noisySqnrDb)).toEqual(['Infinity', 'Infinity']);
    expect(j.points[0]!.tensors[0]!.cleanSqnrDb).toBe('Infinity');
    const saved = JSON.parse(readFileSync(join(dir, 'o', 'result.json'), 'utf8')) as typeof j;
    expect(saved.points.map((p) => p.noisySqnrDb)).toEqual(['Infinity', 'Infinity']);
  }, 60_000);
});
