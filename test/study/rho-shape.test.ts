// The ρ sweep (Fig. 3) was printed but never compared with the paper: nothing said whether the
// replayed sweep is U-shaped with its minimum at ρ = 0.3 or where it turns MRAM-bound. The ρ table
// now ends with a note reading the shape off the replayed points, next to the paper's statement.
import { describe, expect, it } from 'vitest';
import type { ReproduceResult, RhoPoint } from '../../src/study/reproduce.js';
import { rhoShape, rhoShapeNote, rhoTable } from '../../src/study/reproduce-tables.js';

const pt = (rho: number, latencyMs: number, bottleneck: string, energyMj = 7.8): RhoPoint => ({
  rho, latencyPs: latencyMs * 1e9, mramTimePs: 0, reramTimePs: 0, bottleneck, energyPj: energyMj * 1e9, cells: 1, latencyVsFp16: 1,
});
// The shape of the Hymba-1.5B replay (latency ms, bottleneck, energy mJ per ρ).
const U = [pt(0.1, 1.703, 'reram', 7.649), pt(0.2, 1.514, 'reram', 7.724), pt(0.3, 1.325, 'reram', 7.8), pt(0.4, 1.636, 'mram', 7.877), pt(0.5, 2.039, 'mram', 7.953)];

describe('ρ sweep shape (Fig. 3)', () => {
  it('reads minimum, U shape, MRAM-bound crossover and energy spread off the points', () => {
    const s = rhoShape(U);
    expect(s).toMatchObject({ minRho: 0.3, uShaped: true, mramBoundFrom: 0.4 });
    expect(s.energySpread).toBeCloseTo(7.953 / 7.649 - 1, 12);
  });
  it('a monotone sweep is not U-shaped; a sweep that never turns MRAM-bound says so', () => {
    const mono = U.map((p, i) => ({ ...p, latencyPs: (5 - i) * 1e9, bottleneck: 'reram' }));
    expect(rhoShape(mono)).toMatchObject({ minRho: 0.5, uShaped: false, mramBoundFrom: null });
    expect(rhoShapeNote(mono)).toContain('not U-shaped, minimum at ρ = 0.5, MRAM-bound from ρ = (never)');
    // MRAM-bound in the middle but not at the end: no crossover 'from' that ρ on
    const mid = U.map((p) => ({ ...p, bottleneck: p.rho === 0.4 ? 'mram' : 'reram' }));
    expect(rhoShape(mid).mramBoundFrom).toBeNull();
  });
  it('the ρ table of the paper model ends with the comparison; another model has no paper to compare with', () => {
    const r = { model: 'hymba-1.5b', paperModel: true, rho: U } as unknown as ReproduceResult;
    const notes = rhoTable(r).notes ?? [];
    expect(notes.at(-1)).toBe('Fig. 3 (paper): latency U-shaped with its minimum at ρ = 0.3, energy nearly flat; simulated: U-shaped, minimum at ρ = 0.3, MRAM-bound from ρ = 0.4, energy spread 4.0 % (the MRAM channel count was fitted to the MRAM-bound crossover, see the design values)');
    expect((rhoTable({ ...r, paperModel: false }).notes ?? []).join('\n')).not.toContain('Fig. 3 (paper)');
  });
});
