import { describe, expect, it } from 'vitest';
import { listModels, loadModel } from '../../src/workloads/catalog.js';
import { inventory, paramCount } from '../../src/workloads/inventory.js';
import { kvRole } from '../../src/workloads/model-shape.js';

// Exact computed totals from ../shared/reference/models.md §1 (summary table, "computed" column).
const EXPECTED: Record<string, number> = {
  'Hymba-1.5B': 1_522_797_824,
  'Llama-3.2-1B': 1_235_814_400,
  'Llama-3.2-3B': 3_212_749_824,
  'Phi-1.5': 1_418_270_720,
  'Phi-2': 2_779_683_840,
  'Qwen2.5-0.5B': 494_032_768,
  'Qwen2.5-1.5B': 1_543_714_304,
  'SmolLM2-135M': 134_515_008,
  'SmolLM2-360M': 361_821_120,
  'SmolLM2-1.7B': 1_711_376_384,
  'Mamba-130m': 129_135_360,
  'Mamba-1.4b': 1_372_178_432,
};

describe('model catalogue', () => {
  it('lists exactly the catalogue models', () => {
    expect(listModels()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [name, n] of Object.entries(EXPECTED)) {
    it(`${name} parameter count equals models.md`, () => {
      expect(paramCount(loadModel(name))).toBe(n);
    });
  }
  it('Hymba per-layer sums match models.md §2.3 (producer 46,700,932; consumer 45,164,932)', () => {
    const s = loadModel('hymba-1.5b');
    const inv = inventory(s);
    const perLayer = (l: number) => inv.filter((t) => t.layer === l).reduce((a, t) => a + t.numel, 0);
    const producers = [...Array(32).keys()].filter((l) => kvRole(s, l).produces);
    expect(producers).toEqual([0, 1, 3, 5, 7, 9, 11, 13, 15, 16, 19, 21, 23, 25, 27, 29, 31]);
    for (let l = 0; l < 32; l++) expect(perLayer(l)).toBe(producers.includes(l) ? 46_700_932 : 45_164_932);
    expect(kvRole(s, 18)).toEqual({ produces: false, producer: 16, window: 1024 });
    expect(kvRole(s, 15).window).toBe(Infinity);
    expect(inv.filter((t) => t.role === 'embedding')).toHaveLength(1);
    expect(inv.some((t) => t.role === 'lm_head')).toBe(false);
  });
  it('accepts --set style overrides and validates them', () => {
    const s = loadModel('Hymba-1.5B', ['attention.slidingWindow=2048', 'metaTokens=0']);
    expect(s.attention?.slidingWindow).toBe(2048);
    expect(paramCount(s)).toBe(1_522_797_824 - 204_800);
    expect(() => loadModel('Hymba-1.5B', ['hiddenSize=-1'])).toThrow(/hiddenSize/);
  });
  it('Phi-1.5 has an untied lm_head with bias', () => {
    const inv = inventory(loadModel('Phi-1.5'));
    expect(inv.find((t) => t.id === 'lm_head.weight')?.numel).toBe(104_857_600);
    expect(inv.find((t) => t.id === 'lm_head.bias')?.numel).toBe(51_200);
  });
  it('unknown names fail with the list and a did-you-mean', () => {
    expect(() => loadModel('hymba-1.5')).toThrow(/did you mean 'hymba-1.5b'.*available: .*llama-3.2-1b, /);
    expect(() => loadModel('gpt-5')).toThrow(/unknown model 'gpt-5'.*available:/);
  });
  it('a bad model file names file:line:col, key and what was found', async () => {
    const { parseYamlWith } = await import('../../src/workloads/config-load.js');
    const { modelShapeSchema } = await import('../../src/workloads/model-shape.js');
    const text = 'name: x\nhfId: y\nfamily: llama\nsource: s\nhiddenSize: -3\nnumLayers: 2\nvocabSize: 10\ntieWordEmbeddings: true\nnorm: {kind: rmsnorm, eps: 1e-5}\nbogus: 1\n';
    expect(() => parseYamlWith(text, 'm.yaml', modelShapeSchema)).toThrow(/m\.yaml:5:13: hiddenSize: .*found -3/);
    expect(() => parseYamlWith(text, 'm.yaml', modelShapeSchema)).toThrow(/unknown key\(s\) bogus/);
  });
});
