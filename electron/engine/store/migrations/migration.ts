import type { SqlDatabase } from '../sqlite/sqlite';

/**
 * One numbered schema step. `up` is SQL (may hold several statements) or a function for steps that need code (data
 * rewrites). Migrations are never edited once shipped: a change is a new, higher number.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string | ((db: SqlDatabase) => void);
  /**
   * Runs with foreign keys off (a table rebuild: dropping the old table must not cascade), checked before commit.
   * SQLite ignores the pragma inside a transaction, so the runner sets it around the migration's transaction.
   */
  readonly foreignKeysOff?: boolean;
}
