import { SmartResizeError, describeError } from '../../../domain/errors';
import type { MigrationReport } from '../types';
import type { PgMigration } from './migrations/pgMigration';
import { pgExec, pgRows, pgRun, type PgQueryable } from './pgSql';

/** Any number: every instance migrating the same database at once queues on this lock, so each step runs once. */
const MIGRATION_LOCK = 0x5352_6d67;

/**
 * Brings the database (the connection's schema) up to the last of `migrations`, all pending steps in one
 * transaction with their `schema_migrations` rows, under an advisory lock so several instances starting together
 * migrate once. Refuses a database a newer app wrote (`database_error`), as SQLite's runner does.
 */
export async function runPgMigrations(client: PgQueryable, migrations: readonly PgMigration[]): Promise<MigrationReport> {
  await pgExec(client, 'BEGIN');
  try {
    await pgRun(client, 'SELECT pg_advisory_xact_lock(:key)', { key: MIGRATION_LOCK });
    await pgRun(client, 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const done = new Set((await pgRows<{ version: number }>(client, 'SELECT version FROM schema_migrations')).map((r) => r.version));
    const newest = Math.max(0, ...done);
    const known = migrations.at(-1)?.version ?? 0;
    if (newest > known) {
      throw new SmartResizeError(
        'database_error',
        `The team database is at schema version ${newest}, written by a newer Smart Resize than this one (knows up to ${known}). Update the app.`,
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        // Several statements in one text: the simple query protocol (no parameters) runs them all.
        await pgExec(client, migration.up);
      } catch (error) {
        throw new SmartResizeError(
          'database_error',
          `Migration ${migration.version} (${migration.name}) of the team database failed and was rolled back: ${describeError(error)}`,
          { cause: error },
        );
      }
      await pgRun(client, 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :at)', {
        version: migration.version,
        name: migration.name,
        at: Date.now(),
      });
      applied.push(migration.version);
    }
    await pgExec(client, 'COMMIT');
    return { applied, version: Math.max(newest, ...applied) };
  } catch (error) {
    await pgExec(client, 'ROLLBACK').catch(() => undefined);
    throw error;
  }
}
