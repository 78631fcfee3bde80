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

describe('timing overrides no device can have', () => {
  const build = (timing: Record<string, string>): unknown => createLpddr5(new Engine(), parseLpddr5Params({ preset: 'orin-agx', timing }), 'dram');
  it('a zero clock, burst, latency, row-cycle or refresh timing is refused, naming the key (tBL 0 made the peak bandwidth infinite)', () => {
    for (const k of ['tCK', 'tBL', 'RL', 'tRCD', 'tRAS', 'tRC', 'tRFCab', 'tREFI']) {
      expect(() => build({ [k]: '0 ns' })).toThrow(new RegExp(`timing ${k} must be greater than 0 ns`));
    }
    expect(() => build({ tRRD_S: '0 ns' })).not.toThrow(); // not every gap must be positive
  });
  it('tRC ≥ tRAS + tRPpb (JESD209-5 tRC = tRAS + tRPpb), tREFI > tRFCab, tREFIpb > tRFCpb; the defaults meet them exactly or with room', () => {
    expect(() => build({ tRAS: '100 ns' })).toThrow('timing tRC (61.25 ns) must be at least tRAS + tRPpb (100 ns + 18.75 ns = 118.75 ns');
    expect(() => build({ tRC: '61.25 ns' })).not.toThrow();
    expect(() => build({ tRC: '60 ns' })).toThrow(/tRC \(60 ns\) must be at least/);
    expect(() => build({ tRFCab: '4 us' })).toThrow('timing tREFI (3906.25 ns) must be longer than tRFCab (4000 ns)');
    expect(() => build({ tRFCpb: '500 ns' })).toThrow('timing tREFIpb (488 ns) must be longer than tRFCpb (500 ns)');
  });
});
