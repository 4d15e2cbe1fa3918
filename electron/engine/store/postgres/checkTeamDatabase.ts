import pg from 'pg';
import { SmartResizeError, describeError } from '../../../domain/errors';
import { PG_JOB_DB_MIGRATIONS } from './migrations';
import { redactUrl } from './redactUrl';

/**
 * Connects to a team database to see that it can be used before it is saved as the store: it answers (within 5 s),
 * and its schema is not newer than this app's migrations. Nothing is written: the migrations run when the app
 * starts on it. Throws SmartResizeError('database_error') saying which.
 */
export async function checkTeamDatabase(url: string): Promise<void> {
  const shown = redactUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new SmartResizeError('database_error', `The team database ${shown} does not answer: ${describeError(error)}`, { cause: error });
  }
  try {
    const table = await client.query<{ found: string | null }>("SELECT to_regclass('schema_migrations')::text AS found");
    if (!table.rows[0]?.found) return;
    const newest = Number((await client.query<{ newest: string | null }>('SELECT max(version) AS newest FROM schema_migrations')).rows[0]?.newest ?? 0);
    const known = PG_JOB_DB_MIGRATIONS.at(-1)?.version ?? 0;
    if (newest > known) {
      throw new SmartResizeError('database_error', `The team database ${shown} is at schema version ${newest}, written by a newer Smart Resize than this one (knows up to ${known}). Update the app first.`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
