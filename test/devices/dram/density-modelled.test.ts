// `density: 16 GB` (a 128 Gb die) was accepted and given the 32 Gb refresh timing (tRFCab 380 ns):
// LPDDR5 dies are 2–32 Gb, and the refresh table and the power-of-two address mapper cover the
// power-of-two densities. Anything else is refused at the key, naming what is covered.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/index.js';
import { createLpddr5, parseLpddr5Params } from '../../../src/devices/dram/index.js';

const build = (density: string) => createLpddr5(new Engine(), parseLpddr5Params({ preset: 'LPDDR5_6400', density }), 'dram');

describe('lpddr5 density', () => {
  it('builds every covered die density, with its refresh time', () => {
    const rfc: Record<string, number> = { '2 Gb': 130, '4 Gb': 180, '8 Gb': 210, '16 Gb': 280, '32 Gb': 380 };
    for (const [d, ns] of Object.entries(rfc)) {
      const dev = build(d);
      expect(dev.cfg.org.densityGbit).toBe(Number.parseInt(d, 10));
      expect(dev.cfg.timings.tRFCab).toBe(ns * 1000);
    }
    expect(build('2 GiB').cfg.org.densityGbit).toBe(16); // 2 GiB = 16 Gb binary
  });

  it('refuses a density no LPDDR5 die has, or one the model does not cover', () => {
    for (const [d, found] of [['16 GB', '128 Gb'], ['64 Gb', '64 Gb'], ['1 Gb', '1 Gb'], ['12 Gb', '12 Gb'], ['1000 B', '1000 B']] as const) {
      expect(() => build(d), d).toThrow(`lpddr5 density: expected an LPDDR5 die density this model covers (2 Gb, 4 Gb, 8 Gb, 16 Gb, 32 Gb), found ${found}`);
    }
  });
});
