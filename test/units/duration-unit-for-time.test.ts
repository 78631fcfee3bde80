// A time written in a duration unit ('1 day') was refused with a bare "(a duration)", which did not
// say why a day is no time; the message now gives the simulated-time limit and the units to use.
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/units/index.js';

describe('a duration unit where a time is expected', () => {
  it('says a simulated time is at most 2^53 ps and which units to write', () => {
    for (const t of ['1 day', '2 weeks', '1 year']) {
      const r = parseQuantity(t, 'time');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.found).toBe(`'${t}' (a duration unit: a simulated time is at most 2^53 ps ≈ 2.5 h; write it in s, ms, ns, ... or h)`);
    }
    const h = parseQuantity('2 h', 'time');
    expect(h.ok && h.value).toBe(7.2e15);
  });
});
