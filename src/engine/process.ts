/**
 * Generator processes for scripted behaviour (SimPy-style, synchronous, no async/await).
 * A process yields either a delay in ps (a number) or a Signal to wait for; the value of a
 * fired signal is sent back into the generator. A process is itself a Signal that fires with the
 * generator's return value.
 */
import type { Engine } from './engine.js';
import { Signal } from './signal.js';
import type { Ps } from '../units/quantity.js';

/** What a process can wait on: any Signal, whatever its value type (structural, so Signal<T> fits). */
export interface Awaitable {
  onFire(callback: (value: unknown) => void): void;
}
export type ProcessYield = Ps | Awaitable;
export type ProcessBody<R> = Generator<ProcessYield, R, unknown>;

export function startProcess<R>(engine: Engine, body: ProcessBody<R>, label = 'process'): Signal<R> {
  const done = new Signal<R>(engine, label);
  const resume = (sent: unknown): void => {
    let r: IteratorResult<ProcessYield, R>;
    try {
      r = body.next(sent);
    } catch (e) {
      done.fail(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if (r.done) {
      done.fire(r.value);
      return;
    }
    const y = r.value;
    if (typeof y === 'number') engine.after(y, () => resume(undefined), { label });
    else y.onFire((v) => resume(v));
  };
  engine.after(0 as Ps, () => resume(undefined), { label });
  return done;
}
