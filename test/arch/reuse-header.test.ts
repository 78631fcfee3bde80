// The --layer-reuse header counts replay steps (every layer plus the embedding and the head), so
// it must not call them layers: SmolLM2-135M (30 layers) printed '… of 32 layers reused'.
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { tryRunConfig } from '../../src/arch/run.js';
import { formatRunReport } from '../../src/cli/commands/run.js';
import { loadModel } from '../../src/workloads/catalog.js';

describe('run header with layer reuse', () => {
  it('says steps, and the step count is layers + 2', () => {
    const cfg = loadRunConfig('configs/runs/int4-hymba.yaml', ['model=smollm2-135m']);
    const r = tryRunConfig(cfg, { seed: 1, layerReuse: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { reusedSteps, simulatedSteps } = r.report.layerReuse;
    expect(reusedSteps).toBeGreaterThan(0);
    expect(reusedSteps + simulatedSteps).toBe(loadModel('smollm2-135m').numLayers + 2);
    const head = formatRunReport(r.report)[0] ?? '';
    expect(head).toBe(`run int4-hymba: model smollm2-135m, quantizer rtn4-channel (seed 1, ${reusedSteps} of ${reusedSteps + simulatedSteps} steps reused; a step is a layer, the embedding or the head)`);
    expect(head).not.toMatch(/layers reused/);
  }, 60_000);
});
