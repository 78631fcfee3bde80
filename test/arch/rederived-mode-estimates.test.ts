// An SoC device block that re-derives a QMC ReRAM mode (qmc-reram-2bit with bitsPerCell: 3) lists
// that mode's estimates (those of qmc-reram-3bit), not the original preset's.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { buildFromCatalogue } from '../../src/arch/device-factory.js';

const params = (b: { estimates: readonly { param: string }[] }): string[] => b.estimates.map((e) => e.param).sort();

describe('estimates of a re-derived ReRAM mode', () => {
  it('are those of the mode it became', () => {
    const rederived = buildFromCatalogue({ type: 'reram', preset: 'qmc-reram-2bit', bitsPerCell: 3 } as never, new Engine(), 'soc.reram', 1);
    const three = buildFromCatalogue({ type: 'reram', preset: 'qmc-reram-3bit' } as never, new Engine(), 'soc.reram', 1);
    const two = buildFromCatalogue({ type: 'reram', preset: 'qmc-reram-2bit' } as never, new Engine(), 'soc.reram', 1);
    expect(params(three)).not.toEqual(params(two));
    expect(params(rederived)).toEqual(params(three).filter((p) => p !== 'bitsPerCell'));
  });
});
