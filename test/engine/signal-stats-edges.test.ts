// Edges the broader engine tests leave open: a late onFire is still deferred, signal callbacks
// carry Response priority, the histogram's overflow bin and empty record, and rngFor's key layout.
import { describe, expect, it } from 'vitest';
import { Engine, Histogram, Priority, Signal, rngFor } from '../../src/engine/index.js';
import type { Ps } from '../../src/units/quantity.js';

describe('Signal callback scheduling', () => {
  it('onFire on an already fired signal runs as an event, not inside onFire()', () => {
    const e = new Engine();
    const s = new Signal<number>(e, 's');
    s.fire(3);
    e.run();
    const log: string[] = [];
    s.onFire((v) => log.push(`cb ${v}`));
    log.push('registered');
    expect(log).toEqual(['registered']);
    e.run();
    expect(log).toEqual(['registered', 'cb 3']);
  });

  it('callbacks fire at Response priority: after Default events at the same time, even ones scheduled later', () => {
    const e = new Engine();
    const s = new Signal(e, 's');
    const log: string[] = [];
    s.onFire(() => log.push('callback'));
    e.at(5 as Ps, () => {
      s.fire();
      e.after(0 as Ps, () => log.push('default'), { priority: Priority.Default });
      e.after(0 as Ps, () => log.push('stats'), { priority: Priority.Stats });
    });
    e.run();
    expect(log).toEqual(['default', 'callback', 'stats']);
  });
});

describe('Histogram edges', () => {
  it('values beyond the last bin are counted in the overflow bin', () => {
    const h = new Histogram('h', 'ps', 'h', 1, 10);
    h.add(1e6, 2);
    h.add(2);
    expect(h.bins.length).toBe(11);
    expect(h.bins[10]).toBe(2);
    expect(h.bins[2]).toBe(1);
    expect([...h.bins].reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('an empty histogram records zeros, not ±Infinity', () => {
    const h = new Histogram('h', 'ps', 'h', 1, 10);
    expect(h.record().value).toEqual({ count: 0, mean: 0, min: 0, max: 0, p50: 0, p90: 0, p99: 0 });
  });
});

describe('rngFor key', () => {
  it('seed and path are kept apart: (1, "2x") and (12, "x") are different streams', () => {
    const a = rngFor(1, '2x');
    const b = rngFor(12, 'x');
    expect([a.next(), a.next()]).not.toEqual([b.next(), b.next()]);
    expect(a.id).not.toBe(b.id);
  });
});
