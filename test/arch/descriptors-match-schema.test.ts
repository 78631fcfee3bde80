// `qmcsim describe Initiator|Link TYPE` must say what the SoC schema accepts: a top-level key it
// prints as '(required)' is refused when left out; one printed with a default or '(optional)' is
// accepted when left out, and every key it lists is a key the schema knows.
import { describe, expect, it } from 'vitest';
import { archDescriptors } from '../../src/arch/descriptors.js';
import { socSchema } from '../../src/arch/soc-schema.js';

const initiator = { id: 'gpu', type: 'gpu', window: 64, priority: 0, weight: 1, sms: 16, source: 's',
  compute: { units: 1, clock: '1 GHz', fp16OpsPerUnitCycle: 1, int8OpsPerUnitCycle: 1, efficiency: 1 } };
const link = { transferRate: '1 GT/s', width: '8 B', latency: '1 ns', energyPerBit: '0 pJ/bit', buffer: '64 KiB' };
const soc = (ini: Record<string, unknown>, lnk: Record<string, unknown>): unknown => ({
  name: 's', initiators: [ini], interconnect: { type: 'crossbar', arbiter: 'round-robin' },
  memories: [{ id: 'm', device: { type: 'ideal' }, link: lnk }], regions: [{ id: 'r', memory: 'm' }],
});
const without = (o: Record<string, unknown>, k: string): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([x]) => x !== k));
const required = (p: { default?: unknown; required?: boolean }): boolean => p.default === undefined && p.required !== false;

describe('SoC descriptors match the SoC schema', () => {
  it('the full initiator and link parse', () => {
    expect(socSchema.safeParse(soc(initiator, link)).success).toBe(true);
  });
  for (const d of archDescriptors.filter((x) => x.interface === 'Initiator' || x.interface === 'Link')) {
    for (const p of d.params.filter((x) => !x.name.includes('.'))) {
      it(`${d.interface} ${d.type}: '${p.name}' is ${required(p) ? 'required' : 'optional'} as describe says`, () => {
        const [ini, lnk] = d.interface === 'Initiator' ? [without(initiator, p.name), link] : [initiator, without(link, p.name)];
        expect(p.name in (d.interface === 'Initiator' ? initiator : link)).toBe(true);
        expect(socSchema.safeParse(soc(ini, lnk)).success).toBe(!required(p));
      });
    }
  }
});
