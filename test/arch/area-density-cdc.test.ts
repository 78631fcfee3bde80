// Area metric and CDC energy. areaMm2ByMemory uses the device block's own `density:` when it
// writes one, else the memory's `density:`, else the device preset's (it used to read only the
// memory's, so a device override changed nothing and a memory without one had no area). The
// clock-domain-crossing power is charged only when the token's weights come from ≥ 2 memories (the
// merge the replay adds latency for); it used to be charged on every run of an SoC with a weight controller.
import { describe, expect, it } from 'vitest';
import { loadRunConfig, type RunConfig } from '../../src/arch/run-config.js';
import { runConfig } from '../../src/arch/run.js';
import { runMetricNames } from '../../src/sweep/run-config-evaluator.js';
import { isUserError } from '../../src/config/errors.js';

const MIB = 2 ** 20;
const run = (cfg: RunConfig): Record<string, number> => ({ ...runConfig(cfg, { seed: 1, layerReuse: true }).metrics });
const withoutMemoryDensity = (cfg: RunConfig, id: string): RunConfig => ({
  ...cfg,
  soc: { ...cfg.soc, memories: cfg.soc.memories.map((m) => (m.id === id ? (({ density: _d, ...rest }) => rest)(m) : m)) as RunConfig['soc']['memories'] },
});

describe('areaMm2ByMemory', () => {
  const base = run(loadRunConfig('configs/runs/qmc-hymba.yaml'));
  const bits = (m: Record<string, number>, id: string): number => m[`storedBitsByMemory.${id}`] as number;

  it('uses the device density of the shipped SoC (66 Mib/mm² MRAM, 30.1 Mib/mm² ReRAM)', () => {
    expect(base['areaMm2ByMemory.mram']).toBeCloseTo(bits(base, 'mram') / (66 * MIB), 9);
    expect(base['areaMm2ByMemory.reram']).toBeCloseTo(bits(base, 'reram') / (30.1 * MIB), 9);
  });

  it('follows a device-block density override', () => {
    const m = run(loadRunConfig('configs/runs/qmc-hymba.yaml', ['soc.memories[1].device.density=1 Mb/mm^2']));
    expect(m['areaMm2ByMemory.reram']).toBeCloseTo(bits(m, 'reram') / 1e6, 6);
    expect(m['areaMm2ByMemory.mram']).toBe(base['areaMm2ByMemory.mram']);
  });

  it("falls back to the device preset's density when the memory sets none", () => {
    const cfg = withoutMemoryDensity(loadRunConfig('configs/runs/qmc-hymba.yaml'), 'mram');
    const m = run(cfg);
    expect(m['areaMm2ByMemory.mram']).toBeCloseTo(bits(m, 'mram') / (66 * MIB), 9); // qmc-mram preset: 66 Mib/mm²
    // a sweep's up-front metric check knows the metric too
    expect(runMetricNames(cfg)).toContain('areaMm2ByMemory.mram');
  });

  it('a memory density without a device override still wins over the preset', () => {
    const m = run(loadRunConfig('configs/runs/qmc-hymba.yaml', ['soc.memories[0].density=10 Mb/mm^2']));
    expect(m['areaMm2ByMemory.mram']).toBeCloseTo(bits(m, 'mram') / 1e7, 6);
  });
});

describe('two densities for one memory', () => {
  it('a device-block density that disagrees with the memory density is a located load error', () => {
    let err: unknown;
    try {
      loadRunConfig('configs/runs/qmc-hymba.yaml', ['soc.memories[0].density=10 Mb/mm^2', 'soc.memories[0].device.density=60 Mib/mm^2']);
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/memories\[0\]\.device\.density: expected the memory's density \(10 Mb\/mm\^2\), or only one of the two keys .*found 62\.9146 Mb\/mm\^2/);
  });

  it('equal densities in both places are accepted', () => {
    expect(() => loadRunConfig('configs/runs/qmc-hymba.yaml', ['soc.memories[0].density=66 Mib/mm^2', 'soc.memories[0].device.density=66 Mib/mm^2'])).not.toThrow();
  });
});

describe('CDC energy', () => {
  it('is charged when weights come from MRAM and ReRAM (QMC)', () => {
    const m = run(loadRunConfig('configs/runs/qmc-hymba.yaml'));
    expect(m.energyCdcPj).toBeCloseTo(1.5e-3 * (m.latencyPerTokenPs as number), 3); // 1.5 mW × token time (W·ps = pJ)
  });
  it('is not charged when all weights come from one memory (eMEMs MRAM)', () => {
    const m = run(loadRunConfig('configs/runs/emems-mram-hymba.yaml'));
    expect(m.energyCdcPj).toBe(0);
    expect(m.energyInterconnectPj).toBe(Object.entries(m).filter(([k]) => k.startsWith('energyInterconnectPjByLink.')).reduce((a, [, v]) => a + v, 0));
  });
});
