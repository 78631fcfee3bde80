/**
 * The pending-event queue: a binary heap (tinyqueue) ordered totally by (time, priority, sequence).
 * Cancellation is lazy: a cancelled entry stays in the heap and is skipped when it reaches the top.
 */
import TinyQueue from 'tinyqueue';
import type { Ps } from '../units/quantity.js';

/**
 * One queue entry. Callers see it only through the EventHandle interface (when, label, isPending,
 * cancel), which it implements itself so scheduling allocates one object, not two.
 */
export class QueueEntry {
  cancelled = false;
  fired = false;
  constructor(
    readonly time: number,
    readonly priority: number,
    readonly seq: number,
    readonly action: () => void,
    readonly label: string,
    private readonly owner: EventQueue | null = null,
  ) {}
  get when(): Ps {
    return this.time as Ps;
  }
  get isPending(): boolean {
    return !this.cancelled && !this.fired;
  }
  /** Cancels the event (no-op once fired or cancelled). */
  cancel(): void {
    this.owner?.cancel(this);
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
