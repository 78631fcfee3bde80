/**
 * Discrete-event kernel (SimPy-sized). Knows nothing of memories. Time is integer picoseconds
 * (`Ps`), guarded against unsafe integers; events fire in total order (time, priority, seq).
 */
import type { Ps } from '../units/quantity.js';
import { EventQueue, QueueEntry, QueueHandle } from './event-queue.js';
import { Priority } from './priority.js';
import { SimError, TimeRangeError } from './errors.js';

export type Action = () => void;
const noop: Action = () => {};

/** What a caller holds after scheduling: enough to inspect or cancel, nothing more. */
export interface EventHandle {
  readonly when: Ps;
  readonly label: string;
  readonly isPending: boolean;
  cancel(): void;
}
export interface ScheduleOptions {
  readonly priority?: number;
  readonly label?: string;
}
export interface Scheduler {
  readonly now: Ps;
  after(delay: Ps, action: Action, options?: ScheduleOptions): EventHandle;
  at(when: Ps, action: Action, options?: ScheduleOptions): EventHandle;
}
export type RunEnd =
  | { readonly kind: 'drained' }
  | { readonly kind: 'timeLimit'; readonly at: Ps }
  | { readonly kind: 'eventLimit'; readonly events: number }
  | { readonly kind: 'stopped'; readonly reason: string };

export interface RunLimit {
  /** Fire events with time <= until, then stop with now = until. */
  readonly until?: Ps;
  /** Fire at most this many events in this call. */
  readonly maxEvents?: number;
}

export class Engine implements Scheduler {
  private readonly queue = new EventQueue();
  /** Fired entries of schedule() (no handle can see them), kept for reuse. */
  private readonly spare: QueueEntry[] = [];
  private seq = 0;
  private nowPs = 0;
  private stopReason: string | undefined;
  private processed = 0;

  get now(): Ps {
    return this.nowPs as Ps;
  }
  /** Events fired since construction. */
  get eventsProcessed(): number {
    return this.processed;
  }
  /** Live (uncancelled) pending events. */
  get pending(): number {
    return this.queue.size;
  }

  at(when: Ps, action: Action, options?: ScheduleOptions): EventHandle {
    const label = options?.label ?? '';
    return new QueueHandle(this.enqueue(when, action, options?.priority ?? Priority.Default, label), label, this.queue);
  }
  after(delay: Ps, action: Action, options?: ScheduleOptions): EventHandle {
    return this.at((this.nowPs + delay) as Ps, action, options);
  }
  /**
   * Hot-path scheduling without a handle object: for components that never cancel.
   * Same ordering guarantees as `at`.
   */
  schedule(when: number, action: Action, priority: number = Priority.Default): void {
    const free = this.spare;
    if (free.length === 0 || !Number.isSafeInteger(when) || when < this.nowPs) {
      this.enqueue(when, action, priority, '').recyclable = true;
      return;
    }
    // reuse a fired handle-less entry: no allocation per event on the hot path
    const e = free.pop()!;
    e.time = when;
    e.priority = priority;
    e.seq = this.seq++;
    e.action = action;
    e.fired = false;
    this.queue.push(e);
  }

  private enqueue(when: number, action: Action, priority: number, label: string): QueueEntry {
    if (!Number.isSafeInteger(when)) {
      throw new TimeRangeError(`event time ${when} ps is not a safe integer${label ? ` (${label})` : ''}`, this.nowPs);
    }
    if (when < this.nowPs) {
      throw new SimError(`cannot schedule in the past: ${when} ps < now ${this.nowPs} ps${label ? ` (${label})` : ''}`, this.nowPs);
    }
    const e = new QueueEntry(when, priority, this.seq++, action);
    this.queue.push(e);
    return e;
  }

  /** Requests the run loop to stop after the current event. */
  stop(reason: string): void {
    this.stopReason = reason;
  }

  /** Fires one event. Returns false when nothing is pending. */
  step(): boolean {
    const e = this.queue.pop();
    if (e === undefined) return false;
    this.nowPs = e.time;
    e.fired = true;
    this.processed++;
    e.action();
    this.recycle(e);
    return true;
  }

  /** Runs until drained, a time limit, an event-count limit, or stop(). */
  run(limit: RunLimit = {}): RunEnd {
    const until = limit.until;
    const maxEvents = limit.maxEvents ?? Infinity;
    if (until !== undefined && !Number.isSafeInteger(until)) throw new TimeRangeError(`run limit ${until} ps is not a safe integer`);
    this.stopReason = undefined;
    let fired = 0;
    const q = this.queue;
    for (;;) {
      if (this.stopReason !== undefined) return { kind: 'stopped', reason: this.stopReason };
      if (fired >= maxEvents) return { kind: 'eventLimit', events: fired };
      // without a time limit, pop directly (one heap operation per event instead of peek + pop)
      const top = until === undefined ? q.pop() : q.peek();
      if (top === undefined) {
        if (until !== undefined && until > this.nowPs) this.nowPs = until;
        return until !== undefined ? { kind: 'timeLimit', at: this.now } : { kind: 'drained' };
      }
      if (until !== undefined) {
        if (top.time > until) {
          this.nowPs = until;
          return { kind: 'timeLimit', at: until };
        }
        q.pop();
      }
      this.nowPs = top.time;
      top.fired = true;
      this.processed++;
      fired++;
      top.action();
      if (top.recyclable) this.recycle(top);
    }
  }

  private recycle(e: QueueEntry): void {
    if (!e.recyclable) return;
    e.action = noop;
    this.spare.push(e);
  }
}
