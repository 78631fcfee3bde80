// A 'bus:' block under a crossbar interconnect was silently ignored (each memory keeps its own
// link); it is now a located error, as a bus interconnect without one already was. A memory's own
// link is required under a crossbar and optional under a bus (before: required even there).
import { describe, expect, it } from 'vitest';
import { ConfigErrors } from '../../src/config/errors.js';
import { validateTree } from '../../src/config/load.js';
import { socSchema } from '../../src/arch/soc-schema.js';

const link = { transferRate: '1 GT/s', width: '8 B', latency: '1 ns', energyPerBit: '0 pJ/bit' };
const soc = (interconnect: Record<string, unknown>): unknown => ({
  name: 's', initiators: [{ id: 'gpu', type: 'gpu', window: 8 }], interconnect,
  memories: [{ id: 'm', device: { type: 'ideal' }, ...(interconnect.type === 'bus' ? {} : { link }) }], regions: [{ id: 'r', memory: 'm' }],
});
const withMemory = (interconnect: Record<string, unknown>, memory: Record<string, unknown>): unknown => ({
  ...(soc(interconnect) as Record<string, unknown>), memories: [{ id: 'm', device: { type: 'ideal' }, ...memory }],
});

function problems(data: unknown): string[] {
  try {
    validateTree(socSchema, { data, sources: new Map() }, 'soc.yaml');
  } catch (e) {
    if (e instanceof ConfigErrors) return e.problems.map((p) => `${p.path}: expected ${p.expected}, found ${p.found}`);
    throw e;
  }
  return [];
}

describe('interconnect.bus', () => {
  it('is refused under a crossbar, where it would be ignored', () => {
    expect(problems(soc({ type: 'crossbar', arbiter: 'round-robin', bus: link }))).toEqual([
      "interconnect.bus: expected no 'bus:' (interconnect.type is 'crossbar': every memory uses its own link; set type: bus to share one), found a bus: block, which would be ignored",
    ]);
  });
  it('is required by, and accepted with, type: bus', () => {
    expect(problems(soc({ type: 'bus', arbiter: 'round-robin', bus: link }))).toEqual([]);
    expect(problems(soc({ type: 'bus', arbiter: 'round-robin' }))).toEqual(["interconnect.bus: expected a shared link 'bus:' (interconnect.type is 'bus'), found none"]);
    expect(problems(soc({ type: 'crossbar', arbiter: 'round-robin' }))).toEqual([]);
  });
  it("a memory's link is required under a crossbar and optional under a bus (which replaces it)", () => {
    expect(problems(withMemory({ type: 'bus', arbiter: 'round-robin', bus: link }, { link }))).toEqual([]);
    expect(problems(withMemory({ type: 'bus', arbiter: 'round-robin', bus: link }, {}))).toEqual([]);
    expect(problems(withMemory({ type: 'crossbar', arbiter: 'round-robin' }, {}))).toEqual([
      "memories[0].link: expected a 'link:' { transferRate, width, latency, energyPerBit } (interconnect.type is 'crossbar': each memory has its own link), found none",
    ]);
  });
});
