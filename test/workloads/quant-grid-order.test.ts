// QMC's scale-search grid runs from `from` to `to` (0 < from < to): a reversed or one-point grid
// (from ≥ to) is refused at grid.from, in a quant YAML file and in a run's --set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadQuantConfig, quantConfig } from '../../src/workloads/quant/config.js';
import { loadRunConfig } from '../../src/arch/run-config.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-grid-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('qmc grid from < to', () => {
  it('from above to is refused at grid.from, with both values', () => {
    const f = join(dir, 'q.yaml');
    writeFileSync(f, 'scheme: qmc\ngrid: { from: 2 }\n');
    expect(() => loadQuantConfig(f)).toThrow(`${f}:2:15: grid.from: expected grid.from < grid.to (0 < from < to; to is 1), found 2`);
    expect(() => loadRunConfig('configs/runs/qmc-hymba.yaml', ['quant.grid.from=5', 'quant.grid.to=0.1']))
      .toThrow(/quant\.grid\.from: expected grid\.from < grid\.to \(0 < from < to; to is 0\.1\), found 5/);
  });
  it('from equal to to is refused', () => {
    expect(() => quantConfig({ scheme: 'qmc', grid: { from: 0.5, to: 0.5 } })).toThrow(/grid\.from < grid\.to/);
  });
  it('from below to (and the defaults) are accepted', () => {
    expect(quantConfig({ scheme: 'qmc', grid: { from: 0.1, to: 0.9 } })).toMatchObject({ grid: { from: 0.1, to: 0.9 } });
    expect(quantConfig({ scheme: 'qmc' })).toMatchObject({ grid: { from: 0.2, to: 1, steps: 81 } });
  });
});
