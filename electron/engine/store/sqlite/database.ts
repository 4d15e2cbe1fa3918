import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import { SmartResizeError, describeError } from '../../../domain/errors';
import { runMigrations, type MigrationReport } from './migrate';
import { JOB_DB_MIGRATIONS } from '../migrations';
import type { Migration } from '../migrations/migration';
import type { SqlDatabase } from './sqlite';

/** File name of the job database inside the data folder. */
export const JOB_DB_FILE = 'jobs.sqlite';

/** Options of {@link openDatabase}; the defaults are what the app uses. */
export interface OpenDatabaseOptions {
  /** How long a write waits for another process holding the lock (the desktop app and a CLI on one folder). */
  readonly busyTimeoutMs?: number;
  /** The schema steps to apply; tests pass their own lists. */
  readonly migrations?: readonly Migration[];
}

/** An open, migrated job database. */
export interface OpenedDatabase {
  readonly db: SqlDatabase;
  readonly path: string;
  readonly migrations: MigrationReport;
}

/**
 * Opens (creating the folder and file if missing) `<dataDir>/jobs.sqlite` and migrates it. WAL lets the UI read
 * while a worker writes; synchronous=FULL makes every commit survive power loss, which the "request id persisted
 * before anything else" rule relies on. Throws `database_error` with the reason when the file cannot be used.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, JOB_DB_FILE);
  let db: SqlDatabase | undefined;
  try {
    db = new Database(path, { timeout: busyTimeoutMs });
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    db?.close();
    throw new SmartResizeError('database_error', `Cannot open the job database ${path}: ${describeError(error)}`, {
      cause: error,
    });
  }
  try {
    const migrations = runMigrations(db, options.migrations ?? JOB_DB_MIGRATIONS);
    return { db, path, migrations };
  } catch (error) {
    db.close();
    throw error;
  }
}
