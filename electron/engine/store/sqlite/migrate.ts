import { SmartResizeError, describeError } from '../../../domain/errors';
import type { Migration } from '../migrations/migration';
import type { MigrationReport } from '../types';
import { allRows, run, withTransaction, type SqlDatabase } from './sqlite';

export type { MigrationReport };

/**
 * Brings the database up to the last of `migrations`, each pending one in its own transaction together with its
 * row in `schema_migrations`, so a failing step leaves the database at the previous version with nothing half
 * done. Throws a `database_error` naming the failing migration, or when the file was written by a newer app.
 */
export function runMigrations(db: SqlDatabase, migrations: readonly Migration[]): MigrationReport {
  assertWellFormed(migrations);
  run(
    db,
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version    INTEGER PRIMARY KEY,
       name       TEXT NOT NULL,
       applied_at INTEGER NOT NULL
     )`,
  );
  const done = new Set(allRows<{ version: number }>(db, 'SELECT version FROM schema_migrations').map((r) => r.version));
  const newest = Math.max(0, ...done);
  const known = migrations.at(-1)?.version ?? 0;
  if (newest > known) {
    throw new SmartResizeError(
      'database_error',
      `The job database is at schema version ${newest}, written by a newer Smart Resize than this one ` +
        `(knows up to ${known}). Update the app or choose another data folder.`,
    );
  }

  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    applyOne(db, migration);
    applied.push(migration.version);
  }
  return { applied, version: Math.max(newest, ...applied) };
}

function applyOne(db: SqlDatabase, migration: Migration): void {
  if (migration.foreignKeysOff) db.exec('PRAGMA foreign_keys = OFF');
  try {
    withTransaction({ db }, () => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      if (migration.foreignKeysOff) assertForeignKeysHold(db);
      run(db, 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :at)', {
        version: migration.version,
        name: migration.name,
        at: Date.now(),
      });
    });
  } catch (error) {
    throw new SmartResizeError(
      'database_error',
      `Migration ${migration.version} (${migration.name}) of the job database failed and was rolled back: ` +
        describeError(error),
      { cause: error },
    );
  } finally {
    if (migration.foreignKeysOff) db.exec('PRAGMA foreign_keys = ON');
  }
}

/** After a rebuild with foreign keys off: every reference must still resolve, or the step is rolled back. */
function assertForeignKeysHold(db: SqlDatabase): void {
  const broken = allRows<{ table: string }>(db, 'PRAGMA foreign_key_check');
  if (broken.length > 0) throw new Error(`${broken.length} rows point at rows that no longer exist (first in ${broken[0]!.table}).`);
}

/** Versions must be positive integers in strictly increasing order: a mistake here would skip or repeat a step. */
function assertWellFormed(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const { version, name } of migrations) {
    if (!Number.isInteger(version) || version <= previous) {
      throw new Error(`Migration ${version} (${name}) is out of order or not a positive integer after ${previous}.`);
    }
    previous = version;
  }
}
