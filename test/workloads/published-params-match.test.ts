// Every built-in model's computed parameter count (the inventory the traces are built from) agrees
// with the count its model card publishes: a typo in a shape (hidden size, heads, layers, vocab,
// MLP width, tied head) moves the total by more than the headline figure's rounding.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelFile, MODELS_DIR } from '../../src/workloads/index.js';
import { paramCount } from '../../src/workloads/inventory.js';
import { publishedCount } from '../../src/workloads/model-shape.js';

/** Model cards whose headline count is further from the weights than rounding; each ratio checked here too. */
const HEADLINE: Record<string, { readonly ratio: number; readonly why: string }> = {
  'phi-1.5': { ratio: 1.0910, why: "model card '1.3 billion parameters'; the checkpoint holds 1.418B (untied 51200 × 2048 lm_head included)" },
  'phi-2': { ratio: 1.0295, why: "model card '2.7 billion parameters'; the checkpoint holds 2.780B" },
};

describe('built-in models: computed parameters match the published count', () => {
  const files = readdirSync(MODELS_DIR).filter((f) => f.endsWith('.yaml'));
  it('there are models to check', () => expect(files.length).toBeGreaterThanOrEqual(10));
  for (const f of files) {
    const name = f.replace(/\.yaml$/, '');
    it(name, () => {
      const shape = loadModelFile(`${MODELS_DIR}/${f}`);
      expect(shape.publishedParams, `${f} has no publishedParams`).toBeDefined();
      const ratio = paramCount(shape) / publishedCount(shape.publishedParams!)!;
      const known = HEADLINE[name];
      if (known !== undefined) expect(ratio, known.why).toBeCloseTo(known.ratio, 3);
      else expect(Math.abs(ratio - 1), `${name}: computed / published = ${ratio.toFixed(4)}`).toBeLessThanOrEqual(0.025);
    });
  }
});
