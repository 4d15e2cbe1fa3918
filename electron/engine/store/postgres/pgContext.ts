import type { StoreEvent } from '../types';
import type { PgQueryable } from './pgSql';

/**
 * What every PostgreSQL repository call shares: the connection of its unit of work (a transaction on one pool
 * client), the clock (tests pass a fake one), the unit's outbox (events pushed to listeners after its commit), and
 * this instance's name and lease, for claims. Unlike SQLite's single connection, units run side by side on several
 * clients, so each unit has its own context.
 */
export interface PgContext {
  readonly client: PgQueryable;
  /** Epoch milliseconds (job times; leases use the database's clock). */
  readonly now: () => number;
  readonly outbox: StoreEvent[];
  /** Who claims work: the instance name shown as "made by". */
  readonly instance: string;
  /** How long a claim holds without renewal, in milliseconds. */
  readonly leaseMs: number;
  /**
   * False until this instance has been connected for a whole lease: after a start or an outage, every holder gets
   * the time to renew its leases before anyone takes an expired one over (an outage lets every lease run out, though
   * their holders are alive and working).
   */
  readonly mayTakeOver: boolean;
  /** Runs `work` in a savepoint: a failure undoes its own writes and events and leaves the unit usable. */
  atomic<T>(work: () => Promise<T>): Promise<T>;
}
