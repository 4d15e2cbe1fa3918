import { SmartResizeError } from '../../../domain/errors';
import type { JobStore, StoreRepositories, StoreTransaction } from '../jobStore';
import type { StoreEventListener } from '../storeEvents';
import type { MigrationReport, StoreEvent } from '../types';
import { ConnectionLock } from './connectionLock';
import { openDatabase, type OpenDatabaseOptions } from './database';
import type { StoreContext } from './storeContext';
import { asyncRepositories, syncRepositories, type SyncRepositories } from './syncRepositories';
import { openTransaction } from './sqliteTransaction';

/** Options of {@link openJobStore}. */
export interface JobStoreOptions extends OpenDatabaseOptions {
  /** Clock in epoch milliseconds; tests pass a fake one. */
  readonly now?: () => number;
}

/**
 * Opens `<dataDir>/jobs.sqlite` (created and migrated as needed; a `database_error` when it cannot be used) and
 * returns the store. One engine per data folder: call `queue.recoverInterruptedJobs()` once after opening, before
 * the scheduler claims work.
 */
export function openJobStore(dataDir: string, options: JobStoreOptions = {}): JobStore {
  const { db, path, migrations } = openDatabase(dataDir, options);
  return new SqliteJobStore({ db, now: options.now ?? Date.now, outbox: [] }, path, migrations);
}

/**
 * The SQLite job store: one libsql connection (synchronous underneath), every unit of work run alone on it under a
 * ConnectionLock, and the events each unit appended pushed to subscribers right after its commit, in commit order,
 * before the caller's Promise settles.
 */
class SqliteJobStore implements JobStore {
  readonly jobs: StoreRepositories['jobs'];
  readonly requests: StoreRepositories['requests'];
  readonly submits: StoreRepositories['submits'];
  readonly outputs: StoreRepositories['outputs'];
  readonly versions: StoreRepositories['versions'];
  readonly variants: StoreRepositories['variants'];
  readonly queue: StoreRepositories['queue'];
  readonly history: StoreRepositories['history'];
  readonly events: StoreRepositories['events'];
  readonly seenFiles: StoreRepositories['seenFiles'];
  readonly marks: StoreRepositories['marks'];
  readonly ledger: StoreRepositories['ledger'];
  readonly reservations: StoreRepositories['reservations'];
  readonly presets: StoreRepositories['presets'];
  readonly bursts: StoreRepositories['bursts'];
  readonly reviews: StoreRepositories['reviews'];
  readonly names: StoreRepositories['names'];
  private readonly sync: SyncRepositories;
  private readonly lock = new ConnectionLock();
  private readonly listeners = new Set<StoreEventListener>();
  private closed = false;

  constructor(
    private readonly ctx: StoreContext,
    readonly path: string,
    readonly migrations: MigrationReport,
  ) {
    this.sync = syncRepositories(ctx);
    const repositories = asyncRepositories(this.sync, (call) => this.unit(call));
    this.jobs = repositories.jobs;
    this.requests = repositories.requests;
    this.submits = repositories.submits;
    this.outputs = repositories.outputs;
    this.versions = repositories.versions;
    this.variants = repositories.variants;
    this.queue = repositories.queue;
    this.history = repositories.history;
    this.events = repositories.events;
    this.seenFiles = repositories.seenFiles;
    this.marks = repositories.marks;
    this.ledger = repositories.ledger;
    this.reservations = repositories.reservations;
    this.presets = repositories.presets;
    this.bursts = repositories.bursts;
    this.reviews = repositories.reviews;
    this.names = repositories.names;
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    await this.lock.acquire();
    const { db } = this.ctx;
    const handle = openTransaction(this.sync, this.ctx);
    try {
      this.assertOpen();
      this.ctx.outbox = [];
      db.exec('BEGIN IMMEDIATE');
      const result = await work(handle.tx);
      db.exec('COMMIT');
      handle.close();
      this.finish();
      return result;
    } catch (error) {
      handle.close();
      // SQLite may already have rolled back on its own (disk full, I/O error); a second ROLLBACK would hide the cause.
      if (!this.closed && db.inTransaction) db.exec('ROLLBACK');
      this.ctx.outbox = [];
      this.lock.release();
      throw error;
    }
  }

  subscribe(listener: StoreEventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.lock.acquire();
    if (!this.closed) {
      this.closed = true;
      this.ctx.db.close();
    }
    this.lock.release();
  }

  /** One repository call as its own unit of work: at once when the connection is free, else in turn. */
  private unit<R>(call: () => R): Promise<R> {
    if (this.lock.tryAcquire()) return this.runUnit(call);
    return this.lock.acquire().then(() => this.runUnit(call));
  }

  private runUnit<R>(call: () => R): Promise<R> {
    let result: R;
    try {
      this.assertOpen();
      this.ctx.outbox = [];
      // Each method commits its own writes (its statements, or its own BEGIN IMMEDIATE ... COMMIT).
      result = call();
    } catch (error) {
      this.ctx.outbox = [];
      this.lock.release();
      return Promise.reject(error);
    }
    this.finish();
    return Promise.resolve(result);
  }

  /** After a commit: frees the connection, then pushes the unit's events (listeners may call the store again). */
  private finish(): void {
    const events = this.ctx.outbox;
    this.ctx.outbox = [];
    this.lock.release();
    if (events.length > 0) this.publish(events);
  }

  private publish(events: readonly StoreEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          // The change is committed whatever a listener does: its bug must not look like a failed write.
          console.error(`A store event listener failed on ${event.kind}:`, error);
        }
      }
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new SmartResizeError('database_error', `The job database ${this.path} is closed.`);
  }
}
