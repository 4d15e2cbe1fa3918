import type { JobStore, StoreEvent } from '../store';

/**
 * Forwards new rows of the store's event log to listeners. The log is the source of truth (it survives crashes and
 * is written in the same transaction as each state change), so the UI learns of changes by tailing it.
 */
export class StoredEventTail {
  private lastId: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: JobStore,
    private readonly emit: (event: StoreEvent) => void,
    private readonly intervalMs = 200,
  ) {
    this.lastId = store.events.lastEventId();
  }

  start(): void {
    this.timer = setInterval(() => this.flush(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Emits everything logged since the last call. */
  flush(): void {
    for (;;) {
      const events = this.store.events.eventsAfter(this.lastId, 500);
      for (const event of events) {
        this.lastId = event.id;
        this.emit(event);
      }
      if (events.length < 500) return;
    }
  }
}
