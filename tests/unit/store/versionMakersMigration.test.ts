import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { JOB_DB_MIGRATIONS } from '../../../electron/engine/store/migrations';
import { PG_JOB_DB_MIGRATIONS } from '../../../electron/engine/store/postgres/migrations';
import { runPgMigrations } from '../../../electron/engine/store/postgres/pgMigrate';
import { openDatabase } from '../../../electron/engine/store/sqlite/database';
import { allRows, run } from '../../../electron/engine/store/sqlite/sqlite';
import { freshDatabase } from '../../support/postgres/freshDatabase';
import { TEST_STORE_KIND } from './storeFixture';
import { tempDirs } from './tempDir';

// Migration 13 on both stores: versions kept before it get their maker (a nudge or a local layout: local; else fal,
// with the tier its output records), and the widened causes are accepted while anything else is still refused.

const dirs = tempDirs();
const clients: pg.Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.end();
  dirs.cleanup();
});

/** Rows of a store at schema 12, then the rest of the migrations; answers a runner of SQL on the migrated store. */
async function migratedFrom12(rows: readonly string[]): Promise<{ query: <T>(sql: string) => Promise<T[]>; exec: (sql: string) => Promise<unknown>; done: () => void }> {
  if (TEST_STORE_KIND === 'sqlite') {
    const dataDir = dirs.make();
    const before = openDatabase(dataDir, { migrations: JOB_DB_MIGRATIONS.filter((migration) => migration.version < 13) });
    for (const sql of rows) run(before.db, sql);
    before.db.close();
    const after = openDatabase(dataDir);
    expect(after.migrations.applied).toEqual(JOB_DB_MIGRATIONS.filter((migration) => migration.version >= 13).map((migration) => migration.version));
    return { query: async <T,>(sql: string) => allRows<T>(after.db, sql), exec: async (sql) => run(after.db, sql), done: () => after.db.close() };
  }
  const client = new pg.Client({ connectionString: await freshDatabase(inject('pgUrl')) });
  await client.connect();
  clients.push(client);
  await runPgMigrations(client, PG_JOB_DB_MIGRATIONS.filter((migration) => migration.version < 13));
  for (const sql of rows) await client.query(sql);
  expect((await runPgMigrations(client, PG_JOB_DB_MIGRATIONS)).applied).toEqual(PG_JOB_DB_MIGRATIONS.filter((migration) => migration.version >= 13).map((migration) => migration.version));
  return { query: async <T,>(sql: string) => (await client.query(sql)).rows as T[], exec: (sql) => client.query(sql), done: () => undefined };
}

const VERSION = `INSERT INTO output_versions (job_id, target, image_index, version, cause, layout, kept_path, width, height, bytes, format, preflight, created_at) VALUES`;
const LAYOUT = `'{"method":"crop","fill":null,"window":{"left":0,"top":0,"width":10,"height":10},"sourceRegion":{"left":0,"top":0,"width":10,"height":10}}'`;

describe('migration 13 (version makers)', () => {
  it('gives every kept version its maker and tier, and widens the causes without losing a row', async () => {
    const store = await migratedFrom12([
      `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size, folder_id, origin, provider, state, created_at, updated_at)
       VALUES ('j1', 'h1', 'p', 1, '/in/a.jpg', 'a.jpg', 10, NULL, 'drop', 'mixed', 'done', 1, 2)`,
      // 10x10 was fal's (2K), fixed locally then restored; 20x20 was the local engine's, nudged once.
      `INSERT INTO job_outputs (job_id, target, image_index, path, width, height, provider, tier, bytes, written_at, version)
       VALUES ('j1', '10x10', 0, '/out/a-10.jpg', 10, 10, 'fal', '2K', 5, 2, 3), ('j1', '20x20', 0, '/out/a-20.jpg', 20, 20, 'local', NULL, 5, 2, 2)`,
      `${VERSION} ('j1', '10x10', 0, 1, 'run', NULL, '/d/v1.jpg', 10, 10, 5, 'jpeg', NULL, 3),
                  ('j1', '10x10', 0, 2, 'nudge', ${LAYOUT}, '/d/v2.jpg', 10, 10, 5, 'jpeg', NULL, 4),
                  ('j1', '10x10', 0, 3, 'restore', NULL, '/d/v3.jpg', 10, 10, 5, 'jpeg', NULL, 5),
                  ('j1', '20x20', 0, 1, 'run', ${LAYOUT}, '/d/w1.jpg', 20, 20, 5, 'jpeg', NULL, 3),
                  ('j1', '20x20', 0, 2, 'nudge', ${LAYOUT}, '/d/w2.jpg', 20, 20, 5, 'jpeg', NULL, 4)`,
    ]);
    try {
      const rows = await store.query<{ target: string; version: number; cause: string; provider: string; tier: string | null; kept_path: string }>(
        'SELECT target, version, cause, provider, tier, kept_path FROM output_versions ORDER BY target, version',
      );
      expect(rows.map((row) => [row.target, row.version, row.cause, row.provider, row.tier])).toEqual([
        ['10x10', 1, 'run', 'fal', '2K'],
        ['10x10', 2, 'nudge', 'local', null],
        ['10x10', 3, 'restore', 'fal', '2K'],
        ['20x20', 1, 'run', 'local', null],
        ['20x20', 2, 'nudge', 'local', null],
      ]);
      expect(rows.map((row) => row.kept_path)).toEqual(['/d/v1.jpg', '/d/v2.jpg', '/d/v3.jpg', '/d/w1.jpg', '/d/w2.jpg']);

      const add = (version: number, cause: string, provider: string) =>
        store.exec(`INSERT INTO output_versions (job_id, target, image_index, version, cause, provider, tier, layout, kept_path, width, height, bytes, format, preflight, created_at)
                    VALUES ('j1', '10x10', 0, ${version}, '${cause}', '${provider}', NULL, NULL, '/d/x.jpg', 10, 10, 5, 'jpeg', NULL, 6)`);
      for (const [index, cause] of ['fal_rerun', 'marks', 'method', 'pick'].entries()) await add(4 + index, cause, 'fal');
      await expect(add(9, 'guess', 'fal')).rejects.toThrow(/CHECK|check/);
      await expect(add(9, 'restore', 'cloud')).rejects.toThrow(/CHECK|check/);
      // Still one row per version of one output, and versions still go when their job does.
      await expect(add(4, 'marks', 'local')).rejects.toThrow(/UNIQUE|unique|duplicate/);
      await store.exec("DELETE FROM jobs WHERE id = 'j1'");
      expect(await store.query('SELECT id FROM output_versions')).toEqual([]);
    } finally {
      store.done();
    }
  });
});
