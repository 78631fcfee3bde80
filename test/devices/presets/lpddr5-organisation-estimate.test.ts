// qmc-lpddr5 / qmc-table1 use the same guessed Orin organisation (16 × x16, 16 Gb die per channel)
// as orin-lpddr5-6400 / orin-agx, but were not marked: the flag was read off the word 'estimate' in
// the source text. Every QMC run, study and sweep under-reported the estimates it rests on.
import { describe, expect, it } from 'vitest';
import { deviceCatalog } from '../../../src/devices/index.js';
import { lpddr5Descriptor } from '../../../src/devices/dram/lpddr5-params.js';

describe('LPDDR5 organisation estimate flags', () => {
  it.each([['qmc-lpddr5', true], ['orin-lpddr5-6400', true], ['lpddr5-6400-x16', false]])('%s lists organisation among its estimates: %s', (name, est) => {
    const e = deviceCatalog.find((d) => d.name === name);
    expect(e?.estimates.includes('organisation')).toBe(est);
  });
  it('describe marks qmc-table1 and orin-agx as estimates, LPDDR5_6400 not', () => {
    const p = lpddr5Descriptor.presets ?? {};
    expect([p['qmc-table1']?.estimate, p['orin-agx']?.estimate, p.LPDDR5_6400?.estimate]).toEqual([true, true, undefined]);
  });
});
