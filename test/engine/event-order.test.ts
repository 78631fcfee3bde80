// Event queue ordering properties: time order, (priority, insertion) tie-break, cancellation.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../../src/engine/index.js';
import type { Ps } from '../../src/units/quantity.js';

const evSpec = fc.record({ t: fc.integer({ min: 0, max: 50 }), prio: fc.integer({ min: 0, max: 3 }), cancel: fc.boolean() });

describe('event order', () => {
  it('fires in non-decreasing time; equal times by priority then insertion order; cancelled never fire', () => {
    fc.assert(fc.property(fc.array(evSpec, { maxLength: 200 }), fc.boolean(), (specs, useHandles) => {
      const e = new Engine();
      const fired: number[] = [];
      const handles = specs.map((s, i) => {
        if (!useHandles && !s.cancel) {
          e.schedule(s.t, () => fired.push(i), s.prio);
          return undefined;
        }
        return e.at(s.t as Ps, () => fired.push(i), { priority: s.prio });
      });
      specs.forEach((s, i) => { if (s.cancel) handles[i]?.cancel(); });
      expect(e.pending).toBe(specs.filter((s) => !s.cancel).length);
      e.run();
      const want = specs.map((s, i) => ({ ...s, i })).filter((s) => !s.cancel)
        .sort((a, b) => a.t - b.t || a.prio - b.prio || a.i - b.i).map((s) => s.i);
      expect(fired).toEqual(want);
      expect(e.pending).toBe(0);
    }), { numRuns: 300 });
  });

  it('events scheduled while running (including at now) keep the total order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 300 }), (steps) => {
      const e = new Engine();
      const times: number[] = [];
      let k = 0;
      const next = (): void => {
        times.push(e.now);
        const s = steps[k++];
        if (s === undefined) return;
        for (let j = 0; j <= s[1]; j++) e.after(s[0] as Ps, next);
      };
      e.at(0 as Ps, next);
      e.run({ maxEvents: 2000 });
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
    }), { numRuns: 200 });
  });

  it('schedule() entries reused after firing: every event fires exactly once, in time order, in run() and step() alike, beside live handles', () => {
    // each firing event schedules its successors with schedule() (reusing fired entries) and at()
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 200 }), fc.boolean(), (steps, stepwise) => {
      const e = new Engine();
      const fired: Array<[number, number, number]> = [];
      const handles: Array<{ isPending: boolean }> = [];
      let k = 0, id = 0;
      const make = (prio: number): (() => void) => {
        const me = id++;
        return () => {
          fired.push([e.now, prio, me]);
          const s = steps[k++];
          if (s === undefined) return;
          e.schedule(e.now + s[0], make(s[1]), s[1]);
          if (s[2]) handles.push(e.at((e.now + s[0]) as Ps, make(0), { priority: 0 }));
        };
      };
      e.schedule(0, make(1), 1);
      if (stepwise) while (e.step()) { /* one event per call */ }
      else e.run();
      for (let i = 1; i < fired.length; i++) {
        expect(fired[i]![0]).toBeGreaterThanOrEqual(fired[i - 1]![0]);
      }
      expect(new Set(fired.map((f) => f[2])).size).toBe(fired.length);
      expect(fired.length).toBe(id);
      for (const h of handles) expect(h.isPending).toBe(false);
    }), { numRuns: 200 });
  });

  it('a cancelled event never fires even if cancelled from another event at the same time', () => {
    const e = new Engine();
    const log: string[] = [];
    const h = e.at(10 as Ps, () => log.push('victim'), { priority: 5 });
    e.at(10 as Ps, () => { log.push('killer'); h.cancel(); }, { priority: 1 });
    e.run();
    expect(log).toEqual(['killer']);
    expect(h.isPending).toBe(false);
  });

  it('handle reports when, label and pending state', () => {
    const e = new Engine();
    const h = e.after(7 as Ps, () => {}, { label: 'x' });
    expect([h.when, h.label, h.isPending]).toEqual([7, 'x', true]);
    e.run();
    expect(h.isPending).toBe(false);
    h.cancel();
    expect(e.pending).toBe(0);
  });
});
