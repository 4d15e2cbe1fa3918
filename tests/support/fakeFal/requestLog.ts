import type { RecordedRequest, RequestFilter } from './types';

function matches(record: RecordedRequest, filter: RequestFilter): boolean {
  if (filter.route !== undefined && record.route !== filter.route) return false;
  if (filter.method !== undefined && record.method !== filter.method.toUpperCase()) return false;
  if (filter.requestId !== undefined && record.requestId !== filter.requestId) return false;
  if (filter.viaProxy !== undefined && record.viaProxy !== filter.viaProxy) return false;
  if (filter.imageKey !== undefined && record.imageSha256 !== filter.imageKey && record.uploadFileName !== filter.imageKey) {
    return false;
  }
  return true;
}

interface Waiter {
  readonly filter: RequestFilter;
  readonly resolve: (record: RecordedRequest) => void;
}

/** Every call the fake received, in arrival order, with queries for tests. */
export class RequestLog {
  private records: RecordedRequest[] = [];
  private waiters: Waiter[] = [];

  /** Appends a call the moment it arrives (before it is answered) and wakes matching waiters. */
  add(record: RecordedRequest): void {
    this.records.push(record);
  }

  /** Called once a record knows its route and subject, so waiters can match on them. */
  announce(record: RecordedRequest): void {
    const woken = this.waiters.filter((waiter) => matches(record, waiter.filter));
    this.waiters = this.waiters.filter((waiter) => !woken.includes(waiter));
    woken.forEach((waiter) => waiter.resolve(record));
  }

  all(filter: RequestFilter = {}): RecordedRequest[] {
    return this.records.filter((record) => matches(record, filter));
  }

  /** Resolves with the next matching call to arrive (not an earlier one); rejects after `timeoutMs`. */
  next(filter: RequestFilter, timeoutMs: number): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`fake fal: no ${JSON.stringify(filter)} request within ${timeoutMs} ms`));
      }, timeoutMs);
      const entry: Waiter = {
        filter,
        resolve: (record) => {
          clearTimeout(timer);
          resolve(record);
        },
      };
      this.waiters.push(entry);
    });
  }

  clear(): void {
    this.records = [];
  }
}
