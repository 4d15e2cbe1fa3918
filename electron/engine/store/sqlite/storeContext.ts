import type { SqlDatabase } from './sqlite';
import type { StoreEvent } from '../types';

/**
 * What every SQLite repository shares: the connection, the clock (tests pass a fake one) and the outbox of the unit
 * of work that holds the connection now: the events appended since it began, pushed to listeners after its commit.
 * Only one unit holds the connection at a time (see ConnectionLock), so one outbox field is enough.
 */
export interface StoreContext {
  readonly db: SqlDatabase;
  /** Epoch milliseconds. */
  readonly now: () => number;
  outbox: StoreEvent[];
}
