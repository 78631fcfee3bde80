// Regression: a sweep constraint `config.soc.memories.0.device.readLatency < '5 ns'` compared the
// YAML strings as text, so the '10 ns' point passed ('1' < '5') and ran; and the axis-key form
// `config.soc.memories[0]...` was a syntax error ("unexpected character '['").
import { describe, expect, it } from 'vitest';
import { compileExpr, ExprError } from '../../src/sweep/expression.js';

const config = { soc: { memories: [{ device: { readLatency: '10 ns', capacity: '288 MiB' } }, { device: { channels: 2 } }] } };
const ev = (src: string): unknown => compileExpr(src).evaluate({ config });

describe('constraint expressions over quantities and list items', () => {
  it('orders quantity strings by value, in any unit of the dimension', () => {
    expect(ev("config.soc.memories.0.device.readLatency < '5 ns'")).toBe(false);
    expect(ev("config.soc.memories.0.device.readLatency > '9999 ps'")).toBe(true);
    expect(ev("config.soc.memories.0.device.readLatency == '10000 ps'")).toBe(true);
    expect(ev("config.soc.memories.0.device.capacity >= '0.25 GiB'")).toBe(true);
  });

  it('reads list items in the axis-key form [N]', () => {
    expect(ev("config.soc.memories[0].device.readLatency <= '10 ns'")).toBe(true);
    expect(ev('config.soc.memories[1].device.channels == 2')).toBe(true);
    expect(compileExpr('config.soc.memories[1].device.channels > 1').names).toEqual(['config.soc.memories[1].device.channels']);
  });

  it('refuses to order strings that are not quantities, or quantities of different dimensions', () => {
    expect(() => ev("'abc' < 'abd'")).toThrow(ExprError);
    expect(() => ev("'abc' < 'abd'")).toThrow(/cannot order the strings/);
    expect(() => ev("config.soc.memories[0].device.readLatency < '3 pJ'")).toThrow(/cannot compare "10 ns" with "3 pJ"/);
    expect(ev("'abc' == 'abc'")).toBe(true);
  });
});
