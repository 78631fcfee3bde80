// QMC's read-error probabilities p₋ (one level low) and p₊ (one level high) are exclusive outcomes
// of one read: a sum above 1 is refused at the key, in a YAML file and in a run's --set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadQuantConfig, quantConfig } from '../../src/workloads/quant/config.js';
import { loadRunConfig } from '../../src/arch/run-config.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-quant-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('qmc pMinus + pPlus', () => {
  it('above 1 is refused at pPlus with both values', () => {
    const f = join(dir, 'q.yaml');
    writeFileSync(f, 'scheme: qmc\npMinus: 0.6\npPlus: 0.6\n');
    expect(() => loadQuantConfig(f)).toThrow(`${f}:3:8: pPlus: expected pMinus + pPlus ≤ 1 (exclusive outcomes of one read; pMinus is 0.6), found 0.6`);
    expect(() => loadRunConfig('configs/runs/qmc-hymba.yaml', ['quant.pPlus=0.9999'])).toThrow(/^--set quant\.pPlus=0\.9999: quant\.pPlus: expected pMinus \+ pPlus ≤ 1/);
  });
  it('at most 1 (and the defaults) are accepted', () => {
    expect(quantConfig({ scheme: 'qmc', pMinus: 0.5, pPlus: 0.5 }).scheme).toBe('qmc');
    expect(quantConfig({ scheme: 'qmc' })).toMatchObject({ pMinus: 1.910e-3, pPlus: 1.916e-3 });
  });
});
