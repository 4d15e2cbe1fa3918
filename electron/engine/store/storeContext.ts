import type { SqlDatabase } from './sqlite';

/** What every repository shares: the connection and the clock (tests pass a fake one). */
export interface StoreContext {
  readonly db: SqlDatabase;
  /** Epoch milliseconds. */
  readonly now: () => number;
}
