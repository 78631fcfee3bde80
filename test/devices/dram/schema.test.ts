/** The zod schema turns YAML-level strings into canonical params the factory accepts. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/index.js';
import { createLpddr5, parseLpddr5Params } from '../../../src/devices/dram/index.js';

describe('lpddr5ParamsSchema', () => {
  it('parses units and builds a device', () => {
    const p = parseLpddr5Params({ preset: 'LPDDR5_6400', density: '8 Gb', timing: { tRCD: '20 ns' }, writeHighWatermark: '90 %' });
    expect(p.density).toBe(1e9); // the unit parser is decimal; the device reads it as the JEDEC 8 Gb die
    expect(p.timing?.tRCD).toBe(20_000);
    const d = createLpddr5(new Engine(), p, 'dram');
    expect(d.cfg.timings.tRCD).toBe(20_000);
    expect(d.cfg.org.rows).toBe(32768);
    expect(d.capacityBytes).toBe(2 ** 30);
  });
  it('rejects unknown keys and unitless times', () => {
    expect(() => parseLpddr5Params({ tRCD: '20 ns' })).toThrow();
    expect(() => parseLpddr5Params({ timing: { tRCD: 20 } })).toThrow(/time/);
  });
});
