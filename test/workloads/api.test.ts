import { readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as W from '../../src/workloads/index.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workloads public API', () => {
  it('loads every bundled quantizer YAML', () => {
    const files = readdirSync('configs/quant').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(W.loadQuantConfig(join('configs/quant', f)).scheme).toMatch(/^(fp16|bf16|int8|rtn|mxint4|qmc)$/);
    expect(W.loadQuantConfig('configs/quant/qmc.yaml')).toEqual(W.quantConfig({ scheme: 'qmc' }));
  });
  it('reports bad quantizer YAML with file:line:col', () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'scheme: qmc\nrho: 1.5\n');
    expect(() => W.loadQuantConfig(f)).toThrow(/bad\.yaml:2:6: rho: .*found 1\.5/);
    writeFileSync(f, 'scheme: qmx\n');
    expect(() => W.loadQuantConfig(f)).toThrow(/bad\.yaml:1:9: scheme: expected one of .*'qmc', found 'qmx'; did you mean 'qmc'\?/);
    expect(W.loadQuantConfig('configs/quant/qmc.yaml', ['rho=0.2', 'grid.steps=11'])).toMatchObject({ rho: 0.2, grid: { steps: 11 } });
  });
  it('describe() defaults agree with the schema defaults', () => {
    for (const d of W.workloadDescriptors) {
      const cfg = W.quantConfig({ scheme: d.type as W.QuantScheme }) as unknown as Record<string, unknown>;
      for (const p of d.params) {
        const v = p.name.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], cfg);
        expect([p.name, v]).toEqual([p.name, p.default]);
      }
    }
  });
  it('decodeWeightBytes equals the Hymba QMC inventory total minus the prefill-only meta tokens', () => {
    const s = W.loadModel('nvidia/Hymba-1.5B-Base');
    const q = W.quantizeInventory(W.inventory(s), W.quantConfig({ scheme: 'qmc' }));
    const meta = q.find((t) => t.tensor.role === 'meta_tokens')!;
    expect(W.decodeWeightBytes(s, q, 'paper')).toBe(W.totalBytes(q, 'paper') - meta.paperBytes);
    expect(W.bitsPerWeight(q, 'paper')).toBeCloseTo(3.6, 9);
  });
});
