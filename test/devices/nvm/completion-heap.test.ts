import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CompletionHeap } from '../../../src/devices/nvm/completion-heap.js';

describe('CompletionHeap', () => {
  it('pops in (time, insertion) order under interleaved pushes and pops, growing as needed', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
      const h = new CompletionHeap(4);
      const model: { t: number; id: number }[] = [];
      let id = 0;
      for (const op of ops) {
        if (op >= 0) {
          h.push(op, id, id % 3);
          model.push({ t: op, id });
          id++;
        } else if (model.length > 0) {
          model.sort((a, b) => a.t - b.t || a.id - b.id);
          const m = model.shift()!;
          expect([h.topTime, h.topReq, h.topChan]).toEqual([m.t, m.id, m.id % 3]);
          h.pop();
        }
      }
      expect(h.size).toBe(model.length);
      if (model.length === 0) expect(h.topTime).toBe(Infinity);
    }));
  });
});

describe('CompletionHeap with a one-bit equal-time cache (several buckets per time)', () => {
  it('still pops in (time, insertion) order', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(-1)), { maxLength: 400 }), (ops) => {
      const h = new CompletionHeap(4, 1);
      const model: { t: number; id: number }[] = [];
      let id = 0;
      for (const op of ops) {
        if (op >= 0) {
          h.push(op, id, id % 5);
          model.push({ t: op, id });
          id++;
        } else if (model.length > 0) {
          model.sort((a, b) => a.t - b.t || a.id - b.id);
          const m = model.shift()!;
          expect([h.topTime, h.topReq, h.topChan]).toEqual([m.t, m.id, m.id % 5]);
          h.pop();
        }
      }
      expect(h.size).toBe(model.length);
      if (model.length === 0) expect(h.topTime).toBe(Infinity);
    }), { numRuns: 300 });
  });
});
