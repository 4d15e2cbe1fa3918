/**
 * A FIFO of items worked on by at most `concurrency` async calls at once. Items wait as plain values (not started
 * promises), so queueing 10,000 files costs 10,000 small objects and no file handles. `work` must not throw:
 * whatever it rejects with goes to `onError`.
 */
export class WorkQueue<T> {
  private readonly waiting: T[] = [];
  private head = 0;
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly work: (item: T) => Promise<void>,
    private readonly onError: (error: unknown, item: T) => void,
  ) {}

  /** Items queued or being worked on. */
  get size(): number {
    return this.waiting.length - this.head + this.running;
  }

  /** Queues an item; it starts as soon as a slot is free. */
  push(item: T): void {
    this.waiting.push(item);
    this.pump();
  }

  /** Drops every item not yet started that matches; running ones finish. */
  discard(matches: (item: T) => boolean): void {
    const kept = this.waiting.slice(this.head).filter((item) => !matches(item));
    this.waiting.length = 0;
    this.waiting.push(...kept);
    this.head = 0;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.head < this.waiting.length) {
      const item = this.waiting[this.head] as T;
      this.head += 1;
      // Compact now and then so a long-lived queue does not keep every item it ever held.
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      this.running += 1;
      // Through a promise so a synchronous throw in `work` is caught like a rejection.
      void Promise.resolve(item)
        .then(this.work)
        .catch((error: unknown) => this.onError(error, item))
        .finally(() => {
          this.running -= 1;
          this.pump();
          if (this.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
        });
    }
  }
}
