/**
 * The pending-event queue: a binary heap (tinyqueue) ordered totally by (time, priority, sequence).
 * Cancellation is lazy: a cancelled entry stays in the heap and is skipped when it reaches the top.
 */
import TinyQueue from 'tinyqueue';
import type { Ps } from '../units/quantity.js';

/**
 * One queue entry: only what ordering and firing need, so that the heap's objects stay small (a
 * 100k-event heap is cache-bound). Cancellable events get an EventHandle of their own (QueueHandle).
 */
export class QueueEntry {
  cancelled = false;
  fired = false;
  /** True for entries no handle refers to (Engine.schedule): the engine reuses them once fired. */
  recyclable = false;
  constructor(
    public time: number,
    public priority: number,
    public seq: number,
    public action: () => void,
  ) {}
}

/** What `Engine.at` / `after` return: inspect or cancel one scheduled event. */
export class QueueHandle {
  constructor(
    private readonly entry: QueueEntry,
    readonly label: string,
    private readonly owner: EventQueue,
  ) {}
  get when(): Ps {
    return this.entry.time as Ps;
  }
  get isPending(): boolean {
    return !this.entry.cancelled && !this.entry.fired;
  }
  /** Cancels the event (no-op once fired or cancelled). */
  cancel(): void {
    this.owner.cancel(this.entry);
  }
}

function compare(a: QueueEntry, b: QueueEntry): number {
  return a.time - b.time || a.priority - b.priority || a.seq - b.seq;
}

export class EventQueue {
  private readonly heap = new TinyQueue<QueueEntry>([], compare);
  private live = 0;

  get size(): number {
    return this.live;
  }
  push(e: QueueEntry): void {
    this.heap.push(e);
    this.live++;
  }
  /** Marks an entry cancelled; it will never fire. */
  cancel(e: QueueEntry): void {
    if (!e.cancelled && !e.fired) {
      e.cancelled = true;
      this.live--;
    }
  }
  /** Next live entry without removing it, or undefined. */
  peek(): QueueEntry | undefined {
    let top = this.heap.peek();
    while (top !== undefined && top.cancelled) {
      this.heap.pop();
      top = this.heap.peek();
    }
    return top;
  }
  /** Removes and returns the next live entry, or undefined. */
  pop(): QueueEntry | undefined {
    let top = this.heap.pop();
    while (top !== undefined && top.cancelled) top = this.heap.pop();
    if (top !== undefined) this.live--;
    return top;
  }
}
