/**
 * One-shot Signal (SimPy's Event): pending → fired | failed. Callbacks run as scheduled events at
 * the firing time, so a waiter never runs inside the firer's stack. Firing twice is a bug and throws.
 */
import type { Engine } from './engine.js';
import { Priority } from './priority.js';
import { SimError } from './errors.js';

export type SignalState = 'pending' | 'fired' | 'failed';

export class Signal<T = void> {
  private st: SignalState = 'pending';
  private val: T | undefined;
  private err: Error | undefined;
  private callbacks: Array<(value: T) => void> = [];
  private errbacks: Array<(error: Error) => void> = [];

  constructor(private readonly engine: Engine, readonly label = '') {}

  get state(): SignalState {
    return this.st;
  }
  get value(): T | undefined {
    return this.val;
  }
  get error(): Error | undefined {
    return this.err;
  }

  /** Registers a callback; if already fired, it runs at the current time. */
  onFire(callback: (value: T) => void): void {
    if (this.st === 'fired') this.engine.after(0 as never, () => callback(this.val as T), { priority: Priority.Response });
    else if (this.st === 'pending') this.callbacks.push(callback);
  }
  onFail(errback: (error: Error) => void): void {
    if (this.st === 'failed') this.engine.after(0 as never, () => errback(this.err as Error));
    else if (this.st === 'pending') this.errbacks.push(errback);
  }

  fire(value: T): void {
    if (this.st !== 'pending') throw new SimError(`signal '${this.label}' fired twice`, this.engine.now);
    this.st = 'fired';
    this.val = value;
    const cbs = this.callbacks;
    this.callbacks = [];
    this.errbacks = [];
    for (const cb of cbs) this.engine.after(0 as never, () => cb(value), { priority: Priority.Response });
  }

  /** Fails the signal; with no failure handler, the run stops loudly. */
  fail(error: Error): void {
    if (this.st !== 'pending') throw new SimError(`signal '${this.label}' completed twice`, this.engine.now);
    this.st = 'failed';
    this.err = error;
    const ebs = this.errbacks;
    this.callbacks = [];
    this.errbacks = [];
    if (ebs.length === 0) throw new SimError(`unhandled failure of signal '${this.label}': ${error.message}`, this.engine.now);
    for (const eb of ebs) this.engine.after(0 as never, () => eb(error));
  }
}
