// Signals (one-shot, loud double fire) and generator processes (delays, waiting on signals).
import { describe, expect, it } from 'vitest';
import { Engine, Signal, SimError, startProcess } from '../../src/engine/index.js';
import type { Ps } from '../../src/units/quantity.js';

describe('Signal', () => {
  it('runs callbacks as events at the firing time, not inside fire()', () => {
    const e = new Engine();
    const s = new Signal<number>(e, 's');
    const log: string[] = [];
    s.onFire((v) => log.push(`cb ${v} @${e.now}`));
    e.at(4 as Ps, () => { s.fire(7); log.push('after fire'); });
    e.run();
    expect(log).toEqual(['after fire', 'cb 7 @4']);
    expect(s.state).toBe('fired');
    s.onFire((v) => log.push(`late ${v}`));
    e.run();
    expect(log.at(-1)).toBe('late 7');
  });

  it('throws on a second fire or fail', () => {
    const e = new Engine();
    const s = new Signal(e, 'once');
    s.fire();
    expect(() => s.fire()).toThrow(SimError);
    expect(() => s.fail(new Error('x'))).toThrow(/twice/);
  });

  it('an unhandled failure is loud; a handled one reaches the handler', () => {
    const e = new Engine();
    expect(() => new Signal(e, 'u').fail(new Error('boom'))).toThrow(/unhandled failure.*boom/);
    const s = new Signal(e, 'h');
    let got = '';
    s.onFail((er) => { got = er.message; });
    s.fail(new Error('handled'));
    e.run();
    expect(got).toBe('handled');
  });
});

describe('processes', () => {
  it('yield delays and signals; a process is a signal with its return value', () => {
    const e = new Engine();
    const go = new Signal<string>(e, 'go');
    const log: string[] = [];
    const p = startProcess(e, (function* () {
      log.push(`start @${e.now}`);
      yield 10 as Ps;
      log.push(`slept @${e.now}`);
      const v = (yield go) as string;
      log.push(`got ${v} @${e.now}`);
      return 42;
    })(), 'p');
    e.at(25 as Ps, () => go.fire('ok'));
    let result = 0;
    p.onFire((r) => { result = r; });
    e.run();
    expect(log).toEqual(['start @0', 'slept @10', 'got ok @25']);
    expect(result).toBe(42);
  });

  it('waiting on another process composes', () => {
    const e = new Engine();
    const child = startProcess(e, (function* () { yield 5 as Ps; return 'c'; })());
    const order: string[] = [];
    startProcess(e, (function* () { const v = yield child; order.push(`${String(v)} @${e.now}`); })());
    e.run();
    expect(order).toEqual(['c @5']);
  });

  it('an exception inside a process fails its signal', () => {
    const e = new Engine();
    const p = startProcess(e, (function* (): Generator<Ps, void, unknown> { yield 1 as Ps; throw new Error('inside'); })());
    let msg = '';
    p.onFail((er) => { msg = er.message; });
    e.run();
    expect(msg).toBe('inside');
  });
});
