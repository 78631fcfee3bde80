// Regression: a sweep point whose axis swaps in a SoC without the memory, link value or budget a
// run-file estimate names (FP16 on the LPDDR5-only baseline, from the QMC run file) was listed as
// resting on that estimate (ReRAM arrays per bank, MRAM channels, E_net, the ReRAM bus rate, the
// power budget); only the points whose config holds the estimated value rest on it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateApplies } from '../../src/sweep/estimate-applies.js';
import { sweepEstimates } from '../../src/sweep/estimates.js';
import { expandSweep } from '../../src/sweep/points.js';
import { evaluator } from '../../src/sweep/run-config-evaluator.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { ROOT, tempDir } from './helpers.js';

const BASE = join(ROOT, 'configs', 'runs', 'qmc-hymba.yaml');
const RUN_FILE_ESTIMATES = [
  'soc.memories[*].link.energyPerBit (E_net)', 'soc.memories[mram].device.channels', 'soc.memories[reram].device.arraysPerBank',
  'soc.memories[reram].link.transferRate', 'soc.powerBudget.budget',
];

describe('run-file estimates are listed for the points that rest on them', () => {
  it('FP16 on the baseline SoC (axis) does not rest on the QMC design estimates; QMC does', async () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, `kind: sweep
name: est
base: ${BASE}
axes:
  - zip:
      quant: [{ scheme: fp16 }, { scheme: qmc, rho: 0.3, inlierBits: 3, outlierBits: 5 }]
      placement.policy: [all-lpddr5, qmc]
      soc: [../soc/orin-agx-baseline.yaml, ../soc/orin-agx-qmc.yaml]
      traffic.weights: [gpu, mwc]
`);
    const spec = loadSweepSpec(file);
    const { points } = await expandSweep(spec);
    expect(points.map((p) => p.index)).toEqual([0, 1]);
    const est = sweepEstimates(spec, evaluator, points.map((p) => ({ index: p.index, config: p.config })));
    const byParam = new Map(est.map((e) => [e.param, e.points]));
    for (const p of RUN_FILE_ESTIMATES) expect([p, byParam.get(p)]).toEqual([p, [1]]);
    expect(byParam.get('soc.memories[sram].device.queueDepth')).toEqual([0, 1]); // a preset both SoCs use
  }, 60_000);

  it('a value the point holds otherwise, or a path it lacks, is not the estimate; a preset-supplied one is', () => {
    const cfg = evaluator.resolve(BASE, [['soc.memories[1].link.transferRate', '3.3 GT/s']]);
    expect(estimateApplies('soc.memories[reram].link.transferRate', '6.6 GT/s (3.3 GHz DDR)', cfg)).toBe(false);
    expect(estimateApplies('soc.memories[mram].link.transferRate', '64 GT/s', cfg)).toBe(true);
    expect(estimateApplies('soc.memories[mram].device.channels', '6', cfg)).toBe(true); // from the qmc-mram preset
    expect(estimateApplies('soc.memories[flash].device.channels', '6', cfg)).toBe(false);
    expect(estimateApplies('soc.memories[reram].device.arraysPerBank', '156 arrays (2 channels × 6 banks × 13)', cfg)).toBe(true);
    expect(estimateApplies('soc.memories[*].link.energyPerBit (E_net)', '0.09 pJ/bit', cfg)).toBe(true);
    expect(estimateApplies('soc.memories[*].link.energyPerBit (E_net)', '0.2 pJ/bit', cfg)).toBe(false);
    expect(estimateApplies('a free-text note', 'x', cfg)).toBe(true);
    expect(estimateApplies('E_net', '0.09 pJ/bit', cfg)).toBe(true); // a name, not a config path: kept
  });
});
