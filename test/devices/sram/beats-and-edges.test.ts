// Mutation audit (SRAM): an unaligned request is counted in the words it touches (8 B at offset 4 of
// 8 B words is two beats), and a request offered between clock edges starts on the next edge.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { Sram } from '../../../src/devices/sram/sram.js';
import { sramSchema } from '../../../src/devices/sram/sram-plugin.js';
import { nvmexplorerSram2mb } from '../../../src/devices/presets/sram.js';
import { resolvePreset } from '../../../src/devices/presets/param-spec.js';

function make() {
  const e = new Engine();
  const p = resolvePreset(nvmexplorerSram2mb, sramSchema, {});
  const d = new Sram(p, { engine: e, path: 'sram' });
  const done = new Map<number, number>();
  d.setCompletion((id, t) => done.set(id, t));
  return { e, d, p, done };
}

describe('SRAM beats and clock edges', () => {
  it('8 B at offset 4 of 8 B words reads two words (two beats)', () => {
    const { e, d, p } = make();
    expect(p.width).toBe(8);
    d.offer(1, 4, 8, false, 0);
    e.run();
    expect(d.counts().actions.readBeats).toBe(2);
  });

  it('a read offered half a cycle after an edge starts on the next edge', () => {
    const { e, d, done } = make();
    expect(d.cyclePs).toBe(1000);
    e.schedule(500, () => { d.offer(1, 0, 8, false, 0); });
    e.run();
    expect(done.get(1)).toBe(1000 + 4 * 1000);
  });
});
