import { SmartResizeError } from '../../domain/errors';
import type { JobStore } from './jobStore';
import { openPostgresStore } from './postgres/pgJobStore';
import { openJobStore } from './sqlite/sqliteJobStore';

/** Which job store an engine uses, and its knobs. */
export interface StoreChoice {
  /** The data folder (SQLite's jobs.sqlite lives there). */
  readonly dataDir: string;
  /**
   * Absent, empty or `sqlite`: the embedded SQLite store (one person). `postgres://...` or `postgresql://...`: the
   * team's PostgreSQL store (from `--store`, `SMART_RESIZE_STORE` or the `store` setting).
   */
  readonly store?: string;
  readonly now?: () => number;
  /** The instance name in a team (PostgreSQL); default `user@host`. */
  readonly instance?: string;
  /** How long a team claim holds without renewal (PostgreSQL). */
  readonly leaseMs?: number;
}

/** True when `store` names a PostgreSQL database. */
export function isPostgresUrl(store: string | undefined): boolean {
  return store !== undefined && /^postgres(ql)?:\/\//i.test(store.trim());
}

/** Opens the store `choice` names; an unknown value is a clear `invalid_settings` error, never a silent SQLite. */
export function openStore(choice: StoreChoice): JobStore {
  const store = choice.store?.trim();
  if (store !== undefined && isPostgresUrl(store)) {
    return openPostgresStore(store, { now: choice.now, instance: choice.instance, leaseMs: choice.leaseMs });
  }
  if (store === undefined || store === '' || store.toLowerCase() === 'sqlite') return openJobStore(choice.dataDir, { now: choice.now });
  throw new SmartResizeError('invalid_settings', `The job store "${store}" is neither "sqlite" nor a postgres:// URL.`);
}
